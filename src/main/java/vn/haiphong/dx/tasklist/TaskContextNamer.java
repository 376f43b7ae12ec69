package vn.haiphong.dx.tasklist;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives every task a short name with its business context, so a civil servant knows what a task is from the list
 * without opening it: the model's name, the context the process prepared ({@code taskContext}: period, unit, subject)
 * and the plan's short name (its number, e.g. 29/KH-UBND, or its code before issuance). The plan's full title, which
 * processes also put in the context, goes to the task's description instead (Tasklist's "Mô tả" tab).
 */
@Component
class TaskContextNamer {

    static final String CONTEXT_VARIABLE = "taskContext";
    /** Every process of a plan carries these (the process classes declare them under the same names). */
    static final String PLAN_CODE_VARIABLE = "planCode";
    static final String PLAN_VERSION_VARIABLE = "planVersion";

    private final PlanLabels plans;

    TaskContextNamer(PlanLabels plans) {
        this.plans = plans;
    }

    @Order(0)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onCreate(DelegateTask task) {
        if (task.getName() == null) {
            return;
        }
        Object context = task.getVariable(CONTEXT_VARIABLE);
        String text = context == null ? null : context.toString();
        Object planCode = task.getVariable(PLAN_CODE_VARIABLE);
        Optional<PlanLabels.Label> plan = planCode == null ? Optional.empty() : plans.find(planCode.toString());
        if (plan.isEmpty()) {
            task.setName(TaskNames.compose(task.getName(), text, null));
            if (task.getDescription() == null && text != null) {
                task.setDescription(text);
            }
            return;
        }
        String shortContext = TaskNames.withoutTitle(text, plan.get().title());
        if (text != null && text.equals(shortContext) && task.getVariable(PLAN_VERSION_VARIABLE) instanceof Number version) {
            // A context written with the title of the version the work was asked with, since amended.
            shortContext = plans.title(plan.get().code(), version.intValue())
                    .map(title -> TaskNames.withoutTitle(text, title)).orElse(shortContext);
        }
        task.setName(TaskNames.compose(task.getName(), shortContext, plan.get().shortName()));
        if (task.getDescription() == null) {
            task.setDescription(plan.get().fullTitle());
        }
    }
}
