package vn.haiphong.dx.notification;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.haiphong.dx.notification.NotificationRepository.Event;
import vn.haiphong.dx.notification.NotificationRepository.Message;
import vn.haiphong.dx.notification.NotificationRepository.Status;

/**
 * Sends what was recorded, off the thread of the person's request or the engine's job: woken after each transaction
 * that recorded a task event, and by the sweep every minute (README, "Notifications"). Every row is claimed before it
 * is worked on, so nodes and runs share the work without doing any of it twice. A mail server that fails is tried
 * again after a pause that doubles (1, 2, 4, 8 minutes), then the mail is recorded as failed; nothing of it reaches
 * the person's work.
 */
@Component
class NotificationDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final int BATCH = 100;
    /** A mail still "sending" this long after it was taken belongs to a node that stopped. */
    static final Duration STALE = Duration.ofMinutes(10);
    /** How long a processed event is kept (its messages, in dx_notification, are kept). */
    static final Duration EVENTS_KEPT = Duration.ofDays(30);

    private final NotificationRepository repository;
    private final TaskNotices notices;
    private final Delivery delivery;
    private final NotificationSettings settings;
    private final TaskService tasks;
    private final TransactionTemplate newTransaction;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dx-notifications");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    NotificationDispatcher(NotificationRepository repository, TaskNotices notices, Delivery delivery,
                           NotificationSettings settings, TaskService tasks, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.repository = repository;
        this.notices = notices;
        this.delivery = delivery;
        this.settings = settings;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Asks for a run on the dispatcher's thread; runs asked for while one is going are folded into one more. */
    void wake() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (requested.getAndSet(false)) {
                run();
            }
        } catch (RuntimeException e) {
            LOG.error("Notifications: a run failed; the sweep tries again", e);
        } finally {
            running.set(false);
        }
        if (requested.get()) {
            wake();
        }
    }

    /** Turns recorded events into messages, then sends the messages that are due. */
    void run() {
        while (processEvents() == BATCH) {
            // a backlog: on with the next batch
        }
        while (sendDue() == BATCH) {
            // a backlog: on with the next batch
        }
    }

    /** What the schedule runs: mails a stopped node left half-sent are recorded, then everything due is sent. */
    void sweep() {
        repository.forgetEvents(NotificationRepository.now().minus(EVENTS_KEPT));
        int interrupted = repository.abandonStale(NotificationRepository.now().minus(STALE));
        if (interrupted > 0) {
            LOG.warn("Notifications: {} mails were being sent by a node that stopped; recorded as interrupted, not resent", interrupted);
        }
        run();
    }

    int processEvents() {
        List<Event> events = repository.openEvents(BATCH);
        for (Event event : events) {
            try {
                newTransaction.executeWithoutResult(status -> {
                    if (repository.claimEvent(event.id())) {
                        notices.of(event).forEach(repository::insertIfAbsent);
                    }
                });
            } catch (RuntimeException e) {
                boolean giveUp = event.attempts() + 1 >= settings.maxAttempts();
                repository.eventFailed(event.id(), e.toString(), giveUp);
                LOG.warn("Notifications: event {} of task {} not turned into mails ({}): {}", event.id(), event.taskId(),
                        giveUp ? "given up" : "tried again later", e.toString());
            }
        }
        return events.size();
    }

    int sendDue() {
        List<Message> due = repository.dueMessages(BATCH);
        for (Message message : due) {
            if (repository.claim(message.id())) {
                send(message);
            }
        }
        return due.size();
    }

    private void send(Message message) {
        int attempt = message.attempts() + 1;
        if (tasks.createTaskQuery().taskId(message.taskId()).count() == 0) {
            // Done (by a colleague, say) before the mail could go: no work left to point to.
            repository.finish(message.id(), Status.SKIPPED, "task no longer open", null);
            return;
        }
        try {
            Delivery.Result result = delivery.deliver(message.recipient(), message.address(), message.subject(), message.body());
            repository.finish(message.id(), result.status(), result.reference(), null);
        } catch (Delivery.Failure e) {
            if (attempt >= settings.maxAttempts()) {
                repository.finish(message.id(), Status.FAILED, null, e.getMessage());
                LOG.error("Notifications: mail {} to {} failed {} times, recorded as failed: {}", message.id(), message.recipient(),
                        attempt, e.getMessage());
            } else {
                repository.retryLater(message.id(), e.getMessage(), NotificationRepository.now().plus(pause(attempt)));
                LOG.warn("Notifications: mail {} to {} not sent (attempt {}), tried again in {}: {}", message.id(),
                        message.recipient(), attempt, pause(attempt), e.getMessage());
            }
        }
    }

    static Duration pause(int attempt) {
        return Duration.ofMinutes(1L << Math.min(attempt - 1, 6));
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
