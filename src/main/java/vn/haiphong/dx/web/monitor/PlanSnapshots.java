package vn.haiphong.dx.web.monitor;

import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.consolidation.ConsolidationService;
import vn.haiphong.dx.delegation.AcknowledgementService;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.escalation.DifficultyService;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.calendar.PlanCalendar;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.reporting.TargetEvaluator;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.web.monitor.PlanTasks.OpenTask;

/** Reads a {@link PlanSnapshot}: the plan's periods, reports, targets, acknowledgements, difficulties and open work. */
@Component
class PlanSnapshots {

    private final PlanMonitor monitor;
    private final ReportingService reporting;
    private final AcknowledgementService acknowledgements;
    private final DifficultyService difficulties;
    private final ConsolidationService consolidation;
    private final PlanCalendar calendar;
    private final PlanTasks tasks;
    private final ObjectProvider<TaskProgress.Source> progress;
    private final HistoryService history;
    private final IdentityService identity;

    PlanSnapshots(PlanMonitor monitor, ReportingService reporting, AcknowledgementService acknowledgements,
                  DifficultyService difficulties, ConsolidationService consolidation, PlanCalendar calendar, PlanTasks tasks,
                  ObjectProvider<TaskProgress.Source> progress, HistoryService history, IdentityService identity) {
        this.history = history;
        this.identity = identity;
        this.monitor = monitor;
        this.reporting = reporting;
        this.acknowledgements = acknowledgements;
        this.difficulties = difficulties;
        this.consolidation = consolidation;
        this.calendar = calendar;
        this.tasks = tasks;
        this.progress = progress;
    }

    PlanSnapshot take(PlanDefinition plan) {
        PlanRepository.PlanRow row = monitor.row(plan.code());
        LocalDate today = calendar.today(plan);
        boolean issued = row.issuedAt() != null;
        Set<String> asked = issued ? askedPeriods(row) : Set.of();
        List<ReportingPeriod> periods = reporting.periods(plan.code());
        Map<String, Date> dueAt = new LinkedHashMap<>();
        periods.forEach(period -> dueAt.put(period.code(), calendar.endOf(plan, period.dueOn())));
        Map<String, PeriodStatus> statuses = new LinkedHashMap<>();
        Map<String, List<TargetEvaluator.Result>> agency = new LinkedHashMap<>();
        for (ReportingPeriod period : periods) {
            boolean askedFor = issued && (period.kind() == ReportingPeriod.Kind.FINAL || asked.contains(period.code()));
            if (askedFor && !today.isBefore(PlanSnapshot.opensOn(period))) {
                statuses.put(period.code(), reporting.status(plan.code(), period.code()));
            }
            // Agency-wide targets of every period under way or over; under the final report's code, the whole plan so far.
            if (askedFor && !today.isBefore(period.start())) {
                agency.put(period.code(), reporting.agencyTargets(plan.code(), period.code()));
            }
        }
        List<TaskProgress.Entry> entries = progress.stream().flatMap(source -> source.entries(plan.code()).stream()).toList();
        return new PlanSnapshot(plan, row, calendar.now(), today, issued, asked, periods, dueAt, statuses, agency,
                acknowledgements.acknowledgements(plan.code()), difficulties.difficulties(plan.code()), tasks.ofPlan(plan),
                consolidation.reports(plan.code()), entries);
    }

    /** The head of a plan's page, without reading its reports: for pages that need nothing else of the plan. */
    PlanHeader header(PlanDefinition plan, boolean monitors, String page) {
        LocalDate today = calendar.today(plan);
        return PlanHeader.of(plan, monitor.row(plan.code()), today,
                PlanHeader.currentPeriod(reporting.periods(plan.code()), today), monitors, page);
    }

    /** Whether an open task is the unit's report of the period. */
    static boolean isReportTask(OpenTask task, ReportingPeriod period) {
        return period.kind() == ReportingPeriod.Kind.FINAL
                ? UnitPlanProcess.Activities.SUBMIT_FINAL_REPORT.equals(task.activity())
                : PeriodicReportProcess.Activities.SUBMIT_REPORT.equals(task.activity()) && period.code().equals(task.periodCode());
    }

    /**
     * The periods the plan's issuance process consolidates (its multi-instance's {@code periodCode}s, running or done):
     * exactly those the units were asked to report on.
     */
    private Set<String> askedPeriods(PlanRepository.PlanRow row) {
        if (row.processInstanceId() == null) {
            return Set.of();
        }
        return ProcessContext.asEngine(identity, () -> history.createHistoricVariableInstanceQuery()
                .processInstanceId(row.processInstanceId()).variableName(PlanTasks.PERIOD_CODE).disableCustomObjectDeserialization()
                .list().stream().map(HistoricVariableInstance::getValue).filter(v -> v != null).map(Object::toString)
                .collect(Collectors.toSet()));
    }
}
