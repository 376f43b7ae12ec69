package vn.haiphong.dx.notification;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dx.notifications.*}: e-mail to people when work reaches them (README, "Notifications").
 *
 * @param enabled       records and sends notifications; off in the process tests, whose mail servers count mails
 * @param baseUrl       the address people open the application at: links in mails point there
 * @param digestTime    when each day's digest of reminders goes out (Asia/Ho_Chi_Minh)
 * @param scheduled     the daily digest and the retry sweep run on their own (off in tests, which run them by hand)
 * @param sweepInterval how often a node sends what is due again (failed attempts, work of a node that stopped)
 * @param maxAttempts   attempts to send one mail before it is recorded as failed
 */
@ConfigurationProperties("dx.notifications")
record NotificationSettings(@DefaultValue("true") boolean enabled,
                            @DefaultValue("http://localhost:8080") String baseUrl,
                            @DefaultValue("07:00") LocalTime digestTime,
                            @DefaultValue("true") boolean scheduled,
                            @DefaultValue("PT1M") Duration sweepInterval,
                            @DefaultValue("5") int maxAttempts) {

    /** Tasklist's address of one task, as a person opens it from a mail. */
    String taskLink(String taskId) {
        return base() + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    /** The page where a person turns notification mail on or off. */
    String preferencesLink() {
        return base() + PreferencePage.PATH;
    }

    private String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
