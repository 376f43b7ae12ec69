package vn.haiphong.dx.tasklist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * Shared Tasklist filters (Tasklist shows no list without a filter). Each carries the revision of its definition
 * ({@value #REVISION_PROPERTY}); at start-up a filter of an earlier revision is brought up to date, so an upgraded
 * installation gets the new filters without losing their ids and grants. A filter an administrator changed is left
 * as it is: Tasklist's filter dialog saves only its own properties, so a filter saved there has no revision, and
 * carries the dialog's {@code color} (the first release created its filters without either).
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
    static final String REVISION_PROPERTY = "dxRevision";
    /**
     * 1: the first release (no property). 2: "Việc của tôi" lists what the person can act on (their tasks and their
     * groups' unclaimed ones) instead of only their assigned tasks; no column repeating the task's context, which its
     * short name now carries. 3: by priority first (urgent difficulties lead), then by due date.
     */
    static final int REVISION = 3;
    /** Set on every filter by Tasklist's filter dialog, never by this class. */
    private static final String DIALOG_PROPERTY = "color";
    private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

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
        ensure(MY_TASKS, -10, "Việc đang giao cho tôi và việc của đơn vị tôi chưa ai nhận",
                tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}")
                        .taskCandidateGroupInExpression("${currentUserGroups()}").endOr()
                        .orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskCreateTime().asc(), Map.of());
        ensure(UNIT_TASKS, 0, "Mọi việc của đơn vị tôi, cả việc đồng nghiệp đã nhận",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .orderByDueDate().asc(), Map.of());
        ensure(DUE_SOON, 10, "Việc của đơn vị đến hạn trong 3 ngày tới",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(3).toDate()}")
                        .orderByDueDate().asc(), Map.of());
        ensure(OVERDUE, 20, "Việc của đơn vị đã quá hạn xử lý",
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks()
                        .dueBeforeExpression("${now()}").orderByDueDate().asc(), Map.of());
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
                tasks.createTaskQuery().taskCandidateGroup(office).includeAssignedTasks().orderByTaskPriority().desc()
                        .orderByDueDate().asc(),
                Map.of(OFFICE_GROUP_PROPERTY, office));
    }

    private void ensure(String name, int priority, String description, TaskQuery query, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of("priority", priority, "description", description,
                "refresh", true, "variables", List.of(), REVISION_PROPERTY, REVISION));
        properties.putAll(extra);
        List<Filter> shared = filters.createFilterQuery().filterName(name).list().stream().filter(f -> f.getOwner() == null).toList();
        if (shared.isEmpty()) {
            filters.saveFilter(filters.newTaskFilter(name).setQuery(query).setProperties(properties));
            return;
        }
        for (Filter filter : shared) {
            int revision = revision(filter);
            if (revision > 0 && revision < REVISION) {
                filters.saveFilter(filter.setQuery(query).setProperties(properties));
                LOG.info("Tasklist filter '{}' upgraded from revision {} to {}", name, revision, REVISION);
            } else if (revision == 0) {
                LOG.info("Tasklist filter '{}' was changed by an administrator and is kept as it is", name);
            }
        }
    }

    /** The filter's revision; 1 for the first release's filters, 0 for one an administrator saved. */
    static int revision(Filter filter) {
        Map<String, Object> properties = filter.getProperties() == null ? Map.of() : filter.getProperties();
        if (properties.get(REVISION_PROPERTY) instanceof Number revision) {
            return revision.intValue();
        }
        return properties.containsKey(DIALOG_PROPERTY) ? 0 : 1;
    }
}
