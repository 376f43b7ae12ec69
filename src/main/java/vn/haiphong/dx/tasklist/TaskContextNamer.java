package vn.haiphong.dx.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every task its business context in its name, so a civil servant knows what a task is without
 * opening it; models keep short, readable names. A context that continues the sentence (starts in lower
 * case: "tháng 10/2025 – Phòng Tổ chức cán bộ") follows with a space, any other after a dash:
 * "Nộp báo cáo định kỳ tháng 10/2025 – Phòng Tổ chức cán bộ", "Tiếp nhận kế hoạch … – Kế hoạch … – Văn phòng Sở".
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
            String text = context.toString();
            boolean continues = !text.isEmpty() && Character.isLowerCase(text.charAt(0));
            String name = task.getName() + (continues ? " " : " – ") + text;
            task.setName(name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…");
            if (task.getDescription() == null) {
                task.setDescription(text);
            }
        }
    }
}
