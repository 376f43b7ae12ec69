package vn.haiphong.dx.metrics;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.escalation.DifficultyService;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.calendar.PlanCalendar;

/**
 * Reads the operational figures: a few counts through the engine's API and two grouped queries, about ten
 * statements in all. Read as the engine, whoever scrapes: a scrape runs as the monitoring account, which may see
 * no task at all.
 */
@Component
class OperationalFiguresReader {

    /** Open tasks by process, in one pass over the open tasks instead of a count per process. */
    private static final String OPEN_TASKS_BY_PROCESS = """
            select d.key_, count(*) from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ group by d.key_""";

    /**
     * Failures, not their echoes: an incident in a called process is repeated on each calling process (with the same
     * root cause); Cockpit shows them all, operators count the failure once.
     */
    private static final String OPEN_INCIDENTS = "select count(*) from act_ru_incident where id_ = root_cause_incident_id_";

    private final ManagementService management;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final IdentityService identity;
    private final DifficultyService difficulties;
    private final PlanCalendar calendar;
    private final JdbcClient jdbc;

    OperationalFiguresReader(ManagementService management, RuntimeService runtime, RepositoryService repository, TaskService tasks,
                             IdentityService identity, DifficultyService difficulties, PlanCalendar calendar, JdbcClient jdbc) {
        this.management = management;
        this.runtime = runtime;
        this.repository = repository;
        this.tasks = tasks;
        this.identity = identity;
        this.difficulties = difficulties;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    OperationalFigures read() {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            Date now = Date.from(calendar.now());
            return new OperationalFigures(
                    management.createJobQuery().executable().count(),
                    management.createJobQuery().withException().count(),
                    jdbc.sql(OPEN_INCIDENTS).query(Long.class).single(),
                    openTasksByProcess(),
                    tasks.createTaskQuery().processDefinitionKey(PeriodicReportProcess.ID)
                            .taskDefinitionKey(PeriodicReportProcess.Activities.SUBMIT_REPORT).dueBefore(now).count(),
                    tasks.createTaskQuery().processDefinitionKey(UnitPlanProcess.ID)
                            .taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN).dueBefore(now).count(),
                    difficulties.openByStage(),
                    management.createJobQuery().processDefinitionKey(ConsolidatedReportProcess.ID)
                            .activityId(ConsolidatedReportProcess.Activities.DISPATCH_REPORT).withException().withRetriesLeft().count(),
                    runtime.createIncidentQuery().processDefinitionKeyIn(ConsolidatedReportProcess.ID)
                            .activityId(ConsolidatedReportProcess.Activities.DISPATCH_REPORT).count());
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    /** Every deployed process, with none open too, so that its series starts at 0 rather than appearing later. */
    private Map<String, Long> openTasksByProcess() {
        Map<String, Long> counts = new HashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().list().forEach(d -> counts.put(d.getKey(), 0L));
        jdbc.sql(OPEN_TASKS_BY_PROCESS).query((RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }
}
