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

import vn.haiphong.dx.calendar.PlanCalendar;
import vn.haiphong.dx.calendar.WorkingDays;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.reporting.ReportingPeriod.Kind;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.unit.UnitGroups;
import vn.haiphong.dx.urging.Urgings;

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

    /**
     * What a person submitted in a periodic report.
     *
     * @param progress     per plan task of the unit, the status and note the form holds ({@code progress_T01} …), as submitted;
     *                     null for a report whose form asks none (models deployed before 2026-12-02)
     * @param correctionOf the returned report this one corrects, or null for the period's first report
     */
    public record Submission(Map<String, Object> figures, Map<String, Object> progress, String narrative, String evidenceLinks,
                             boolean hasDifficulty, String difficultyDescription, String difficultyProposal, Long correctionOf) {}

    /** What a returned report held, to fill its correction's form with, and why it was returned. */
    public record Returned(long reportId, int planVersion, Map<String, Object> values, String reason, boolean hadDifficulty) {}

    /** Working days a unit has to correct a returned report. */
    public static final int CORRECTION_WORKING_DAYS = 3;
    /** Working days after the final report's due date until a final report not given is recorded as missing. */
    public static final int FINAL_REPORT_GRACE_WORKING_DAYS = 10;

    /** Per unit and target, over the whole plan: in how many reports it was evaluated and met. */
    public record TargetTally(String unitCode, String targetCode, int evaluated, int met) {}

    /** @param periodComplete true when this was the last unit of the plan to report on the period */
    public record Stored(long reportId, boolean late, int targetsMet, int targetsEvaluated, boolean periodComplete) {}

    private final Plans catalog;
    private final ReportRepository reports;
    private final PlanCalendar calendar;
    private final PlanRepository planRows;

    private final WorkingDays workingDays;
    private final Urgings urgings;

    ReportingService(Plans catalog, ReportRepository reports, PlanCalendar calendar, PlanRepository planRows,
                     WorkingDays workingDays, Urgings urgings) {
        this.workingDays = workingDays;
        this.urgings = urgings;
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

    /**
     * The group whose members report for the unit: the report task's queue. A unit whose work was handed to another
     * unit of the plan reports through that unit's people.
     */
    public String unitGroupId(String planCode, String unitCode) {
        PlanDefinition plan = catalog.get(planCode);
        plan.unit(unitCode).orElseThrow(() -> new IllegalStateException("Plan " + planCode + " has no unit " + unitCode));
        return UnitGroups.unitGroupId(plan.agency().code(), planRows.responsibleUnit(planCode, unitCode));
    }

    /**
     * When the plan stops taking reports: the end of the final report's due day. A period still not reported then is
     * recorded as not reported, and urging stops; so every unit's part, and the plan, reach their end.
     */
    public Date reportingClosesAt(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        return calendar.endOf(plan, ReportingPeriod.finalReport(plan, workingDays::onOrAfter).dueOn());
    }

    /** When a unit's final report not given is recorded as missing: some working days after its due date. */
    public Date finalReportClosesAt(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        return calendar.endOf(plan, workingDays.plusWorkingDays(ReportingPeriod.finalReport(plan, workingDays::onOrAfter).dueOn(),
                FINAL_REPORT_GRACE_WORKING_DAYS));
    }

    /** The context of the Office's urging task of a period, in its name: "Đôn đốc … tháng 10/2025". */
    public String urgingContext(String planCode, String periodCode) {
        PlanDefinition plan = catalog.get(planCode);
        return period(plan, periodCode).label() + " – " + plan.title();
    }

    /** When the Office's next look at the late units of a period is due: in a few working days, before reporting closes. */
    public Date nextUrgingCheckAt(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        Date next = calendar.startOf(plan, workingDays.plusWorkingDays(calendar.today(plan), Urgings.CHECK_AGAIN_AFTER_WORKING_DAYS));
        Date closes = reportingClosesAt(planCode);
        return next.after(closes) ? closes : next;
    }

    /** The plan's focal unit: it urges the others and is never urged by itself. */
    public String focalUnit(String planCode) {
        return catalog.get(planCode).focalUnit();
    }

    /** A unit's name in the plan in force. */
    public String unitName(String planCode, String unitCode) {
        return catalog.get(planCode).unit(unitCode).map(PlanDefinition.Unit::name).orElse(unitCode);
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
        if (s.correctionOf() != null && reports.returned(planCode, unitCode, periodCode).map(r -> r.id() != s.correctionOf()).orElse(true)) {
            throw new InputRejectedException("Báo cáo " + period.label() + " của đơn vị không còn chờ sửa");
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
        List<TaskProgress> progress = s.progress() == null ? List.of() : progress(plan, unitCode, s.progress(), problems);
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
        reports.insertProgress(id, progress);
        boolean complete = reports.reportCount(planCode, periodCode) >= unitsInPlan(planCode);
        return new Stored(id, late, (int) results.stream().filter(TargetEvaluator.Result::met).count(), results.size(), complete);
    }

    /**
     * The Office returns a unit's report of a period for correction, with its reason: the report no longer counts (its
     * figures leave the period's totals and evaluations) until the unit's correction replaces it; both are kept.
     * Only the plan's focal unit and administrators may return a report, while the plan still takes reports.
     */
    public ReportRepository.ReportRow returnReport(String planCode, String unitCode, String periodCode, String reason,
                                                   String actor, List<String> actorGroups, boolean admin) {
        PlanDefinition plan = catalog.get(planCode);
        if (!admin) {
            UnitGroups.requireMember(actor, actorGroups, officeGroupId(planCode), plan.focal().name(), "trả lại báo cáo của đơn vị");
        }
        ReportingPeriod period = ReportingPeriod.find(plan, periodCode, workingDays::onOrAfter)
                .filter(p -> p.kind() != Kind.FINAL)
                .orElseThrow(() -> new InputRejectedException("Kế hoạch không có kỳ báo cáo định kỳ «" + periodCode + "»"));
        String unitName = plan.unit(unitCode).map(PlanDefinition.Unit::name)
                .orElseThrow(() -> new InputRejectedException("Kế hoạch không có đơn vị «" + unitCode + "»"));
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty() || why.length() > 1000) {
            throw new InputRejectedException("«Lý do trả lại» là bắt buộc, tối đa 1000 ký tự: đơn vị cần biết phải sửa gì");
        }
        if (calendar.now().isAfter(reportingClosesAt(planCode).toInstant())) {
            throw new InputRejectedException("Kế hoạch đã hết thời gian nhận báo cáo: không trả lại báo cáo để sửa được nữa");
        }
        reports.lockPlan(planCode);
        if (reports.returned(planCode, unitCode, periodCode).isPresent()) {
            throw new InputRejectedException("Báo cáo " + period.label() + " của " + unitName
                    + " đã được trả lại và đang chờ đơn vị sửa: chưa có báo cáo mới để trả lại");
        }
        ReportRepository.ReportRow report = reports.current(planCode, unitCode, periodCode)
                .orElseThrow(() -> new InputRejectedException(unitName + " chưa có báo cáo " + period.label() + " đang có hiệu lực để trả lại"));
        if (!reports.markReturned(report.id(), why, actor)) {
            throw new InputRejectedException("Báo cáo " + period.label() + " của " + unitName + " vừa được trả lại hoặc thay thế");
        }
        return report;
    }

    /** What a returned report held, as the values of its correction's form, and why it was returned. */
    public Returned returned(long reportId) {
        ReportRepository.ReportRow row = reports.report(reportId)
                .orElseThrow(() -> new IllegalStateException("No report " + reportId));
        Map<String, Object> values = new LinkedHashMap<>(reports.reportFigures(reportId));
        reports.progress(reportId).forEach(p -> {
            values.put(TaskProgress.statusKey(p.taskCode()), p.status().name());
            if (p.note() != null) {
                values.put(TaskProgress.noteKey(p.taskCode()), p.note());
            }
        });
        values.put(PeriodicReportProcess.Vars.REPORT_NARRATIVE, row.narrative());
        if (row.evidenceLinks() != null) {
            values.put(PeriodicReportProcess.Vars.EVIDENCE_LINKS, row.evidenceLinks());
        }
        values.put(PeriodicReportProcess.Vars.HAS_DIFFICULTY, row.hasDifficulty());
        if (row.hasDifficulty()) {
            values.put(PeriodicReportProcess.Vars.DIFFICULTY_DESCRIPTION, row.difficultyDescription());
            if (row.difficultyProposal() != null) {
                values.put(PeriodicReportProcess.Vars.DIFFICULTY_PROPOSAL, row.difficultyProposal());
            }
        }
        return new Returned(reportId, row.planVersion(), values, row.returnedReason(), row.hasDifficulty());
    }

    /**
     * The correction of a returned report: the same form (the version the report was asked with), open at once, due in
     * a few working days but never before the period's own due date, with the Office's reason in its notes.
     */
    public PeriodSetup correctionSetup(String planCode, String unitCode, String periodCode, Returned returned) {
        PlanDefinition plan = catalog.version(planCode, returned.planVersion());
        ReportingPeriod period = period(plan, periodCode);
        LocalDate soon = workingDays.plusWorkingDays(calendar.today(plan), CORRECTION_WORKING_DAYS);
        LocalDate due = soon.isBefore(period.dueOn()) ? period.dueOn() : soon;
        return new PeriodSetup(period.label() + " – " + plan.unit(unitCode).orElseThrow().name() + " (sửa theo yêu cầu)",
                null, calendar.endOf(plan, due), due.toString(), periodInfo(plan, unitCode, period),
                returned.planVersion(), ReportForms.key(planCode, returned.planVersion(), unitCode));
    }

    /** The note a unit reads on a returned report's correction. */
    public String returnNote(String planCode, String reason) {
        return catalog.get(planCode).focal().name() + " trả lại báo cáo để sửa: " + reason;
    }

    /** One plan task, as the Office follows it: every unit that leads or coordinates it, with its status over the periods. */
    public record TaskLine(String taskCode, String title, List<TaskUnit> units) {}

    /** @param latest the status the unit gave last (null before its first report) */
    public record TaskUnit(String unitCode, String unitName, String role, List<TaskCell> periods, TaskProgress.Status latest,
                           String latestNote) {}

    public record TaskCell(String periodCode, String periodLabel, TaskProgress.Status status, String note) {}

    /** One unit's status of one task, as one of its reports (that stands) gave it. */
    public record ProgressEntry(String taskCode, String unitCode, String periodCode, TaskProgress.Status status, String note,
                                OffsetDateTime reportedAt) {}

    /** Every status units gave of the plan's tasks, oldest period first. */
    public List<ProgressEntry> progressEntries(String planCode) {
        return reports.planProgress(planCode).stream().map(p -> new ProgressEntry(p.taskCode(), p.unitCode(), p.periodCode(),
                p.status(), p.note(), p.submittedAt())).toList();
    }

    /** Every task of the plan with every unit's status in every period reported (from the reports that stand). */
    public List<TaskLine> taskProgress(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        Map<String, Map<String, List<ReportRepository.ProgressRow>>> rows = new LinkedHashMap<>();
        reports.planProgress(planCode).forEach(p -> rows.computeIfAbsent(p.taskCode(), k -> new LinkedHashMap<>())
                .computeIfAbsent(p.unitCode(), k -> new java.util.ArrayList<>()).add(p));
        return plan.tasks().stream().map(task -> new TaskLine(task.code(), task.title(), plan.units().stream()
                .filter(u -> plan.roleOf(u.code(), task).isPresent())
                .map(u -> {
                    List<ReportRepository.ProgressRow> given = rows.getOrDefault(task.code(), Map.of()).getOrDefault(u.code(), List.of());
                    ReportRepository.ProgressRow last = given.isEmpty() ? null : given.get(given.size() - 1);
                    return new TaskUnit(u.code(), u.name(),
                            plan.roleOf(u.code(), task).get() == PlanDefinition.Role.LEAD ? "Chủ trì" : "Phối hợp",
                            given.stream().map(p -> new TaskCell(p.periodCode(), p.periodLabel(), p.status(), p.note())).toList(),
                            last == null ? null : last.status(), last == null ? null : last.note());
                }).toList())).toList();
    }

    /** How many units are in the plan now: those of the version in force, less the released ones. */
    private int unitsInPlan(String planCode) {
        Map<String, PlanRepository.Release> released = planRows.releases(planCode);
        return (int) catalog.get(planCode).units().stream().filter(u -> !released.containsKey(u.code())).count();
    }

    /** Each task's status and note as submitted: every task the unit leads or coordinates needs a status. */
    private static List<TaskProgress> progress(PlanDefinition plan, String unitCode, Map<String, Object> given, List<String> problems) {
        List<TaskProgress> progress = new java.util.ArrayList<>();
        for (PlanDefinition.Task task : plan.tasksOf(unitCode)) {
            Object status = given.get(TaskProgress.statusKey(task.code()));
            Object note = given.get(TaskProgress.noteKey(task.code()));
            String text = note == null || note.toString().isBlank() ? null : note.toString().strip();
            java.util.Optional<TaskProgress.Status> known = TaskProgress.Status.of(status);
            if (known.isEmpty()) {
                problems.add("«Tiến độ nhiệm vụ " + task.code() + "» là bắt buộc: chọn chưa triển khai, đang triển khai, hoàn thành hoặc chậm tiến độ");
            } else if (text != null && text.length() > TaskProgress.MAX_NOTE) {
                problems.add("«Ghi chú tiến độ " + task.code() + "» tối đa " + TaskProgress.MAX_NOTE + " ký tự");
            } else {
                progress.add(new TaskProgress(task.code(), known.get(), text));
            }
        }
        return progress;
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

    /** The keys of the task progress fields a version of the plan's report form holds for the unit. */
    public List<String> progressKeys(String planCode, int version, String unitCode) {
        return catalog.version(planCode, version).tasksOf(unitCode).stream()
                .flatMap(t -> java.util.stream.Stream.of(TaskProgress.statusKey(t.code()), TaskProgress.noteKey(t.code()))).toList();
    }

    /** The note a unit sees on its task shortly before the due date. */
    public String reminder(String dueOn) {
        return "Nhắc hạn: báo cáo cần nộp trước hết ngày " + Texts.DATE.format(LocalDate.parse(dueOn)) + ".";
    }

    /**
     * Records the Office's urging of one unit (models deployed before 2026-12-02 urged each unit on its own task); with an
     * extension, the new due date (a plan day after the current one). Returns the new due moment, or null when the due
     * date stays.
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
        urgings.record(planCode, unitCode, periodCode, message, extendTo, actor);
        return extendTo == null ? null : calendar.endOf(plan, extendTo);
    }

    /**
     * Checks an extension the Office gives late units of a period: after each unit's current due day and no later than
     * the plan's reporting closes. Returns the new due moment, or null without an extension.
     */
    public Date extension(String planCode, LocalDate extendTo, List<LocalDate> currentDueDays) {
        if (extendTo == null) {
            return null;
        }
        PlanDefinition plan = catalog.get(planCode);
        Urgings.requireAfterCurrentDue(extendTo, currentDueDays);
        LocalDate closes = ReportingPeriod.finalReport(plan, workingDays::onOrAfter).dueOn();
        if (extendTo.isAfter(closes)) {
            throw new InputRejectedException("«Gia hạn chung đến ngày» không được sau hạn báo cáo kết quả thực hiện kế hoạch ("
                    + Texts.DATE.format(closes) + ")");
        }
        return calendar.endOf(plan, extendTo);
    }

    /** The note the unit sees on its task after an urging, signed with the name of the plan's focal unit. */
    public String urgingNote(String planCode, String message, LocalDate extendTo) {
        return catalog.get(planCode).focal().name() + " đôn đốc: " + message + (extendTo == null ? "" : " (Gia hạn nộp đến hết ngày " + Texts.DATE.format(extendTo) + ".)");
    }

    public int urgings(String planCode, String unitCode, String periodCode) {
        return urgings.count(planCode, unitCode, periodCode);
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
        Map<String, PlanRepository.Release> released = planRows.releases(planCode);
        List<PeriodStatus.UnitReport> units = plan.units().stream().map(unit -> {
            ReportRepository.ReportRow r = byUnit.get(unit.code());
            int urged = urgings.count(planCode, unit.code(), periodCode);
            if (r == null) {
                PlanRepository.Release release = released.get(unit.code());
                boolean gone = release != null && release.handedTo() == null;
                return new PeriodStatus.UnitReport(unit.code(), unit.name(), gone ? PeriodStatus.State.RELEASED : PeriodStatus.State.MISSING,
                        null, null, 0, 0, List.of(), false, null, null, urged, null, null, List.of(), gone ? release.reason() : null, 0);
            }
            PeriodStatus.State state = ReportRepository.RETURNED.equals(r.state()) ? PeriodStatus.State.RETURNED
                    : r.late() ? PeriodStatus.State.LATE : PeriodStatus.State.ON_TIME;
            return new PeriodStatus.UnitReport(unit.code(), unit.name(), state, r.submittedBy(), r.submittedAt(),
                    r.targetsMet(), r.targetsEvaluated(), reports.targetResults(r.id()), r.hasDifficulty(),
                    r.difficultyDescription(), r.difficultyProposal(), urged, r.narrative(), r.id(),
                    reports.progress(r.id()), r.returnedReason(), r.revision());
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
        figures.put(PlanDefinition.UNITS_ACKNOWLEDGED_PERCENT, planRows.acknowledgedPercent(planCode));
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

    /** Only the unit's people report for it (or those of the unit its work was handed to). */
    private void checkUnit(PlanDefinition plan, String unitCode, String actor, List<String> actorGroups) {
        UnitGroups.requireMember(actor, actorGroups, UnitGroups.unitGroupId(plan.agency().code(), planRows.responsibleUnit(plan.code(), unitCode)),
                plan.unit(unitCode).orElseThrow().name(), "nộp báo cáo");
    }

    private ReportingPeriod period(PlanDefinition plan, String code) {
        return ReportingPeriod.find(plan, code, workingDays::onOrAfter)
                .orElseThrow(() -> new IllegalStateException("Plan " + plan.code() + " has no reporting period " + code));
    }
}
