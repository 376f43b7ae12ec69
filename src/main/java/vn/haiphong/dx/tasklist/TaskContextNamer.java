package vn.haiphong.dx.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every task its business context in its name ("Tiếp nhận kế hoạch … – Kế hoạch … – Văn phòng Sở"),
 * so a civil servant knows what a task is without opening it. Models keep short, readable names.
 */
@Component
class TaskContextNamer {

    /** The engine's task name column holds 255 characters. */
    static final int MAX_NAME = 255;
    static final String CONTEXT_VARIABLE = "taskContext";

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onCreate(DelegateTask task) {
        Object context = task.getVariable(CONTEXT_VARIABLE);
        if (context != null && task.getName() != null) {
            String name = task.getName() + " – " + context;
            task.setName(name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…");
        }
    }
}
