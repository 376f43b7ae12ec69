package vn.haiphong.dx.web.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.haiphong.dx.consolidation.ConsolidatedReportView;
import vn.haiphong.dx.delegation.UnitAcknowledgement;
import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.TargetEvaluator;
import vn.haiphong.dx.web.monitor.PlanTasks.OpenTask;

/**
 * Everything the pages show of one plan, read once per request ({@link PlanSnapshots}); the pages' view models are
 * built from it without further reads, so that a page, its charts and its Excel export say the same.
 *
 * @param issued        whether the plan has been issued (a draft asks nothing of its units)
 * @param asked         the periodic reports the plan asks for: the periods it consolidates, from its issuance process
 *                      (periods already over at issuance are not asked; an amendment may add or withdraw periods)
 * @param statuses      each opened period's reports by period code
 * @param dueAt         the end of each period's due day on the plan's calendar, by period code
 * @param agencyResults the agency-wide targets measured in each opened period (and over the whole plan so far, under
 *                      {@link ReportingPeriod#FINAL_CODE})
 */
record PlanSnapshot(PlanDefinition plan, PlanRepository.PlanRow row, Instant now, LocalDate today, boolean issued, Set<String> asked,
                    List<ReportingPeriod> periods, Map<String, Date> dueAt, Map<String, PeriodStatus> statuses,
                    Map<String, List<TargetEvaluator.Result>> agencyResults, List<UnitAcknowledgement> acknowledgements,
                    List<DifficultyView> difficulties, List<OpenTask> tasks, List<ConsolidatedReportView> consolidated,
                    List<TaskProgress.Entry> progress) {

    /** The day a period opens for reporting: its first day; the final report's, the day after the plan. */
    static LocalDate opensOn(ReportingPeriod period) {
        return period.kind() == ReportingPeriod.Kind.FINAL ? period.end().plusDays(1) : period.start();
    }

    boolean opened(ReportingPeriod period) {
        return !today.isBefore(opensOn(period));
    }

    Optional<PeriodStatus.UnitReport> report(String unitCode, String periodCode) {
        PeriodStatus status = statuses.get(periodCode);
        return status == null ? Optional.empty()
                : status.units().stream().filter(u -> u.unitCode().equals(unitCode)).findFirst();
    }

    /** The unit's open report task for the period, if it has one (its due date may have been extended). */
    Optional<OpenTask> reportTask(String unitCode, ReportingPeriod period) {
        return tasks.stream().filter(t -> unitCode.equals(t.unitCode()) && PlanSnapshots.isReportTask(t, period)).findFirst();
    }

    /**
     * Where the unit stands on the period. The reporting service knows submitted reports (on time or late); whether a
     * report not submitted is awaited, overdue or not asked follows from the dates and the unit's open task.
     * <p>
     * New states of the reporting service (a report returned for correction, a released unit) are mapped here: the
     * switch has no default so that the compiler points at this place.
     */
    ReportState state(String unitCode, ReportingPeriod period) {
        if (!issued || (period.kind() != ReportingPeriod.Kind.FINAL && !asked.contains(period.code()))) {
            return ReportState.NOT_ASKED;
        }
        if (!opened(period)) {
            return ReportState.UPCOMING;
        }
        PeriodStatus.State state = report(unitCode, period.code()).map(PeriodStatus.UnitReport::state)
                .orElse(PeriodStatus.State.MISSING);
        return switch (state) {
            case ON_TIME -> ReportState.ON_TIME;
            case LATE -> ReportState.LATE;
            case MISSING -> overdue(unitCode, period) ? ReportState.OVERDUE : ReportState.OPEN;
            case RETURNED -> ReportState.RETURNED;
            case RELEASED -> ReportState.RELEASED;
        };
    }

    /** The moment after which the unit's report of the period is late: its task's due date, or the period's. */
    Date dueAt(String unitCode, ReportingPeriod period) {
        return reportTask(unitCode, period).map(OpenTask::due).filter(d -> d != null).orElse(dueAt.get(period.code()));
    }

    /** Whether the period's due moment (for every unit) has passed. */
    boolean over(ReportingPeriod period) {
        return dueAt.get(period.code()).toInstant().isBefore(now);
    }

    private boolean overdue(String unitCode, ReportingPeriod period) {
        return dueAt(unitCode, period).toInstant().isBefore(now);
    }

    Date nowDate() {
        return Date.from(now);
    }
}
