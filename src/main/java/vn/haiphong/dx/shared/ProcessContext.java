package vn.haiphong.dx.shared;

import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What delegates read from the engine: the acting user and submitted values. */
public final class ProcessContext {

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
}
