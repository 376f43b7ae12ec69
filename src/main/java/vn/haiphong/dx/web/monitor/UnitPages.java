package vn.haiphong.dx.web.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.delegation.UnitAcknowledgement;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanDefinition.Unit;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.reporting.TargetEvaluator;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.web.monitor.Dashboards.Evaluation;
import vn.haiphong.dx.web.monitor.Dashboards.Verdict;
import vn.haiphong.dx.web.monitor.PlanTasks.OpenTask;

/**
 * A unit's page in a plan ({@code /monitor/plans/{code}/units/{unit}}), for its staff and for whoever monitors the
 * plan: its deadlines, its tasks as lead or coordinator, its targets with its own results, its reports, its
 * difficulties. {@code /monitor/unit} takes unit staff to their unit's page (or lists them when they have several).
 */
@Controller
class UnitPages {

    record Choice(List<UnitLink> units) {}

    record UnitLink(String plan, String agency, String unit, String href) {}

    record View(PlanHeader plan, String unitCode, String unitName, boolean focal, boolean monitors, String acknowledgement,
                List<String> duties, List<WorkItem> deadlines, List<UnitTask> tasks, List<UnitTarget> targets,
                List<Report> reports, List<PlanDashboard.DifficultyLine> difficulties, String difficultiesHref) {}

    record UnitTask(String code, String title, String role, String lead, String coordinating, String when, String status,
                    String css, String note) {}

    /** @param toDate a whole-plan target's result so far, before the final report measures it */
    record UnitTarget(String target, String required, List<Result> results, String verdict, String css, int percent,
                      String toDate) {}

    record Result(String period, int actual, String verdict, String css) {}

    record Report(String period, String label, String css, String due, String submitted, String targets, String urgings,
                  String narrative) {}

    private final PlanMonitor monitor;
    private final PlanSnapshots snapshots;
    private final ReportingService reporting;
    private final People people;

    private final PlanWorkPages work;

    UnitPages(PlanMonitor monitor, PlanSnapshots snapshots, ReportingService reporting, People people, PlanWorkPages work) {
        this.work = work;
        this.monitor = monitor;
        this.snapshots = snapshots;
        this.reporting = reporting;
        this.people = people;
    }

    @GetMapping("/monitor/unit")
    String mine(HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        List<PlanMonitor.Membership> memberships = monitor.memberships(user);
        if (memberships.size() == 1) {
            return "redirect:" + href(memberships.get(0).plan(), memberships.get(0).unit());
        }
        if (memberships.isEmpty()) {
            if (monitor.monitorsAny(user)) {
                return "redirect:/monitor/plans";
            }
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Tài khoản của bạn chưa thuộc đơn vị nào của các kế hoạch");
        }
        model.addAttribute("choice", new Choice(memberships.stream()
                .sorted(Comparator.comparing((PlanMonitor.Membership m) -> m.plan().title(), VietnameseOrder.TEXT)
                        .thenComparing(m -> m.unit().name(), VietnameseOrder.TEXT))
                .map(m -> new UnitLink(m.plan().title(), m.plan().agency().name(), m.unit().name(), href(m.plan(), m.unit())))
                .toList()));
        return "monitor/units";
    }

    @GetMapping("/monitor/plans/{code}/units/{unit}")
    String unit(@PathVariable String code, @PathVariable String unit, HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        PlanDefinition plan = monitor.unitPage(user, code, unit);
        // The outcome of a release just made (a flash attribute of the redirect), if any.
        model.addAttribute("release", work.release(user, plan, unit));
        PlanSnapshot s = snapshots.take(plan);
        Map<String, Map<String, Integer>> figures = new LinkedHashMap<>();
        s.statuses().keySet().forEach(period -> figures.put(period, reporting.figures(code, period).getOrDefault(unit, Map.of())));
        model.addAttribute("view", view(s, plan.unit(unit).orElseThrow(), PlanMonitor.canMonitor(user, plan), figures, people.names()));
        return "monitor/unit";
    }

    /** @param figures the unit's reported figures by period code (periods it did not report: empty) */
    static View view(PlanSnapshot s, Unit unit, boolean monitors, Map<String, Map<String, Integer>> figures, People.Names names) {
        PlanDefinition plan = s.plan();
        UnitAcknowledgement ack = s.acknowledgements().stream().filter(a -> a.unitCode().equals(unit.code())).findFirst().orElse(null);
        // A unit released from the plan (not handed over) has no acknowledgement to give and no deadline left.
        boolean released = s.statuses().values().stream().flatMap(status -> status.units().stream())
                .anyMatch(u -> u.unitCode().equals(unit.code()) && u.state() == PeriodStatus.State.RELEASED);
        String acknowledgement = released ? PeriodStatus.State.RELEASED.label() + "."
                : ack == null || !ack.acknowledged() ? "Chưa tiếp nhận kế hoạch."
                : "Đã tiếp nhận lúc " + Formats.moment(ack.acknowledgedAt()) + " (" + names.of(ack.acknowledgedBy()) + ")"
                + (ack.personInCharge() == null ? "" : "; cán bộ phụ trách: " + ack.personInCharge()
                + (ack.contact() == null ? "" : ", " + ack.contact())) + ".";
        return new View(PlanHeader.of(s, monitors, "unit"), unit.code(), unit.name(), unit.code().equals(plan.focalUnit()), monitors,
                acknowledgement, unit.duties(), released ? List.of() : deadlines(s, unit), tasks(s, unit), targets(s, unit, figures),
                reports(s, unit, names),
                s.difficulties().stream().filter(d -> d.unitCode().equals(unit.code()))
                        .sorted(Comparator.comparing((vn.haiphong.dx.escalation.DifficultyView d) -> d.closedAt() != null)
                                .thenComparing(Dashboards.DIFFICULTY_ORDER))
                        .map(d -> new PlanDashboard.DifficultyLine(d.id(), d.unitName(), d.description(), Dashboards.urgency(d),
                                Dashboards.urgent(d), vn.haiphong.dx.escalation.DifficultyProcess.Status.valueOf(d.status()).label(),
                                d.stageDueAt() == null || d.closedAt() != null ? "—" : Formats.moment(d.stageDueAt()), d.overdue(),
                                Formats.moment(d.reportedAt()) + " · " + names.of(d.reportedBy())))
                        .toList(),
                "/monitor/plans/" + plan.code() + "/difficulties" + (monitors ? "?unit=" + unit.code() : ""));
    }

    /** The unit's open work, most urgent first, then the next periods to report on. */
    private static List<WorkItem> deadlines(PlanSnapshot s, Unit unit) {
        List<WorkItem> lines = new ArrayList<>();
        for (OpenTask task : s.tasks()) {
            if (unit.code().equals(task.unitCode())) {
                lines.add(new WorkItem(task.name(), null, task.due() == null ? "Không có hạn" : Formats.moment(task.due()),
                        task.overdue(s.nowDate()), Formats.tasklistLink(task.id())));
            }
        }
        s.periods().stream().filter(p -> s.state(unit.code(), p) == ReportState.UPCOMING).limit(3)
                .forEach(p -> lines.add(new WorkItem(PlanHeader.reportTitle(p) + " (mở ngày " + Formats.date(PlanSnapshot.opensOn(p)) + ")", null,
                        "hết ngày " + Formats.date(p.dueOn()), false, null)));
        return lines;
    }

    private static List<UnitTask> tasks(PlanSnapshot s, Unit unit) {
        PlanDefinition plan = s.plan();
        List<UnitTask> lines = new ArrayList<>();
        for (PlanDefinition.Task task : plan.tasksOf(unit.code())) {
            TaskProgress.Entry entry = s.progress().stream()
                    .filter(e -> e.taskCode().equals(task.code()) && e.unitCode().equals(unit.code()))
                    .max(Comparator.comparing(TaskProgress.Entry::reportedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .orElse(null);
            lines.add(new UnitTask(task.code(), task.title(),
                    plan.roleOf(unit.code(), task).orElseThrow() == PlanDefinition.Role.LEAD ? "Chủ trì" : "Phối hợp",
                    Dashboards.names(plan, task.lead()), Dashboards.names(plan, task.coordinating()),
                    Formats.date(task.start()) + " – " + Formats.date(task.end()),
                    entry == null ? TaskProgress.NONE : entry.status().label(), entry == null ? "none" : TaskProgress.css(entry.status()),
                    entry == null || entry.note() == null ? null : entry.note()));
        }
        return lines;
    }

    /**
     * The unit's own targets: each report's result, and for a target measured over the whole plan, its result so far
     * (the final report's evaluation over the figures reported to date).
     */
    private static List<UnitTarget> targets(PlanSnapshot s, Unit unit, Map<String, Map<String, Integer>> figures) {
        PlanDefinition plan = s.plan();
        List<TargetEvaluator.Figures> reported = new ArrayList<>();
        for (ReportingPeriod period : s.periods()) {
            boolean submitted = s.report(unit.code(), period.code()).map(r -> r.state() != PeriodStatus.State.MISSING).orElse(false);
            if (submitted && period.kind() != ReportingPeriod.Kind.FINAL) {
                reported.add(new TargetEvaluator.Figures(period, figures.getOrDefault(period.code(), Map.of())));
            }
        }
        ReportingPeriod whole = s.periods().get(s.periods().size() - 1);
        List<TargetEvaluator.Result> soFar = s.issued() && !s.over(whole)
                ? TargetEvaluator.evaluate(plan, unit.code(), new TargetEvaluator.Figures(whole, Map.of()), reported) : List.of();
        List<UnitTarget> lines = new ArrayList<>();
        for (PlanDefinition.Target target : plan.targets()) {
            if (target.scope() != PlanDefinition.TargetScope.UNIT || !target.appliesTo(unit.code())) {
                continue;
            }
            List<Evaluation> evaluations = Dashboards.evaluations(s, unit.code(), target.code(), s.periods());
            PlanDashboard.UnitTargetLine line = Dashboards.unitTarget(s, unit, target, evaluations);
            String toDate = soFar.stream().filter(r -> r.targetCode().equals(target.code())).findFirst()
                    .map(r -> "Lũy kế đến nay: " + r.actual() + " (yêu cầu " + Formats.required(r.min(), r.max()) + ") — "
                            + (r.met() ? Verdict.MET.label() : Verdict.IN_PROGRESS.label()))
                    .orElse(null);
            lines.add(new UnitTarget(plan.targetLabel(target), line.required(),
                    evaluations.stream().map(e -> new Result(PlanHeader.shortLabel(e.period()), e.result().actual(),
                            e.result().met() ? Verdict.MET.label() : Verdict.NOT_MET.label(),
                            e.result().met() ? Verdict.MET.css() : Verdict.NOT_MET.css())).toList(),
                    line.verdict(), line.css(), line.percent(), toDate));
        }
        return lines;
    }

    private static List<Report> reports(PlanSnapshot s, Unit unit, People.Names names) {
        List<Report> lines = new ArrayList<>();
        for (ReportingPeriod period : s.periods()) {
            ReportState state = s.state(unit.code(), period);
            PeriodStatus.UnitReport report = s.report(unit.code(), period.code()).orElse(null);
            boolean submitted = state == ReportState.ON_TIME || state == ReportState.LATE;
            lines.add(new Report(Formats.capitalised(period.label()), state.label(), state.css(),
                    state == ReportState.OPEN || state == ReportState.OVERDUE ? Formats.moment(s.dueAt(unit.code(), period))
                            : "hết ngày " + Formats.date(period.dueOn()),
                    submitted ? Formats.moment(report.submittedAt()) + " · " + names.of(report.submittedBy()) : "—",
                    submitted ? report.targetsMet() + "/" + report.targetsEvaluated() : "—",
                    report == null || report.urgings() == 0 ? "—" : report.urgings() + " lần",
                    submitted ? Dashboards.orDash(report.narrative()) : null));
        }
        return lines;
    }

    private static String href(PlanDefinition plan, Unit unit) {
        return "/monitor/plans/" + plan.code() + "/units/" + unit.code();
    }
}
