package vn.haiphong.dx.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.notification.NotificationRepository.Message;
import vn.haiphong.dx.notification.NotificationRepository.Status;
import vn.haiphong.dx.shared.Texts;

/**
 * Reminders reach a person once a day at most, as one mail listing them (at {@code dx.notifications.digest-time},
 * Asia/Ho_Chi_Minh). A reminder that arrives after the day's digest went waits for the next day's. A reminder whose
 * task was done meanwhile is left out. The day's digest is one row per person and day, so however many nodes run the
 * schedule, a person gets one.
 */
@Component
class DailyDigest {

    private static final Logger LOG = LoggerFactory.getLogger(DailyDigest.class);

    private final NotificationRepository repository;
    private final TaskNotices notices;
    private final Delivery delivery;
    private final TaskService tasks;
    private final NotificationSettings settings;
    private final Clock clock = Clock.system(TaskNotices.ZONE);

    DailyDigest(NotificationRepository repository, TaskNotices notices, Delivery delivery, TaskService tasks,
                NotificationSettings settings) {
        this.repository = repository;
        this.notices = notices;
        this.delivery = delivery;
        this.tasks = tasks;
        this.settings = settings;
    }

    /** What the schedule runs each day. */
    void sendToday() {
        send(LocalDate.now(clock));
    }

    /** What the sweep runs: today's digests that the mail server refused are tried again. */
    void retryToday() {
        retry(LocalDate.now(clock));
    }

    /** Sends the day's digest to everyone with waiting reminders who has none yet that day. */
    void send(LocalDate day) {
        for (String recipient : repository.digestRecipients()) {
            try {
                open(recipient, day);
            } catch (RuntimeException e) {
                LOG.error("Notifications: digest of {} for {} not sent", recipient, day, e);
            }
        }
    }

    void retry(LocalDate day) {
        for (NotificationRepository.Digest failed : repository.failedDigests(day, settings.maxAttempts())) {
            if (repository.claimDigestRetry(failed.id())) {
                deliver(failed.id(), failed.recipient(), failed.address(), day, repository.digestItems(failed.id()).stream()
                        .filter(m -> m.status() == Status.SENDING).toList(), failed.attempts() + 1);
            }
        }
    }

    private void open(String recipient, LocalDate day) {
        Optional<TaskNotices.Person> person = notices.people(List.of(recipient)).stream().findFirst();
        String address = person.map(TaskNotices.Person::email).orElse(null);
        Optional<Long> digest = repository.openDigest(recipient, day, address);
        if (digest.isEmpty()) {
            return;
        }
        List<Message> open = new ArrayList<>();
        for (Message item : repository.attachToDigest(digest.get(), recipient)) {
            if (tasks.createTaskQuery().taskId(item.taskId()).count() > 0) {
                open.add(item);
            } else {
                repository.finish(item.id(), Status.SKIPPED, null, "task no longer open");
            }
        }
        deliver(digest.get(), recipient, address, day, open, 1);
    }

    private void deliver(long digest, String recipient, String address, LocalDate day, List<Message> items, int attempt) {
        if (items.isEmpty()) {
            repository.finishDigest(digest, Status.SKIPPED, "nothing left to remind of", null);
            return;
        }
        String name = notices.people(List.of(recipient)).stream().findFirst().map(TaskNotices.Person::name).orElse(recipient);
        String subject = "Nhắc việc ngày " + Texts.DATE.format(day) + ": " + items.size() + " công việc cần chú ý";
        StringBuilder body = new StringBuilder(TaskNotices.greeting(new TaskNotices.Person(recipient, name, address)))
                .append("\n\nCác nhắc nhở về công việc của anh/chị:\n");
        for (int i = 0; i < items.size(); i++) {
            body.append('\n').append(i + 1).append(". ").append(items.get(i).body());
        }
        body.append('\n').append(notices.footer());
        try {
            Delivery.Result result = delivery.deliver(recipient, address, subject, body.toString());
            repository.finishDigest(digest, result.status(), result.reference(), null);
        } catch (Delivery.Failure e) {
            repository.finishDigest(digest, Status.FAILED, null, e.getMessage());
            LOG.warn("Notifications: digest {} of {} for {} not sent (attempt {}{}): {}", digest, recipient, day, attempt,
                    attempt >= settings.maxAttempts() ? ", given up" : ", tried again at the next sweep", e.getMessage());
        }
    }
}
