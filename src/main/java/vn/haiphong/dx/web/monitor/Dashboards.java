package vn.haiphong.dx.web.monitor;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import vn.haiphong.dx.consolidation.ConsolidatedReportView;
import vn.haiphong.dx.delegation.UnitAcknowledgement;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanDefinition.Unit;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.TargetEvaluator;
import vn.haiphong.dx.web.monitor.PlanDashboard.AcknowledgementLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.AgencyTargetLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.Cell;
import vn.haiphong.dx.web.monitor.PlanDashboard.Column;
import vn.haiphong.dx.web.monitor.PlanDashboard.ConsolidatedLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.DifficultyBoard;
import vn.haiphong.dx.web.monitor.PlanDashboard.DifficultyLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.Filter;
import vn.haiphong.dx.web.monitor.PlanDashboard.Legend;
import vn.haiphong.dx.web.monitor.PlanDashboard.Matrix;
import vn.haiphong.dx.web.monitor.PlanDashboard.Option;
import vn.haiphong.dx.web.monitor.PlanDashboard.OverdueLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.Row;
import vn.haiphong.dx.web.monitor.PlanDashboard.StageLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.TaskLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.TaskUnit;
import vn.haiphong.dx.web.monitor.PlanDashboard.UnitTargetLine;
import vn.haiphong.dx.web.monitor.PlanTasks.OpenTask;

/** Puts a plan's dashboard together from a snapshot and the chosen filters; reads nothing itself. */
@Component
class Dashboards {

    /** The filters of the dashboard, as query parameters: a unit's code, a period's code, a {@link ReportState}. */
    record Criteria(String unit, String period, String status) {

        static final Criteria ALL = new Criteria(null, null, null);

        /** Values the plan does not know are dropped: a stale link shows everything rather than an error. */
        Criteria valid(PlanSnapshot s) {
            return new Criteria(unit != null && s.plan().unit(unit).isPresent() ? unit : null,
                    s.periods().stream().anyMatch(p -> p.code().equals(period)) ? period : null,
                    java.util.Arrays.stream(ReportState.values()).anyMatch(v -> v.name().equals(status)) ? status : null);
        }
    }

    private final ObjectMapper json;

    Dashboards(ObjectMapper json) {
        this.json = json;
    }

    PlanDashboard build(PlanSnapshot s, Criteria asked, People.Names names) {
        Criteria criteria = asked.valid(s);
        PlanDefinition plan = s.plan();
        List<Unit> units = sortedUnits(plan).stream()
                .filter(u -> criteria.unit() == null || u.code().equals(criteria.unit())).toList();
        List<ReportingPeriod> periods = s.periods().stream()
                .filter(p -> criteria.period() == null || p.code().equals(criteria.period())).toList();
        Matrix matrix = matrix(s, units, periods, criteria, names);
        List<UnitTargetLine> unitTargets = unitTargets(s, units, periods);
        List<UnitAcknowledgement> acks = s.acknowledgements().stream()
                .sorted(VietnameseOrder.by(UnitAcknowledgement::unitName)).toList();
        long acknowledged = acks.stream().filter(UnitAcknowledgement::acknowledged).count();
        return new PlanDashboard(PlanHeader.of(s, true, "dashboard"), filter(s, criteria), overdue(s, criteria), matrix,
                unitTargets, agencyTargets(s, periods), difficulties(s, criteria, names), tasks(s, criteria),
                acks.stream().filter(a -> criteria.unit() == null || a.unitCode().equals(criteria.unit()))
                        .map(a -> acknowledgement(plan, a, names)).toList(),
                acknowledged + "/" + acks.size(),
                "Đã tiếp nhận: " + acknowledged + "/" + acks.size() + " đơn vị" + (s.row().allAcknowledgedAt() == null ? ""
                        : " — 100% đơn vị đã tiếp nhận lúc " + Formats.moment(s.row().allAcknowledgedAt())),
                s.consolidated().stream().map(Dashboards::consolidated).toList(),
                reportChart(matrix), targetChart(unitTargets));
    }

    static List<Unit> sortedUnits(PlanDefinition plan) {
        return plan.units().stream().sorted(VietnameseOrder.by(Unit::name)).toList();
    }

    private static Filter filter(PlanSnapshot s, Criteria c) {
        List<Option> units = sortedUnits(s.plan()).stream()
                .map(u -> new Option(u.code(), u.name(), u.code().equals(c.unit()))).toList();
        List<Option> periods = s.periods().stream()
                .map(p -> new Option(p.code(), Formats.capitalised(p.label()), p.code().equals(c.period()))).toList();
        List<Option> states = java.util.Arrays.stream(ReportState.values())
                .map(v -> new Option(v.name(), v.label(), v.name().equals(c.status()))).toList();
        List<String> query = new ArrayList<>();
        List<String> description = new ArrayList<>();
        if (c.unit() != null) {
            query.add("unit=" + UriUtils.encodeQueryParam(c.unit(), StandardCharsets.UTF_8));
            description.add("đơn vị " + s.plan().unit(c.unit()).orElseThrow().name());
        }
        if (c.period() != null) {
            query.add("period=" + UriUtils.encodeQueryParam(c.period(), StandardCharsets.UTF_8));
            description.add("kỳ " + s.periods().stream().filter(p -> p.code().equals(c.period())).findFirst().orElseThrow().label());
        }
        if (c.status() != null) {
            query.add("status=" + c.status());
            description.add("tình trạng «" + ReportState.valueOf(c.status()).label() + "»");
        }
        return new Filter(c.unit(), c.period(), c.status(), units, periods, states,
                "/monitor/plans/" + s.plan().code() + "/export.xlsx" + (query.isEmpty() ? "" : "?" + String.join("&", query)),
                description.isEmpty() ? "Tất cả đơn vị, tất cả kỳ báo cáo" : Formats.capitalised(String.join("; ", description)));
    }

    private static Matrix matrix(PlanSnapshot s, List<Unit> units, List<ReportingPeriod> periods, Criteria c,
                                 People.Names names) {
        String base = "/monitor/plans/" + s.plan().code();
        List<Column> columns = periods.stream().map(p -> new Column(p.code(), PlanHeader.shortLabel(p),
                Formats.capitalised(p.label()), "Hạn " + Formats.date(p.dueOn()), base + "/periods/" + p.code())).toList();
        List<Row> rows = new ArrayList<>();
        for (Unit unit : units) {
            List<Cell> cells = periods.stream().map(p -> cell(s, unit, p, names, base)).toList();
            if (c.status() == null || cells.stream().anyMatch(cell -> cell.state().equals(c.status()))) {
                rows.add(new Row(unit.code(), unit.name(), unit.code().equals(s.plan().focalUnit()),
                        base + "/units/" + unit.code(), cells));
            }
        }
        List<Legend> legend = java.util.Arrays.stream(ReportState.values())
                .map(v -> new Legend(v.label(), v.meaning(), v.css())).toList();
        return new Matrix(columns, rows, legend);
    }

    private static Cell cell(PlanSnapshot s, Unit unit, ReportingPeriod period, People.Names names, String base) {
        ReportState state = s.state(unit.code(), period);
        String detail = switch (state) {
            case ON_TIME, LATE -> s.report(unit.code(), period.code())
                    .map(r -> "nộp lúc " + Formats.moment(r.submittedAt()) + " bởi " + names.of(r.submittedBy())).orElse("");
            case OPEN, OVERDUE, RETURNED -> "hạn " + Formats.moment(s.dueAt(unit.code(), period));
            default -> state.meaning();
        };
        return new Cell(period.code(), state.name(), state.label(), state.css(),
                unit.name() + " – " + Formats.capitalised(period.label()) + ": " + state.label() + (detail.isEmpty() ? "" : " (" + detail + ")"),
                base + "/periods/" + period.code() + "#unit-" + unit.code());
    }

    /**
     * What is past its due date: open tasks (a unit's report, the Office's answer to a difficulty, leadership's
     * approval …) and reports that no task asks for yet (the unit has not acknowledged the plan), longest overdue first.
     */
    static List<OverdueLine> overdue(PlanSnapshot s, Criteria c) {
        record Item(Date due, OverdueLine line) {}
        Date now = s.nowDate();
        List<Item> items = new ArrayList<>();
        for (OpenTask task : s.tasks()) {
            boolean unitShown = c.unit() == null || c.unit().equals(task.unitCode());
            boolean periodShown = c.period() == null || task.periodCode() == null || c.period().equals(task.periodCode());
            if (task.overdue(now) && unitShown && periodShown) {
                items.add(new Item(task.due(), new OverdueLine(task.name(), task.holder(), Formats.moment(task.due()),
                        Formats.tasklistLink(task.id()))));
            }
        }
        for (ReportingPeriod period : s.periods()) {
            if (c.period() != null && !c.period().equals(period.code())) {
                continue;
            }
            for (Unit unit : sortedUnits(s.plan())) {
                if ((c.unit() == null || c.unit().equals(unit.code())) && s.state(unit.code(), period) == ReportState.OVERDUE
                        && s.reportTask(unit.code(), period).isEmpty()) {
                    items.add(new Item(s.dueAt().get(period.code()), new OverdueLine(
                            PlanHeader.reportTitle(period) + " – " + unit.name() + " (chưa có công việc nộp báo cáo: đơn vị chưa tiếp nhận kế hoạch)",
                            unit.name(), Formats.moment(s.dueAt().get(period.code())),
                            "/monitor/plans/" + s.plan().code() + "/units/" + unit.code())));
                }
            }
        }
        return items.stream().sorted(Comparator.comparing(Item::due)).map(Item::line).toList();
    }

    private static List<UnitTargetLine> unitTargets(PlanSnapshot s, List<Unit> units, List<ReportingPeriod> periods) {
        List<UnitTargetLine> lines = new ArrayList<>();
        for (Unit unit : units) {
            for (PlanDefinition.Target target : s.plan().targets()) {
                if (target.scope() != PlanDefinition.TargetScope.UNIT || !target.appliesTo(unit.code())) {
                    continue;
                }
                List<Evaluation> evaluations = evaluations(s, unit.code(), target.code(), periods);
                lines.add(unitTarget(s, unit, target, evaluations));
            }
        }
        return lines;
    }

    /** A target's result in one report. */
    record Evaluation(ReportingPeriod period, TargetEvaluator.Result result) {}

    /** The stored results of a unit's target in its submitted reports of the given periods, oldest first. */
    static List<Evaluation> evaluations(PlanSnapshot s, String unitCode, String targetCode, List<ReportingPeriod> periods) {
        List<Evaluation> found = new ArrayList<>();
        for (ReportingPeriod period : periods) {
            // A report returned for correction is evaluated again when the correction comes, not before.
            s.report(unitCode, period.code()).filter(report -> report.state() != PeriodStatus.State.RETURNED)
                    .ifPresent(report -> report.targets().stream()
                    .filter(r -> r.targetCode().equals(targetCode)).findFirst()
                    .ifPresent(result -> found.add(new Evaluation(period, result))));
        }
        return found;
    }

    static UnitTargetLine unitTarget(PlanSnapshot s, Unit unit, PlanDefinition.Target target, List<Evaluation> evaluations) {
        int met = (int) evaluations.stream().filter(e -> e.result().met()).count();
        Optional<Evaluation> latest = evaluations.isEmpty() ? Optional.empty() : Optional.of(evaluations.get(evaluations.size() - 1));
        PlanDefinition.Bounds bounds = latest.map(e -> new PlanDefinition.Bounds(e.result().min(), e.result().max()))
                .orElse(target.bounds(s.today()));
        Verdict verdict = evaluations.isEmpty() ? Verdict.NOT_EVALUATED : met == evaluations.size() ? Verdict.MET : Verdict.NOT_MET;
        return new UnitTargetLine(unit.code(), unit.name(), s.plan().targetLabel(target),
                Formats.required(bounds.min(), bounds.max()) + " " + per(target), evaluations.size(), met,
                latest.map(e -> PlanHeader.shortLabel(e.period()) + ": " + e.result().actual()).orElse("—"),
                verdict == Verdict.NOT_MET ? "Chưa đạt " + (evaluations.size() - met) + "/" + evaluations.size() + " lần" : verdict.label(),
                verdict.css(), evaluations.isEmpty() ? 0 : met * 100 / evaluations.size());
    }

    /** The period a target is measured over, as people say it after its bound: "≥ 1 mỗi tháng". */
    static String per(PlanDefinition.Target target) {
        return switch (target.per()) {
            case MONTH -> "mỗi tháng";
            case QUARTER -> "mỗi quý";
            case HALF_YEAR -> "mỗi 6 tháng";
            case WINDOW -> "trong đợt";
            case YEAR -> "trong năm";
            case PLAN -> "cả kế hoạch";
        };
    }

    /**
     * The agency-wide targets of each period shown. A period not over yet is "Đang thực hiện" until met; the whole
     * plan's targets are measured over everything reported so far.
     */
    private static List<AgencyTargetLine> agencyTargets(PlanSnapshot s, List<ReportingPeriod> periods) {
        List<AgencyTargetLine> lines = new ArrayList<>();
        for (ReportingPeriod period : periods) {
            for (TargetEvaluator.Result r : s.agencyResults().getOrDefault(period.code(), List.of())) {
                Verdict verdict = r.met() ? Verdict.MET : s.over(period) ? Verdict.NOT_MET : Verdict.IN_PROGRESS;
                String label = period.kind() == ReportingPeriod.Kind.FINAL
                        ? (s.over(period) ? "Cả kế hoạch" : "Cả kế hoạch (lũy kế đến nay)") : Formats.capitalised(period.label());
                lines.add(new AgencyTargetLine(r.description(), label, Formats.required(r.min(), r.max()), r.actual(),
                        Formats.percent(r.actual(), r.min(), r.met()), verdict.label(), verdict.css()));
            }
        }
        return lines;
    }

    /** Open difficulties by stage and urgency, the overdue and urgent first. */
    private static DifficultyBoard difficulties(PlanSnapshot s, Criteria c, People.Names names) {
        List<DifficultyView> all = s.difficulties().stream()
                .filter(d -> c.unit() == null || c.unit().equals(d.unitCode())).toList();
        List<DifficultyView> open = all.stream().filter(d -> d.closedAt() == null).sorted(DIFFICULTY_ORDER).toList();
        Map<DifficultyProcess.Status, List<DifficultyView>> byStage = new EnumMap<>(DifficultyProcess.Status.class);
        open.forEach(d -> byStage.computeIfAbsent(DifficultyProcess.Status.valueOf(d.status()), k -> new ArrayList<>()).add(d));
        List<StageLine> stages = byStage.entrySet().stream().map(e -> new StageLine(e.getKey().label(),
                (int) e.getValue().stream().filter(Dashboards::urgent).count(),
                (int) e.getValue().stream().filter(d -> !urgent(d)).count(),
                (int) e.getValue().stream().filter(DifficultyView::overdue).count(), e.getValue().size())).toList();
        return new DifficultyBoard(stages, open.stream().map(d -> difficulty(d, names)).toList(), all.size(), open.size(),
                (int) open.stream().filter(DifficultyView::overdue).count(),
                "/monitor/plans/" + s.plan().code() + "/difficulties" + (c.unit() == null ? "" : "?unit=" + c.unit()));
    }

    /** Overdue first, then urgent, then the nearest stage due time, then the newest. */
    static final Comparator<DifficultyView> DIFFICULTY_ORDER = Comparator
            .comparing((DifficultyView d) -> !d.overdue())
            .thenComparing(d -> !urgent(d))
            .thenComparing(DifficultyView::stageDueAt, Comparator.nullsLast(Comparator.<OffsetDateTime>naturalOrder()))
            .thenComparing(DifficultyView::reportedAt, Comparator.reverseOrder());

    static boolean urgent(DifficultyView d) {
        return "URGENT".equals(d.urgency());
    }

    static String urgency(DifficultyView d) {
        return urgent(d) ? "Khẩn" : "Bình thường";
    }

    private static DifficultyLine difficulty(DifficultyView d, People.Names names) {
        return new DifficultyLine(d.id(), d.unitName(), d.description(), urgency(d), urgent(d),
                DifficultyProcess.Status.valueOf(d.status()).label(),
                d.stageDueAt() == null ? "—" : Formats.moment(d.stageDueAt()), d.overdue(),
                Formats.moment(d.reportedAt()) + " · " + names.of(d.reportedBy()));
    }

    /** The plan's tasks with the units responsible and the newest progress each reported. */
    private static List<TaskLine> tasks(PlanSnapshot s, Criteria c) {
        PlanDefinition plan = s.plan();
        Map<String, TaskProgress.Entry> newest = new LinkedHashMap<>();
        s.progress().stream().sorted(Comparator.comparing(TaskProgress.Entry::reportedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(e -> newest.put(e.taskCode() + "/" + e.unitCode(), e));
        List<TaskLine> lines = new ArrayList<>();
        for (PlanDefinition.Task task : plan.tasks()) {
            if (c.unit() != null && plan.roleOf(c.unit(), task).isEmpty()) {
                continue;
            }
            List<TaskUnit> units = new ArrayList<>();
            for (Unit unit : sortedUnits(plan)) {
                Optional<PlanDefinition.Role> role = plan.roleOf(unit.code(), task);
                if (role.isEmpty() || (c.unit() != null && !c.unit().equals(unit.code()))) {
                    continue;
                }
                TaskProgress.Entry entry = newest.get(task.code() + "/" + unit.code());
                units.add(new TaskUnit(unit.name(), role.get() == PlanDefinition.Role.LEAD ? "Chủ trì" : "Phối hợp",
                        entry == null ? TaskProgress.NONE : entry.status().label(), entry == null ? "none" : TaskProgress.css(entry.status()),
                        entry == null ? "—" : s.periods().stream().filter(p -> p.code().equals(entry.periodCode()))
                                .map(p -> Formats.capitalised(p.label())).findFirst().orElse(entry.periodCode()),
                        entry == null || entry.note() == null ? "—" : entry.note()));
            }
            lines.add(new TaskLine(task.code(), task.title(), names(plan, task.lead()), names(plan, task.coordinating()),
                    Formats.date(task.start()) + " – " + Formats.date(task.end()), summary(units), units));
        }
        return lines;
    }

    private static String summary(List<TaskUnit> units) {
        Map<String, Long> counts = units.stream().collect(Collectors.groupingBy(TaskUnit::status, LinkedHashMap::new, Collectors.counting()));
        if (counts.keySet().stream().allMatch(TaskProgress.NONE::equals)) {
            return TaskProgress.NONE;
        }
        return counts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(" · "));
    }

    /** Unit and partner codes of a task as names ("Tất cả các đơn vị" for ALL), in Vietnamese order. */
    static String names(PlanDefinition plan, List<String> codes) {
        if (codes.isEmpty()) {
            return "—";
        }
        List<String> names = new ArrayList<>();
        for (String code : codes) {
            if (PlanDefinition.ALL_UNITS.equals(code)) {
                names.add("Tất cả các đơn vị");
            } else {
                names.add(plan.unit(code).map(Unit::name).orElseGet(() -> plan.partners().stream()
                        .filter(p -> p.code().equals(code)).map(PlanDefinition.Partner::name).findFirst().orElse(code)));
            }
        }
        return names.stream().sorted(VietnameseOrder.TEXT).collect(Collectors.joining("; "));
    }

    private static AcknowledgementLine acknowledgement(PlanDefinition plan, UnitAcknowledgement a, People.Names names) {
        return new AcknowledgementLine(a.unitName(), a.focal(), a.acknowledged(), a.acknowledged() ? "Đã tiếp nhận" : "Chưa tiếp nhận",
                orDash(a.personInCharge()), orDash(a.contact()), a.acknowledged() ? names.of(a.acknowledgedBy()) : "—",
                Formats.moment(a.acknowledgedAt()), "/monitor/plans/" + plan.code() + "/units/" + a.unitCode());
    }

    private static ConsolidatedLine consolidated(ConsolidatedReportView r) {
        return new ConsolidatedLine(r.subject(), r.statusLabel(),
                r.documentNumber() == null ? "—" : r.documentNumber() + " ngày " + Formats.date(r.issuedOn()),
                r.dispatches().isEmpty() ? "—" : r.dispatches().stream()
                        .map(d -> d.recipient() + ("EMAIL".equals(d.channel()) ? " (thư điện tử " + d.address() + ")" : " (chỉ ghi nhận)"))
                        .collect(Collectors.joining("; ")),
                r.pdfUrl(), r.docxUrl());
    }

    static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    /** The matrix counted per period and state: a stacked bar per period (states that occur only). */
    private String reportChart(Matrix matrix) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "stacked");
        chart.put("categories", matrix.columns().stream().map(Column::label).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (ReportState state : ReportState.values()) {
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < matrix.columns().size(); i++) {
                int column = i;
                counts.add(matrix.rows().stream().filter(r -> r.cells().get(column).state().equals(state.name())).count());
            }
            if (counts.stream().anyMatch(n -> n > 0)) {
                series.add(Map.of("name", state.label(), "css", state.css(), "values", counts));
            }
        }
        chart.put("series", series);
        return write(chart);
    }

    /** Each unit's share of target evaluations met over the periods shown. */
    private String targetChart(List<UnitTargetLine> lines) {
        Map<String, int[]> byUnit = new LinkedHashMap<>();
        lines.forEach(l -> {
            int[] counts = byUnit.computeIfAbsent(l.unitName(), k -> new int[2]);
            counts[0] += l.met();
            counts[1] += l.evaluated();
        });
        byUnit.values().removeIf(counts -> counts[1] == 0);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", "bars");
        chart.put("name", "Tỷ lệ lượt chỉ tiêu đạt (%)");
        chart.put("categories", new ArrayList<>(byUnit.keySet()));
        chart.put("values", byUnit.values().stream().map(counts -> counts[0] * 100 / counts[1]).toList());
        return write(chart);
    }

    private String write(Object chart) {
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a target stands. */
    enum Verdict {
        MET("Đạt", "met"), NOT_MET("Chưa đạt", "not-met"), IN_PROGRESS("Đang thực hiện", "in-progress"),
        NOT_EVALUATED("Chưa đánh giá", "none");

        private final String label;
        private final String css;

        Verdict(String label, String css) {
            this.label = label;
            this.css = css;
        }

        String label() {
            return label;
        }

        String css() {
            return css;
        }
    }
}
