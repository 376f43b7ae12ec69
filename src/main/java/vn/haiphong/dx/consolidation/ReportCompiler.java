package vn.haiphong.dx.consolidation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.haiphong.dx.consolidation.Compilation.DifficultyLine;
import vn.haiphong.dx.consolidation.Compilation.InputLine;
import vn.haiphong.dx.consolidation.Compilation.MetricLine;
import vn.haiphong.dx.consolidation.Compilation.TargetLine;
import vn.haiphong.dx.consolidation.Compilation.UnitLine;
import vn.haiphong.dx.delegation.AcknowledgementService;
import vn.haiphong.dx.delegation.UnitAcknowledgement;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.escalation.DifficultyService;
import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanDefinition.Metric;
import vn.haiphong.dx.plan.PlanDefinition.MetricKind;
import vn.haiphong.dx.plan.PlanDefinition.Target;
import vn.haiphong.dx.plan.PlanDefinition.TargetScope;
import vn.haiphong.dx.reporting.EvidenceFiles;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.calendar.PlanCalendar;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.reporting.ReportingService.TargetTally;
import vn.haiphong.dx.reporting.TargetEvaluator;
import vn.haiphong.dx.shared.Texts;

/** Gathers what a consolidated report states from the units' reports, the targets and the difficulties. */
@Component
class ReportCompiler {

    private final ReportingService reporting;
    private final DifficultyService escalation;
    private final AcknowledgementService acknowledgements;
    private final PlanCalendar calendar;
    private final EvidenceFiles evidence;

    ReportCompiler(ReportingService reporting, DifficultyService escalation, AcknowledgementService acknowledgements,
                   PlanCalendar calendar, EvidenceFiles evidence) {
        this.evidence = evidence;
        this.reporting = reporting;
        this.escalation = escalation;
        this.acknowledgements = acknowledgements;
        this.calendar = calendar;
    }

    /** A period: each unit's report (or its absence), figures, targets, difficulties and proposals. */
    Compilation periodic(PlanDefinition plan, String periodCode) {
        ReportingPeriod period = period(plan, periodCode);
        PeriodStatus status = reporting.status(plan.code(), periodCode);
        // A unit released from the plan is no longer one of the units the period is reported by.
        List<UnitLine> units = status.units().stream().filter(u -> u.state() != PeriodStatus.State.RELEASED)
                .map(ReportCompiler::unitLine).toList();
        Instant from = calendar.startOf(plan, period.start()).toInstant();
        Instant to = calendar.endOf(plan, period.end()).toInstant();
        List<DifficultyView> raised = escalation.difficulties(plan.code()).stream()
                .filter(d -> periodCode.equals(d.periodCode())
                        || (!d.reportedAt().toInstant().isBefore(from) && !d.reportedAt().toInstant().isAfter(to)))
                .toList();
        List<DifficultyLine> difficulties = raised.stream().map(ReportCompiler::difficultyLine).toList();
        List<String> proposals = proposals(status, raised);
        List<TargetLine> agency = reporting.agencyTargets(plan.code(), periodCode).stream()
                .map(r -> new TargetLine(r.description(), required(r.min(), r.max()), String.valueOf(r.actual()), r.met()))
                .toList();
        return new Compilation(period.label(), period.start(), period.end(), units,
                metrics(plan, units.stream().map(UnitLine::code).toList(), reporting.figures(plan.code(), periodCode)),
                agency, List.of(), difficulties, proposals, List.of(), acknowledgedCount(plan), units.size(), List.of(),
                evidence(plan, periodCode));
    }

    /** Each plan task with the status each of its units gave last, as the final report states the outcome. */
    private List<Compilation.TaskOutcome> taskOutcomes(PlanDefinition plan) {
        return reporting.taskProgress(plan.code()).stream().map(task -> new Compilation.TaskOutcome(task.taskCode(), task.title(),
                task.units().stream().map(u -> u.unitName() + " (" + u.role().toLowerCase(java.util.Locale.forLanguageTag("vi")) + "): "
                        + (u.latest() == null ? "chưa báo cáo tiến độ" : u.latest().label()
                        + (u.latestNote() == null ? "" : " – " + u.latestNote()))).toList())).toList();
    }

    /** The evidence files of the period's reports (all the plan's for the final report), with the address that opens them. */
    private List<Compilation.EvidenceLine> evidence(PlanDefinition plan, String periodCode) {
        Map<String, String> labels = new LinkedHashMap<>();
        reporting.periods(plan.code()).forEach(p -> labels.put(p.code(), p.label()));
        return evidence.ofPlan(plan.code(), periodCode).stream()
                .map(e -> new Compilation.EvidenceLine(unitName(plan, e.unitCode()), labels.getOrDefault(e.periodCode(), e.periodCode()),
                        e.fileName(), e.size(), "/evidence/" + e.id()))
                .toList();
    }

    /**
     * The whole plan: each unit's final report, how often each unit met its targets, every target of the
     * plan, the difficulties and how they ended, the units' proposals.
     */
    Compilation finalReport(PlanDefinition plan) {
        PeriodStatus status = reporting.status(plan.code(), ReportingPeriod.FINAL_CODE);
        List<TargetTally> tallies = reporting.targetTallies(plan.code());
        Map<String, String> descriptions = new LinkedHashMap<>();
        plan.targets().forEach(t -> descriptions.put(t.code(), plan.targetLabel(t)));
        List<UnitLine> units = status.units().stream().map(u -> {
            List<TargetTally> own = tallies.stream().filter(t -> t.unitCode().equals(u.unitCode())).toList();
            List<String> shortfall = own.stream().filter(t -> t.met() < t.evaluated())
                    .map(t -> descriptions.getOrDefault(t.targetCode(), t.targetCode()) + " (đạt " + t.met() + "/" + t.evaluated() + " lần đánh giá)")
                    .toList();
            return new UnitLine(u.unitCode(), u.unitName(), u.state(), own.stream().mapToInt(TargetTally::met).sum(),
                    own.stream().mapToInt(TargetTally::evaluated).sum(), shortfall, u.narrative());
        }).toList();
        List<DifficultyView> raised = escalation.difficulties(plan.code());
        List<String> proposals = proposals(status, raised);
        List<String> unitCodes = plan.units().stream().map(PlanDefinition.Unit::code).toList();
        return new Compilation(plan.period().label(), plan.period().start(), plan.period().end(), units,
                metrics(plan, unitCodes, reporting.cumulativeFigures(plan.code())), List.of(),
                planTargets(plan, tallies), raised.stream().map(ReportCompiler::difficultyLine).toList(),
                proposals, List.of(), acknowledgedCount(plan), plan.units().size(), taskOutcomes(plan), evidence(plan, null));
    }

    /** An ad-hoc report: the units' inputs, and every unit's figures and targets to date. */
    Compilation adHoc(PlanDefinition plan, List<ConsolidationRepository.Input> inputs) {
        List<TargetTally> tallies = reporting.targetTallies(plan.code());
        List<UnitLine> units = plan.units().stream().map(u -> {
            List<TargetTally> own = tallies.stream().filter(t -> t.unitCode().equals(u.code())).toList();
            return new UnitLine(u.code(), u.name(), null, own.stream().mapToInt(TargetTally::met).sum(),
                    own.stream().mapToInt(TargetTally::evaluated).sum(), List.of(), null);
        }).toList();
        List<InputLine> lines = inputs.stream().map(i -> new InputLine(unitName(plan, i.unitCode()), Texts.DATE.format(i.dueOn()),
                i.submittedAt() != null, i.content(), i.figures())).toList();
        LocalDate today = calendar.today(plan);
        List<String> unitCodes = plan.units().stream().map(PlanDefinition.Unit::code).toList();
        return new Compilation("đến ngày " + Texts.DATE.format(today), plan.period().start(), today, units,
                metrics(plan, unitCodes, reporting.cumulativeFigures(plan.code())), List.of(), List.of(),
                escalation.difficulties(plan.code()).stream().map(ReportCompiler::difficultyLine).toList(), List.of(), lines,
                acknowledgedCount(plan), plan.units().size(), List.of(), List.of());
    }

    private List<TargetLine> planTargets(PlanDefinition plan, List<TargetTally> tallies) {
        List<TargetLine> lines = new ArrayList<>();
        int acknowledged = acknowledgedCount(plan);
        int units = plan.units().size();
        lines.add(new TargetLine("Các đơn vị tiếp nhận, lồng ghép Kế hoạch vào kế hoạch công tác của đơn vị", "100% đơn vị",
                acknowledged + "/" + units + " đơn vị (" + percent(acknowledged, units) + ")", acknowledged == units));
        Map<String, List<TargetEvaluator.Result>> agency = new LinkedHashMap<>();
        List<String> periods = new ArrayList<>(ReportingPeriod.of(plan).stream().map(ReportingPeriod::code).toList());
        periods.add(ReportingPeriod.FINAL_CODE);
        for (String period : periods) {
            reporting.agencyTargets(plan.code(), period)
                    .forEach(r -> agency.computeIfAbsent(r.targetCode(), k -> new ArrayList<>()).add(r));
        }
        for (Target target : plan.targets()) {
            if (target.scope() == TargetScope.UNIT) {
                List<TargetTally> own = tallies.stream().filter(t -> t.targetCode().equals(target.code())).toList();
                long always = own.stream().filter(t -> t.evaluated() > 0 && t.met() == t.evaluated()).count();
                lines.add(new TargetLine(plan.targetLabel(target), "Mọi đơn vị, " + required(target.min(), target.max()) + perText(target),
                        always + "/" + own.size() + " đơn vị đạt ở mọi lần đánh giá", !own.isEmpty() && always == own.size()));
            } else {
                List<TargetEvaluator.Result> results = agency.getOrDefault(target.code(), List.of());
                long met = results.stream().filter(TargetEvaluator.Result::met).count();
                String achieved = results.size() == 1 ? String.valueOf(results.get(0).actual())
                        : "Đạt " + met + "/" + results.size() + " lần đánh giá";
                lines.add(new TargetLine(plan.targetLabel(target), "Toàn cơ quan, " + required(target.min(), target.max()) + perText(target),
                        achieved, !results.isEmpty() && met == results.size()));
            }
        }
        return lines;
    }

    private static String perText(Target target) {
        return switch (target.per()) {
            case MONTH -> " mỗi tháng";
            case QUARTER -> " mỗi quý";
            case HALF_YEAR -> " mỗi 6 tháng";
            case WINDOW -> " trong đợt";
            case YEAR, PLAN -> " cả kế hoạch";
        };
    }

    /** Per metric, the figure of each unit (null when it did not report) and the total. */
    private static List<MetricLine> metrics(PlanDefinition plan, List<String> unitCodes, Map<String, Map<String, Integer>> figures) {
        List<MetricLine> lines = new ArrayList<>();
        for (Metric metric : plan.metrics()) {
            List<Integer> values = unitCodes.stream()
                    .map(unit -> figures.containsKey(unit) ? figures.get(unit).getOrDefault(metric.code(), 0) : null).toList();
            List<Integer> reported = values.stream().filter(v -> v != null).toList();
            int sum = reported.stream().mapToInt(Integer::intValue).sum();
            int total = metric.kind() == MetricKind.PERCENT ? (reported.isEmpty() ? 0 : Math.round((float) sum / reported.size())) : sum;
            lines.add(new MetricLine(metric.code(), metric.label(), metric.unit(), values, total));
        }
        return lines;
    }

    private static UnitLine unitLine(PeriodStatus.UnitReport u) {
        List<String> notMet = u.targets().stream().filter(t -> !t.met())
                .map(t -> t.description() + " (đạt " + t.actual() + ")").toList();
        return new UnitLine(u.unitCode(), u.unitName(), u.state(), u.targetsMet(), u.targetsEvaluated(), notMet, u.narrative());
    }

    /**
     * What the units proposed: in their reports (a periodic report's difficulty, the final report's proposals) and
     * with the difficulties they raised in Tasklist; each proposal once, as "unit: proposal".
     */
    private static List<String> proposals(PeriodStatus status, List<DifficultyView> raised) {
        Set<String> lines = new LinkedHashSet<>();
        status.units().stream().filter(u -> u.difficultyProposal() != null && !u.difficultyProposal().isBlank())
                .forEach(u -> lines.add(u.unitName() + ": " + u.difficultyProposal().strip()));
        raised.stream().filter(d -> d.proposal() != null && !d.proposal().isBlank())
                .forEach(d -> lines.add(d.unitName() + ": " + d.proposal().strip()));
        return List.copyOf(lines);
    }

    private static DifficultyLine difficultyLine(DifficultyView d) {
        DifficultyProcess.Status status = DifficultyProcess.Status.valueOf(d.status());
        return new DifficultyLine(d.unitName(), d.description(), status.label(), d.answer(),
                status == DifficultyProcess.Status.CONFIRMED);
    }

    private int acknowledgedCount(PlanDefinition plan) {
        return (int) acknowledgements.acknowledgements(plan.code()).stream().filter(UnitAcknowledgement::acknowledged).count();
    }

    /** "≥ 2", "≤ 5", "từ 1 đến 2". */
    static String required(Integer min, Integer max) {
        if (min != null && max != null) {
            return min.equals(max) ? "= " + min : "từ " + min + " đến " + max;
        }
        return min != null ? "≥ " + min : max != null ? "≤ " + max : "không quy định";
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }

    private static String unitName(PlanDefinition plan, String unitCode) {
        return plan.unit(unitCode).map(PlanDefinition.Unit::name).orElse(unitCode);
    }

    private static ReportingPeriod period(PlanDefinition plan, String periodCode) {
        return ReportingPeriod.find(plan, periodCode)
                .orElseThrow(() -> new IllegalStateException("Plan " + plan.code() + " has no reporting period " + periodCode));
    }
}
