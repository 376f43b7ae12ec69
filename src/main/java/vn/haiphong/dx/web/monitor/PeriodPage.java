package vn.haiphong.dx.web.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanDefinition.Unit;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.TargetEvaluator;
import vn.haiphong.dx.reporting.EvidenceFiles;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * One period of a plan ({@code /monitor/plans/{code}/periods/{period}}): every unit's report (on time, late, not yet),
 * who submitted it, its targets not met, its difficulty and proposal, the urgings; the previous and next periods.
 */
@Controller
class PeriodPage {

    record View(PlanHeader plan, String title, String due, List<Count> counts, PlanDashboard.Option previous,
                PlanDashboard.Option next, List<PlanDashboard.Option> periods, List<UnitLine> units, String periodCode,
                boolean mayReturn) {}

    record Count(String label, String css, long count) {}

    /**
     * @param submitted when and by whom, or until when it is due
     * @param targets   targets met out of those evaluated ("1/2"), "—" without a report
     * @param unmet     the targets not met, with the result and the bound
     */
    /**
     * @param evidence  the address of the report's evidence page and how many files it has (null without a report)
     * @param note      why the report was returned, or why the unit was released
     * @param returnable whether the report stands and may be returned for correction
     */
    record UnitLine(String unitCode, String unitName, String href, String label, String css, String submitted,
                    String targets, List<String> unmet, String difficulty, String proposal, String urgings,
                    String evidence, int evidenceFiles, String note, boolean returnable) {}

    private final PlanMonitor monitor;
    private final PlanSnapshots snapshots;
    private final People people;
    private final EvidenceFiles evidence;

    PeriodPage(PlanMonitor monitor, PlanSnapshots snapshots, People people, EvidenceFiles evidence) {
        this.monitor = monitor;
        this.snapshots = snapshots;
        this.people = people;
        this.evidence = evidence;
    }

    @GetMapping("/monitor/plans/{code}/periods/{period}")
    String period(@PathVariable String code, @PathVariable String period, HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        PlanDefinition plan = monitor.monitored(user, code);
        ReportingPeriod chosen = monitor.period(code, period);
        Map<String, Long> files = evidence.ofPlan(code, chosen.code()).stream()
                .collect(Collectors.groupingBy(EvidenceFiles.Evidence::unitCode, Collectors.counting()));
        boolean office = user.isAdmin() || user.inAnyGroup(UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()));
        model.addAttribute("view", view(snapshots.take(plan), chosen, people.names(), files, office));
        return "monitor/period";
    }

    static View view(PlanSnapshot s, ReportingPeriod period, People.Names names, Map<String, Long> files, boolean office) {
        String base = "/monitor/plans/" + s.plan().code();
        List<UnitLine> units = new ArrayList<>();
        List<ReportState> states = new ArrayList<>();
        for (Unit unit : Dashboards.sortedUnits(s.plan())) {
            ReportState state = s.state(unit.code(), period);
            states.add(state);
            PeriodStatus.UnitReport report = s.report(unit.code(), period.code()).orElse(null);
            boolean submitted = state == ReportState.ON_TIME || state == ReportState.LATE;
            units.add(new UnitLine(unit.code(), unit.name(), base + "/units/" + unit.code(), state.label(), state.css(),
                    submitted ? Formats.moment(report.submittedAt()) + " · " + names.of(report.submittedBy())
                            : "Hạn: " + Formats.moment(s.dueAt(unit.code(), period)),
                    submitted ? report.targetsMet() + "/" + report.targetsEvaluated() : "—",
                    report == null ? List.of() : report.targets().stream().filter(t -> !t.met()).map(PeriodPage::unmet).toList(),
                    report == null || !report.hasDifficulty() ? "—" : report.difficultyDescription(),
                    report == null ? null : report.difficultyProposal(),
                    report == null || report.urgings() == 0 ? "—" : report.urgings() + " lần",
                    report == null || report.reportId() == null ? null
                            : "/reports/" + s.plan().code() + "/" + unit.code() + "/" + period.code() + "/evidence",
                    files.getOrDefault(unit.code(), 0L).intValue(), report == null ? null : report.note(),
                    office && submitted && period.kind() != ReportingPeriod.Kind.FINAL));
        }
        List<Count> counts = java.util.Arrays.stream(ReportState.values())
                .filter(v -> v == ReportState.ON_TIME || v == ReportState.LATE || v == ReportState.OVERDUE || states.contains(v))
                .map(v -> new Count(v.label(), v.css(), states.stream().filter(v::equals).count())).toList();
        int index = s.periods().indexOf(period);
        return new View(PlanHeader.of(s, true, "period"), PlanHeader.reportTitle(period), Formats.date(period.dueOn()), counts,
                index > 0 ? option(s.periods().get(index - 1), base) : null,
                index < s.periods().size() - 1 ? option(s.periods().get(index + 1), base) : null,
                s.periods().stream().map(p -> new PlanDashboard.Option(base + "/periods/" + p.code(), Formats.capitalised(p.label()),
                        p.equals(period))).toList(),
                units, period.code(), office);
    }

    private static PlanDashboard.Option option(ReportingPeriod period, String base) {
        return new PlanDashboard.Option(base + "/periods/" + period.code(), Formats.capitalised(period.label()), false);
    }

    private static String unmet(TargetEvaluator.Result t) {
        return t.description() + " (kết quả " + t.actual() + "; yêu cầu " + Formats.required(t.min(), t.max()) + ")";
    }
}
