package vn.haiphong.dx.tasklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanEvents;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Shared Tasklist filters, created once (Tasklist shows no list without a filter). Administrators may
 * change them afterwards; a filter that exists by name is left as it is.
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

    static final String MY_TASKS = "Việc của tôi";
    static final String UNIT_TASKS = "Việc của đơn vị";
    static final String DUE_SOON = "Sắp đến hạn";
    static final String OVERDUE = "Quá hạn";
    /** Filter property naming the one group that may read an Office's own filter. */
    public static final String OFFICE_GROUP_PROPERTY = "dxOfficeGroup";

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", TaskContextNamer.CONTEXT_VARIABLE, "label", "Kế hoạch – đơn vị"));

    private final FilterService filters;
    private final TaskService tasks;
    private final Plans catalog;
    private final IdentityService identity;

    TasklistFilters(FilterService filters, TaskService tasks, Plans catalog, IdentityService identity) {
        this.filters = filters;
        this.tasks = tasks;
        this.catalog = catalog;
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(MY_TASKS, -10, "Công việc đang giao cho tôi",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        ensure(UNIT_TASKS, 0, "Công việc chờ đơn vị của tôi xử lý (nhận việc để làm)",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc());
        ensure(DUE_SOON, 10, "Việc của đơn vị đến hạn trong 3 ngày tới",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}")
                        .orderByDueDate().asc());
        ensure(OVERDUE, 20, "Việc của đơn vị đã quá hạn xử lý",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .dueBeforeExpression("${now()}").orderByDueDate().asc());
        catalog.all().forEach(this::officeFilter);
    }

    /**
     * A plan brought in while the application runs: its Office gets its own filter at once (and the grants to it,
     * from {@code AuthorizationBootstrap}, which listens to the same event after this one).
     */
    @EventListener
    @Order(0)
    public void onRegistered(PlanEvents.Registered registered) {
        ProcessContext.asEngine(identity, () -> {
            officeFilter(registered.plan());
            return null;
        });
    }

    private void officeFilter(PlanDefinition plan) {
        String office = UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit());
        ensure("Tất cả việc của " + plan.focal().name(), 30,
                "Mọi công việc của đơn vị đầu mối, cả việc đồng nghiệp đã nhận (chỉ đơn vị đầu mối thấy)",
                tasks.createTaskQuery().taskCandidateGroup(office).includeAssignedTasks().orderByDueDate().asc(),
                Map.of(OFFICE_GROUP_PROPERTY, office));
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        ensure(name, priority, description, query, Map.of());
    }

    private void ensure(String name, int priority, String description, TaskQuery query, Map<String, Object> extra) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new java.util.HashMap<>(Map.of("priority", priority, "description", description,
                "refresh", true, "variables", COLUMNS));
        properties.putAll(extra);
        filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties));
    }
}
