package vn.haiphong.dx.web.monitor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Open work in the engine, read for the pages: a plan's open tasks by who holds them (each unit's group, leadership),
 * and a person's own open tasks. Read as the engine after the page has checked who may see it; the task queries
 * carry no expression.
 */
@Component
class PlanTasks {

    /** Every process of the project keeps the plan's code in this variable; a period's report keeps its period. */
    static final String PLAN_CODE = "planCode";
    static final String PERIOD_CODE = "periodCode";

    /**
     * An open task.
     *
     * @param unitCode   the unit whose group holds it; null for leadership
     * @param periodCode the period its process is about, if any
     */
    record OpenTask(String id, String name, String activity, Date due, Date created, String assignee, String holder,
                    String unitCode, String planCode, String periodCode) {

        boolean overdue(Date now) {
            return due != null && due.before(now);
        }
    }

    /** Overdue first (the longest overdue first), then by due date, tasks without one last, then the oldest. */
    static final Comparator<OpenTask> URGENCY = Comparator
            .comparing(OpenTask::due, Comparator.nullsLast(Comparator.<Date>naturalOrder()))
            .thenComparing(OpenTask::created, Comparator.nullsLast(Comparator.<Date>naturalOrder()));

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;

    PlanTasks(TaskService tasks, RuntimeService runtime, IdentityService identity) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** The plan's open tasks held by its units' groups and its leadership, most urgent first. */
    List<OpenTask> ofPlan(PlanDefinition plan) {
        return ProcessContext.asEngine(identity, () -> {
            Map<String, Holder> holders = new LinkedHashMap<>();
            String agency = plan.agency().code();
            plan.units().forEach(u -> holders.put(UnitGroups.unitGroupId(agency, u.code()), new Holder(u.name(), u.code())));
            holders.put(UnitGroups.leadershipGroupId(agency), new Holder(plan.leadership().name(), null));
            Map<String, Task> found = new LinkedHashMap<>();
            Map<String, Holder> heldBy = new HashMap<>();
            holders.forEach((group, holder) -> tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks()
                    .processVariableValueEquals(PLAN_CODE, plan.code()).list()
                    .forEach(task -> {
                        found.putIfAbsent(task.getId(), task);
                        heldBy.putIfAbsent(task.getId(), holder);
                    }));
            Map<String, String> periods = topLevel(found.values(), PERIOD_CODE);
            return found.values().stream().map(task -> {
                Holder holder = heldBy.get(task.getId());
                return open(task, holder.name(), holder.unitCode(), plan.code(), periods.get(task.getProcessInstanceId()));
            }).sorted(URGENCY).toList();
        });
    }

    /** The person's open tasks: assigned to them, or offered to one of their groups; most urgent first. */
    List<OpenTask> ofPerson(String userId, List<String> groups) {
        return ProcessContext.asEngine(identity, () -> {
            Map<String, Task> found = new LinkedHashMap<>();
            tasks.createTaskQuery().taskAssignee(userId).list().forEach(t -> found.putIfAbsent(t.getId(), t));
            if (!groups.isEmpty()) {
                tasks.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks().list()
                        .forEach(t -> found.putIfAbsent(t.getId(), t));
            }
            Map<String, String> plans = topLevel(found.values(), PLAN_CODE);
            Map<String, String> periods = topLevel(found.values(), PERIOD_CODE);
            return found.values().stream()
                    .map(task -> open(task, null, null, plans.get(task.getProcessInstanceId()), periods.get(task.getProcessInstanceId())))
                    .sorted(URGENCY).toList();
        });
    }

    private static OpenTask open(Task task, String holder, String unitCode, String planCode, String periodCode) {
        return new OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getDueDate(), task.getCreateTime(),
                task.getAssignee(), holder, unitCode, planCode, periodCode);
    }

    /** A variable of each task's process instance, at the instance's own scope, in one query. */
    private Map<String, String> topLevel(Collection<Task> open, String name) {
        List<String> instances = open.stream().map(Task::getProcessInstanceId).filter(id -> id != null).distinct().toList();
        Map<String, String> values = new HashMap<>();
        if (instances.isEmpty()) {
            return values;
        }
        List<VariableInstance> variables = new ArrayList<>(runtime.createVariableInstanceQuery()
                .processInstanceIdIn(instances.toArray(String[]::new)).variableName(name).disableCustomObjectDeserialization().list());
        variables.stream().filter(v -> v.getProcessInstanceId().equals(v.getExecutionId()) && v.getValue() != null)
                .forEach(v -> values.put(v.getProcessInstanceId(), v.getValue().toString()));
        return values;
    }

    private record Holder(String name, String unitCode) {}
}
