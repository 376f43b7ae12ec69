package vn.haiphong.dx.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanEvents;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.tasklist.TasklistFilters;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * What every group of the plans may do in the engine, created from the plan data at start-up, idempotently.
 * Tasks are visible only through the engine's own per-task grants to their candidate group, so a unit sees
 * and works only on its own tasks and two agencies never see each other's. Besides that each group may:
 * use Tasklist and its shared filters; read process definitions (forms and diagrams, no instance data); and
 * start the processes meant for people ({@code isStartableInTasklist}, e.g. reporting a difficulty).
 * Everything else (Cockpit, Admin, deployments, users) stays with {@code camunda-admin}.
 */
@Component
@Order(25)
class AuthorizationBootstrap implements ApplicationRunner {


    /** Processes a person may start; the others are started by the application. */
    static final List<String> STARTABLE_BY_PEOPLE = List.of("DifficultyProcess");

    /** Processes only a plan's focal unit (the Office) may start: recording the city's request for a report. */
    static final List<String> STARTABLE_BY_OFFICE = List.of("AdHocReportProcess");

    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final Plans catalog;
    private final IdentityService identity;

    AuthorizationBootstrap(AuthorizationService authorizations, FilterService filters, Plans catalog, IdentityService identity) {
        this.authorizations = authorizations;
        this.filters = filters;
        this.catalog = catalog;
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalog.all().forEach(this::provision);
    }

    /** A plan brought in or revised while the application runs: its groups get their grants at once. */
    @EventListener
    @Order(1)
    public void onRegistered(PlanEvents.Registered registered) {
        ProcessContext.asEngine(identity, () -> {
            provision(registered.plan());
            return null;
        });
    }

    private void provision(PlanDefinition plan) {
        List<Filter> shared = filters.createFilterQuery().list().stream().filter(f -> f.getOwner() == null).toList();
        for (String group : groups(plan)) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            for (Filter filter : shared) {
                Object only = filter.getProperties() == null ? null : filter.getProperties().get(TasklistFilters.OFFICE_GROUP_PROPERTY);
                if (only == null || only.equals(group)) {
                    grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
                }
            }
            grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            for (String process : STARTABLE_BY_PEOPLE) {
                grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.CREATE_INSTANCE);
            }
            grant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        }
        for (String process : STARTABLE_BY_OFFICE) {
            grant(UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()), Resources.PROCESS_DEFINITION, process,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
    }

    private static List<String> groups(PlanDefinition plan) {
        List<String> groups = new ArrayList<>();
        plan.units().forEach(u -> add(groups, UnitGroups.unitGroupId(plan.agency().code(), u.code())));
        add(groups, UnitGroups.leadershipGroupId(plan.agency().code()));
        return groups;
    }

    private static void add(List<String> groups, String group) {
        if (!groups.contains(group)) {
            groups.add(group);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).authorizationType(Authorization.AUTH_TYPE_GRANT).singleResult();
        Authorization grant = existing != null ? existing : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        if (existing != null && existing.isPermissionGranted(permission)) {
            return;
        }
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        authorizations.saveAuthorization(grant);
    }
}
