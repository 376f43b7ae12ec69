package vn.haiphong.dx.notification;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends documents by e-mail when a mail server is configured ({@code spring.mail.host}); without one (the
 * demo), a dispatch is only recorded, and says so. A failure to send is thrown, so that the engine retries
 * the dispatch and, when it keeps failing, shows an incident in Cockpit.
 */
@Component
public class ReportMailer {

    public record Attachment(String fileName, String contentType, byte[] content) {}

    /** How a message went: {@code EMAIL} with the message id, or {@code RECORDED} with the reason. */
    public record Outcome(String channel, String reference) {}

    static final String NOT_CONFIGURED = "Chưa gửi thư điện tử: máy chủ thư (spring.mail.host) chưa được cấu hình";

    /** A recipient the plan names without a mailbox: the report goes on paper, the dispatch is only recorded. */
    public static final Outcome ON_PAPER = new Outcome("RECORDED", "Gửi bản giấy: nơi nhận không có địa chỉ thư điện tử");

    private final JavaMailSender sender;
    private final String from;

    ReportMailer(ObjectProvider<JavaMailSender> sender, @Value("${dx.mail.from:}") String from) {
        this.sender = sender.getIfAvailable();
        this.from = from;
        if (this.sender != null && from.isBlank()) {
            throw new IllegalStateException("dx.mail.from (MAIL_FROM) must name the sender when spring.mail.host is set");
        }
    }

    public Outcome send(String to, String subject, String body, List<Attachment> attachments) {
        if (sender == null) {
            return new Outcome("RECORDED", NOT_CONFIGURED);
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
            for (Attachment a : attachments) {
                helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
            }
            message.saveChanges();
            String id = message.getMessageID();
            sender.send(message);
            return new Outcome("EMAIL", id);
        } catch (MessagingException | MailException e) {
            throw new IllegalStateException("Sending the report to " + to + " failed: " + e.getMessage(), e);
        }
    }
}
