package vn.haiphong.dx.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.reporting.ReportingPeriod.Kind;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.unit.UnitGroups;

/** Periodic and final reports of units: when they open and fall due, what they say, how they measure up. */
@Service
public class ReportingService {


    /**
     * What a report keeps while it waits and is open: the context in its tasks' names, the due date (an urging
     * may extend it) and what the form shows; the opening moment for the final report's timer (the periodic
     * report's timer reads {@link #opensAt(String, String)}).
     */
    public record PeriodSetup(String taskContext, Date openAt, Date dueAt, String dueOn, String periodInfo,
                              int planVersion, String reportFormKey) {}

    /** What a person submitted in a periodic report. */
    public record Submission(Map<String, Object> figures, String narrative, String evidenceLinks, boolean hasDifficulty,
                             String difficultyDescription, String difficultyProposal) {}

    /** Per unit and target, over the whole plan: in how many reports it was evaluated and met. */
    public record TargetTally(String unitCode, String targetCode, int evaluated, int met) {}

    /** @param periodComplete true when this was the last unit of the plan to report on the period */
    public record Stored(long reportId, boolean late, int targetsMet, int targetsEvaluated, boolean periodComplete) {}

    private final Plans catalog;
    private final ReportRepository reports;
    private final PlanCalendar calendar;
    private final PlanRepository planRows;

    private final vn.haiphong.dx.calendar.WorkingDays workingDays;

    ReportingService(Plans catalog, ReportRepository reports, PlanCalendar calendar, PlanRepository planRows,
                     vn.haiphong.dx.calendar.WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.catalog = catalog;
        this.reports = reports;
        this.calendar = calendar;
        this.planRows = planRows;
    }

    /**
     * The periods units report on, as the collection of the per-period multi-instance. A plan issued late
     * creates no tasks for periods already over, unless its data says so.
     */
    public List<String> periodCodes(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        LocalDate today = calendar.today(plan);
        return periodsOf(plan).stream()
                .filter(p -> plan.reporting().createPastPeriods() || !p.end().isBefore(today))
                .map(ReportingPeriod::code)
                .toList();
    }

    /**
     * What a unit's report of a period asks and when: taken from the version of the plan in force now, which the
     * report keeps ({@code planVersion}) for its form, its targets and its evaluation.
     */
    public PeriodSetup setup(String planCode, String unitCode, String periodCode) {
        int version = catalog.runningVersion(planCode);
        PlanDefinition plan = catalog.version(planCode, version);
        ReportingPeriod period = period(plan, periodCode);
        String unitName = plan.unit(unitCode).orElseThrow().name();
        return new PeriodSetup(period.label() + " – " + unitName,
                opensAt(plan, period),
                calendar.endOf(plan, period.dueOn()),
                period.dueOn().toString(),
                periodInfo(plan, unitCode, period),
                version,
                ReportForms.key(planCode, version, unitCode));
    }

    /**
     * When a period opens for reporting: the timer of {@code PeriodicReportProcess} waits for it, reading it
     * from the plan rather than from a variable that would sit in the database for the whole year.
     */
    public Date opensAt(String planCode, String periodCode) {
        PlanDefinition plan = catalog.get(planCode);
        return opensAt(plan, period(plan, periodCode));
    }

    /** The group whose members report for the unit: the report task's queue. */
    public String unitGroupId(String planCode, String unitCode) {
        PlanDefinition plan = catalog.get(planCode);
        plan.unit(unitCode).orElseThrow(() -> new IllegalStateException("Plan " + planCode + " has no unit " + unitCode));
        return UnitGroups.unitGroupId(plan.agency().code(), unitCode);
    }

    /** The group of the plan's focal unit (the Office): it urges units that are late. */
    public String officeGroupId(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        return UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit());
    }

    /** When the unit is reminded of a period's report: the task's follow-up date and the reminder timer. */
    public Date remindAt(String planCode, String periodCode) {
        PlanDefinition plan = catalog.get(planCode);
        return calendar.startOf(plan, period(plan, periodCode).reminderOn(plan));
    }

    /** A period opens on its first day; the final report when the plan's period is over. */
    private Date opensAt(PlanDefinition plan, ReportingPeriod period) {
        return calendar.startOf(plan, period.kind() == Kind.FINAL ? period.end().plusDays(1) : period.start());
    }

    /**
     * Stores a periodic report with its figures and the evaluation of the period's targets, by the version of the plan
     * the report was asked with: every metric that version asks of the unit must have a figure.
     */
    public Stored submit(String planCode, String unitCode, String periodCode, int planVersion, Submission s, Date dueAt,
                         String actor, List<String> actorGroups) {
        PlanDefinition plan = catalog.version(planCode, planVersion);
        ReportingPeriod period = period(plan, periodCode);
        checkUnit(plan, unitCode, actor, actorGroups);
        reports.lockPlan(planCode);
        if (reports.exists(planCode, unitCode, periodCode)) {
            throw new InputRejectedException("Đơn vị đã nộp báo cáo " + period.label());
        }
        if (s.narrative() == null) {
            throw new InputRejectedException("«Tóm tắt kết quả thực hiện» là bắt buộc");
        }
        if (s.hasDifficulty() && s.difficultyDescription() == null) {
            throw new InputRejectedException("Khi báo cáo có khó khăn, vướng mắc, cần mô tả «Khó khăn, vướng mắc»");
        }
        Map<String, Integer> figures = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (PlanDefinition.Metric metric : plan.metricsOf(unitCode)) {
            // The form says it: a figure left blank is 0 for this period.
            Object value = s.figures().get(metric.code()) == null ? Integer.valueOf(0) : s.figures().get(metric.code());
            if (!(value instanceof Number number)) {
                problems.add("«" + metric.label() + "» phải là một số");
            } else if (number.doubleValue() < 0 || number.doubleValue() > metric.upperBound() || number.doubleValue() != Math.rint(number.doubleValue())) {
                problems.add("«" + metric.label() + "» phải là số nguyên từ 0 đến " + metric.upperBound());
            } else {
                figures.put(metric.code(), number.intValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        List<TargetEvaluator.Result> results = TargetEvaluator.evaluate(plan, unitCode,
                new TargetEvaluator.Figures(period, figures), reports.figures(planCode, unitCode, code -> period(plan, code)));
        OffsetDateTime now = OffsetDateTime.ofInstant(calendar.now(), ZoneOffset.UTC);
        boolean late = dueAt != null && now.toInstant().isAfter(dueAt.toInstant());
        long id = reports.insert(new ReportRepository.NewReport(planCode, unitCode, period, planVersion, s.narrative(), s.evidenceLinks(),
                null, s.hasDifficulty(), s.hasDifficulty() ? s.difficultyDescription() : null,
                s.hasDifficulty() ? s.difficultyProposal() : null, actor, now, late), figures, results);
        boolean complete = reports.reportCount(planCode, periodCode) >= catalog.get(planCode).units().size();
        return new Stored(id, late, (int) results.stream().filter(TargetEvaluator.Result::met).count(), results.size(), complete);
    }

    /** The unit's final report: closes its part; the plan knows when every unit's part is closed. */
    public Stored submitFinal(String planCode, String unitCode, String summary, String selfAssessment, String proposals,
                              Date dueAt, String actor, List<String> actorGroups) {
        PlanDefinition plan = catalog.get(planCode);
        ReportingPeriod period = ReportingPeriod.finalReport(plan, workingDays::onOrAfter);
        checkUnit(plan, unitCode, actor, actorGroups);
        if (reports.exists(planCode, unitCode, period.code())) {
            throw new InputRejectedException("Đơn vị đã nộp báo cáo kết quả thực hiện kế hoạch");
        }
        List<TargetEvaluator.Result> results = TargetEvaluator.evaluate(plan, unitCode,
                new TargetEvaluator.Figures(period, Map.of()), reports.figures(planCode, unitCode, code -> period(plan, code)));
        OffsetDateTime now = OffsetDateTime.ofInstant(calendar.now(), ZoneOffset.UTC);
        boolean late = dueAt != null && now.toInstant().isAfter(dueAt.toInstant());
        long id = reports.insert(new ReportRepository.NewReport(planCode, unitCode, period, catalog.runningVersion(planCode), summary, null, selfAssessment,
                proposals != null, null, proposals, actor, now, late), Map.of(), results);
        reports.countFinal(planCode);
        return new Stored(id, late, (int) results.stream().filter(TargetEvaluator.Result::met).count(), results.size(), false);
    }

    /** The plan's periods, due on working days: a due date that falls on a day off moves to the next working day. */
    public List<ReportingPeriod> periodsOf(PlanDefinition plan) {
        return ReportingPeriod.of(plan, workingDays::onOrAfter);
    }

    /** A period of the plan (or its final report), due on a working day. */
    public ReportingPeriod periodOf(PlanDefinition plan, String periodCode) {
        return period(plan, periodCode);
    }

    /** When a period closes for consolidation if not every unit has reported before: the end of the units' due date. */
    public Date periodClosesAt(String planCode, String periodCode) {
        PlanDefinition plan = catalog.get(planCode);
        return calendar.endOf(plan, period(plan, periodCode).dueOn());
    }

    /** The periods a unit has reported on (submitted reports stay as they were). */
    public List<String> reportedPeriods(String planCode, String unitCode) {
        return reports.reportedPeriods(planCode, unitCode);
    }

    /** The periods whose consolidated report exists already. */
    public List<String> consolidatedPeriods(String planCode) {
        return reports.consolidatedPeriods(planCode);
    }

    /** The codes of the metrics a version of the plan asks of the unit: the figures its report form holds. */
    public List<String> metricCodes(String planCode, int version, String unitCode) {
        return catalog.version(planCode, version).metricsOf(unitCode).stream().map(PlanDefinition.Metric::code).toList();
    }

    /** The note a unit sees on its task shortly before the due date. */
    public String reminder(String dueOn) {
        return "Nhắc hạn: báo cáo cần nộp trước hết ngày " + Texts.DATE.format(LocalDate.parse(dueOn)) + ".";
    }

    /**
     * Records the Office's urging; with an extension, the new due date (a plan day after the current one).
     * Returns the new due moment, or null when the due date stays.
     */
    public Date urge(String planCode, String unitCode, String periodCode, String message, LocalDate extendTo,
                     String currentDueOn, String actor) {
        PlanDefinition plan = catalog.get(planCode);
        if (message == null) {
            throw new InputRejectedException("«Nội dung đôn đốc» là bắt buộc");
        }
        if (extendTo != null && !extendTo.isAfter(LocalDate.parse(currentDueOn))) {
            throw new InputRejectedException("«Gia hạn đến ngày» phải sau hạn hiện tại "
                    + Texts.DATE.format(LocalDate.parse(currentDueOn)));
        }
        if (extendTo != null && extendTo.isAfter(plan.period().end().plusDays(plan.reporting().finalReportDueDaysAfterEnd()))) {
            throw new InputRejectedException("«Gia hạn đến ngày» không được sau hạn báo cáo kết quả thực hiện kế hoạch");
        }
        reports.insertUrging(planCode, unitCode, periodCode, message, extendTo, actor);
        return extendTo == null ? null : calendar.endOf(plan, extendTo);
    }

    /** The note the unit sees on its task after an urging, signed with the name of the plan's focal unit. */
    public String urgingNote(String planCode, String message, LocalDate extendTo) {
        return catalog.get(planCode).focal().name() + " đôn đốc: " + message + (extendTo == null ? "" : " (Gia hạn nộp đến hết ngày " + Texts.DATE.format(extendTo) + ".)");
    }

    public int urgings(String planCode, String unitCode, String periodCode) {
        return reports.urgings(planCode, unitCode, periodCode);
    }

    /** Every period of the plan, in the order they fall due, with the final report last. */
    public List<ReportingPeriod> periods(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        List<ReportingPeriod> all = new java.util.ArrayList<>(periodsOf(plan));
        all.add(ReportingPeriod.finalReport(plan, workingDays::onOrAfter));
        return all;
    }

    /** Each unit's report for a period (or its absence), with the evaluation of the period's targets. */
    public PeriodStatus status(String planCode, String periodCode) {
        PlanDefinition plan = catalog.get(planCode);
        ReportingPeriod period = period(plan, periodCode);
        Map<String, ReportRepository.ReportRow> byUnit = new LinkedHashMap<>();
        reports.reports(planCode, periodCode).forEach(r -> byUnit.put(r.unitCode(), r));
        List<PeriodStatus.UnitReport> units = plan.units().stream().map(unit -> {
            ReportRepository.ReportRow r = byUnit.get(unit.code());
            int urged = reports.urgings(planCode, unit.code(), periodCode);
            if (r == null) {
                return new PeriodStatus.UnitReport(unit.code(), unit.name(), PeriodStatus.State.MISSING, null, null, 0, 0,
                        List.of(), false, null, null, urged, null);
            }
            return new PeriodStatus.UnitReport(unit.code(), unit.name(),
                    r.late() ? PeriodStatus.State.LATE : PeriodStatus.State.ON_TIME, r.submittedBy(), r.submittedAt(),
                    r.targetsMet(), r.targetsEvaluated(), reports.targetResults(r.id()), r.hasDifficulty(),
                    r.difficultyDescription(), r.difficultyProposal(), urged, r.narrative());
        }).toList();
        return new PeriodStatus(planCode, periodCode, period.label(), period.dueOn(), units);
    }

    /** Each unit's figures in a period (units that did not report are absent). */
    public Map<String, Map<String, Integer>> figures(String planCode, String periodCode) {
        return reports.periodFigures(planCode, periodCode);
    }

    /** Each unit's figures added up over every period reported so far. */
    public Map<String, Map<String, Integer>> cumulativeFigures(String planCode) {
        Map<String, Map<String, Integer>> total = new LinkedHashMap<>();
        reports.planFigures(planCode).values().forEach(byUnit -> byUnit.forEach((unit, values) ->
                values.forEach((metric, amount) -> total.computeIfAbsent(unit, k -> new LinkedHashMap<>()).merge(metric, amount, Integer::sum))));
        return total;
    }

    /**
     * The agency-wide targets measured in a period (or, for {@link ReportingPeriod#FINAL_CODE}, over the
     * whole plan), over every unit's figures added up per period.
     */
    public List<TargetEvaluator.Result> agencyTargets(String planCode, String periodCode) {
        PlanDefinition plan = catalog.get(planCode);
        ReportingPeriod period = period(plan, periodCode);
        Map<String, Map<String, Map<String, Integer>>> all = reports.planFigures(planCode);
        List<TargetEvaluator.Figures> earlier = periodsOf(plan).stream()
                .filter(p -> period.kind() == Kind.FINAL || p.end().isBefore(period.end()))
                .filter(p -> !p.code().equals(period.code()))
                .map(p -> new TargetEvaluator.Figures(p, agencyFigures(plan, all.getOrDefault(p.code(), Map.of()))))
                .toList();
        Map<String, Integer> figures = new LinkedHashMap<>(agencyFigures(plan, all.getOrDefault(period.code(), Map.of())));
        planRows.find(planCode).ifPresent(row -> figures.put(PlanDefinition.UNITS_ACKNOWLEDGED_PERCENT,
                row.unitCount() == 0 ? 0 : row.acknowledgedCount() * 100 / row.unitCount()));
        return TargetEvaluator.evaluateAgency(plan, new TargetEvaluator.Figures(period, figures), earlier);
    }

    /** Per unit and target, over the whole plan: in how many reports it was evaluated and met. */
    public List<TargetTally> targetTallies(String planCode) {
        return reports.targetTallies(planCode);
    }

    /** The agency's figures of a period: counts added up, percentages averaged over the units that reported. */
    private static Map<String, Integer> agencyFigures(PlanDefinition plan, Map<String, Map<String, Integer>> byUnit) {
        Map<String, Integer> sum = new LinkedHashMap<>();
        for (PlanDefinition.Metric metric : plan.metrics()) {
            int total = byUnit.values().stream().mapToInt(v -> v.getOrDefault(metric.code(), 0)).sum();
            if (metric.kind() == PlanDefinition.MetricKind.PERCENT && !byUnit.isEmpty()) {
                total = Math.round((float) total / byUnit.size());
            }
            sum.put(metric.code(), total);
        }
        return sum;
    }

    private String periodInfo(PlanDefinition plan, String unitCode, ReportingPeriod period) {
        StringBuilder s = new StringBuilder();
        s.append("Kỳ báo cáo: ").append(period.label()).append(" (").append(Texts.DATE.format(period.start())).append(" – ")
                .append(Texts.DATE.format(period.end())).append(")\n");
        s.append("Hạn nộp: hết ngày ").append(Texts.DATE.format(period.dueOn())).append('\n');
        List<TargetEvaluator.Result> targets = TargetEvaluator.evaluate(plan, unitCode,
                new TargetEvaluator.Figures(period, Map.of()), List.of());
        if (!targets.isEmpty()) {
            s.append("Chỉ tiêu của đơn vị đánh giá trong kỳ này:\n");
            targets.forEach(t -> s.append("- ").append(t.description()).append('\n'));
        }
        if (period.kind() != Kind.FINAL && !plan.metricsOf(unitCode).isEmpty()) {
            s.append("Các chỉ số Kế hoạch giao đơn vị báo cáo:\n");
            plan.metricsOf(unitCode).forEach(m -> s.append("- ").append(m.label()).append(m.unit() == null ? "" : " (" + m.unit() + ")").append('\n'));
        }
        return Texts.fitVariable(s.toString().strip());
    }

    private static void checkUnit(PlanDefinition plan, String unitCode, String actor, List<String> actorGroups) {
        UnitGroups.requireMember(actor, actorGroups, UnitGroups.unitGroupId(plan.agency().code(), unitCode),
                plan.unit(unitCode).orElseThrow().name(), "nộp báo cáo");
    }

    private ReportingPeriod period(PlanDefinition plan, String code) {
        return ReportingPeriod.find(plan, code, workingDays::onOrAfter)
                .orElseThrow(() -> new IllegalStateException("Plan " + plan.code() + " has no reporting period " + code));
    }
}
