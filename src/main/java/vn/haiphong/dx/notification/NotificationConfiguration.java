package vn.haiphong.dx.notification;

import java.time.LocalTime;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

@Configuration
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationConfiguration {

    /**
     * The daily digest at its configured time and the sweep; on every node (rows are claimed, see
     * {@link NotificationDispatcher}). Off when notifications are, and in tests that run both by hand.
     */
    @Configuration
    @EnableScheduling
    @ConditionalOnExpression("${dx.notifications.enabled:true} and ${dx.notifications.scheduled:true}")
    static class Schedule implements SchedulingConfigurer {

        private final NotificationSettings settings;
        private final NotificationDispatcher dispatcher;
        private final DailyDigest digest;

        Schedule(NotificationSettings settings, NotificationDispatcher dispatcher, DailyDigest digest) {
            this.settings = settings;
            this.dispatcher = dispatcher;
            this.digest = digest;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addTriggerTask(digest::sendToday, digestTrigger(settings.digestTime()));
            registrar.addFixedDelayTask(() -> {
                dispatcher.sweep();
                digest.retryToday();
            }, settings.sweepInterval());
        }
    }

    /** Every day at the time, in Hải Phòng. */
    static CronTrigger digestTrigger(LocalTime time) {
        return new CronTrigger("0 " + time.getMinute() + " " + time.getHour() + " * * *", TaskNotices.ZONE);
    }
}
