package vn.haiphong.dx.notification;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.haiphong.dx.notification.NotificationRepository.Status;

/**
 * Hands one mail to the mail server, unless its person turned notification mail off or has no address; without a
 * mail server (the demo) it is only recorded, as {@link ReportMailer} does for reports.
 */
@Component
class Delivery {

    /** How a mail went: its status and the message id (or why it was not sent). */
    record Result(Status status, String reference) {}

    /** The mail server refused or did not answer: the mail may be tried again. */
    static final class Failure extends Exception {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ReportMailer mailer;
    private final NotificationPreferences preferences;

    Delivery(ReportMailer mailer, NotificationPreferences preferences) {
        this.mailer = mailer;
        this.preferences = preferences;
    }

    Result deliver(String recipient, String address, String subject, String body) throws Failure {
        if (!preferences.emailEnabled(recipient)) {
            return new Result(Status.SKIPPED, "e-mail turned off by the person");
        }
        if (address == null || address.isBlank()) {
            return new Result(Status.SKIPPED, "no e-mail address");
        }
        try {
            ReportMailer.Outcome outcome = mailer.send(address, subject, body, List.of());
            return new Result("EMAIL".equals(outcome.channel()) ? Status.SENT : Status.RECORDED, outcome.reference());
        } catch (RuntimeException e) {
            throw new Failure("mail to " + address + " failed: " + (e.getCause() == null ? e : e.getCause()), e);
        }
    }
}
