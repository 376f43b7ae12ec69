package vn.haiphong.dx.tasklist;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Shared Tasklist filters, created once (Tasklist shows no list without a filter). Administrators may
 * change them afterwards; a filter that exists by name is left as it is.
 */
@Component
@Order(20)
class TasklistFilters implements ApplicationRunner {

    static final String MY_TASKS = "Việc của tôi";
    static final String UNIT_TASKS = "Việc của đơn vị";

    private static final List<Map<String, String>> COLUMNS = List.of(
            Map.of("name", TaskContextNamer.CONTEXT_VARIABLE, "label", "Kế hoạch – đơn vị"));

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensure(MY_TASKS, -10, "Công việc đang giao cho tôi",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
        ensure(UNIT_TASKS, 0, "Công việc chờ đơn vị của tôi xử lý (nhận việc để làm)",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc());
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filters.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true,
                        "variables", COLUMNS));
        filters.saveFilter(filter);
    }
}
