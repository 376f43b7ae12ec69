package vn.haiphong.dx.notification;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.haiphong.dx.notification.NotificationRepository.EventKind;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.urging.Urgings;

/**
 * Records, inside the engine's transaction, what happened to a task that someone should hear about: it was created
 * (for a group, or for a person), someone else assigned it to a person, or the engine left a note on it by itself (a
 * reminder writes a task comment, which the engine announces as the task's "update"), or the Office urged the units
 * whose work is late ({@link Urgings.UnitsUrged}). The record is rolled back with the work, so a rolled-back task mails nobody; once the transaction
 * has committed, {@link NotificationDispatcher} turns it into mails on another thread.
 * <p>
 * Recording runs in a savepoint and never throws: whatever happens to a notification, the person's work goes on.
 */
@Component
class TaskEventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(TaskEventRecorder.class);

    private final NotificationSettings settings;
    private final NotificationRepository repository;
    private final NotificationDispatcher dispatcher;
    private final TransactionTemplate savepoint;

    TaskEventRecorder(NotificationSettings settings, NotificationRepository repository, NotificationDispatcher dispatcher,
                      PlatformTransactionManager transactions) {
        this.settings = settings;
        this.repository = repository;
        this.dispatcher = dispatcher;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** After the task's name and any assignee are set (tasklist's listeners run first). */
    @Order(100)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onCreate(DelegateTask task) {
        if (settings.enabled()) {
            current().created.add(task.getId());
            record(EventKind.CREATED, task, null);
        }
    }

    /**
     * Someone gave the task to a person (an administrator reassigns it, its assignee delegates it). Claiming a task
     * oneself is no news; an assignment made while the task is created is part of its creation's message.
     */
    @Order(100)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_ASSIGNMENT + "'")
    public void onAssignment(DelegateTask task) {
        if (settings.enabled() && task.getAssignee() != null && !task.getAssignee().equals(actor(task))
                && !current().created.contains(task.getId())) {
            record(EventKind.ASSIGNED, task, null);
        }
    }

    /**
     * The engine changed an open task on its own (no person acting): a reminder or an urging left a note. While the
     * urging is recorded, the Office's message is still a variable of the report.
     */
    @Order(100)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_UPDATE + "'")
    public void onUpdate(DelegateTask task) {
        if (settings.enabled() && actor(task) == null) {
            Object urging = task.getVariable(PeriodicReportProcess.Vars.URGING_MESSAGE);
            if (urging == null) {
                record(EventKind.NOTED, task, null);
            } else {
                record(EventKind.URGED, task, urging.toString().strip());
            }
        }
    }

    /**
     * The Office urged late units at once (their acknowledgement or their report of a period): each unit hears of it at
     * once, not in the next digest, with the Office's message.
     */
    @EventListener
    public void onUrged(Urgings.UnitsUrged urged) {
        if (settings.enabled()) {
            urged.units().forEach(unit -> record(EventKind.URGED, unit.taskId(), urged.actor(), urged.message()));
        }
    }

    private void record(EventKind kind, DelegateTask task, String detail) {
        record(kind, task.getId(), actor(task), detail);
    }

    private void record(EventKind kind, String taskId, String actor, String detail) {
        if (!current().recorded.add(kind + ":" + taskId)) {
            return;
        }
        try {
            if (TransactionSynchronizationManager.isActualTransactionActive()) {
                savepoint.executeWithoutResult(status -> repository.insertEvent(kind, taskId, actor, detail));
            } else {
                repository.insertEvent(kind, taskId, actor, detail);
                dispatcher.wake();
            }
        } catch (RuntimeException e) {
            LOG.warn("Notification of task {} ({}) not recorded; the work goes on: {}", taskId, kind, e.toString());
        }
    }

    private static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** What this transaction recorded, and the wake-up of the dispatcher once it has committed. */
    private Transaction current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Transaction();
        }
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound instanceof Transaction transaction) {
            return transaction;
        }
        Transaction transaction = new Transaction();
        TransactionSynchronizationManager.bindResource(this, transaction);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (!transaction.recorded.isEmpty()) {
                    dispatcher.wake();
                }
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(TaskEventRecorder.this);
            }
        });
        return transaction;
    }

    private static final class Transaction {
        final Set<String> created = new HashSet<>();
        final Set<String> recorded = new HashSet<>();
    }
}
