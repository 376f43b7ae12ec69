package vn.haiphong.dx.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

import vn.haiphong.dx.Application;
import vn.haiphong.dx.form.InputRejectedException;

/** What delegates read from the engine: the acting user and submitted values. */
public final class ProcessContext {

    private static final ZoneId ZONE = ZoneId.of(Application.TIME_ZONE);

    private ProcessContext() {
    }

    /** The authenticated user id, or null when the engine acts on its own (timers, start-up). */
    public static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** The groups of the authenticated user; empty when the engine acts on its own. */
    public static List<String> currentGroups(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    }

    /** A string variable, trimmed; null when absent or blank. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    /** A date a person entered: Camunda Forms submit "yyyy-MM-dd"; the Java API may pass a Date. */
    public static LocalDate date(Object value, String label) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZONE).toLocalDate();
        }
        String text = String.valueOf(value);
        try {
            return LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (DateTimeParseException e) {
            throw new InputRejectedException("«" + label + "» không phải ngày hợp lệ");
        }
    }

    /**
     * Runs engine calls as the engine itself, outside any person's authorizations: steps the system takes on a
     * person's behalf (deploying a plan's generated forms at its issuance, say).
     */
    public static <T> T asEngine(org.camunda.bpm.engine.IdentityService identity, java.util.function.Supplier<T> work) {
        Authentication person = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (person != null) {
                identity.setAuthentication(person);
            }
        }
    }

    /**
     * Runs engine calls of a service task as the engine itself, not as the person whose completion triggered
     * it: e.g. the Office's urging updates the unit's report task, which the Office may not touch directly.
     */
    public static void asEngine(DelegateExecution execution, Runnable work) {
        var identity = execution.getProcessEngineServices().getIdentityService();
        Authentication person = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            work.run();
        } finally {
            if (person != null) {
                identity.setAuthentication(person);
            }
        }
    }

    /**
     * The running body of a multi-instance activity in a process instance, to which an inner instance can be added by
     * modification (an amendment adds a unit, a period); null when the instance is not, or no longer, there.
     */
    public static org.camunda.bpm.engine.runtime.ActivityInstance multiInstanceBody(org.camunda.bpm.engine.RuntimeService runtime,
                                                                                 String processInstanceId, String activityId) {
        org.camunda.bpm.engine.runtime.ActivityInstance root = runtime.getActivityInstance(processInstanceId);
        if (root == null) {
            return null;
        }
        for (org.camunda.bpm.engine.runtime.ActivityInstance child : root.getChildActivityInstances()) {
            if ((activityId + "#multiInstanceBody").equals(child.getActivityId())) {
                return child;
            }
        }
        return null;
    }
}
