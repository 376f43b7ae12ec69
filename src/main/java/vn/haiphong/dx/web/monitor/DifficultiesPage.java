package vn.haiphong.dx.web.monitor;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.security.AppUser;

/**
 * A plan's difficulties ({@code /monitor/plans/{code}/difficulties}): the Office and leadership see all, a unit its
 * own; filters by unit, stage and urgency; the overdue and urgent first; each with its history, by name.
 */
@Controller
class DifficultiesPage {

    record View(PlanHeader plan, boolean monitors, List<PlanDashboard.Option> units, List<PlanDashboard.Option> stages,
                List<PlanDashboard.Option> urgencies, boolean filtered, int total, int open, int overdue, List<Line> lines) {}

    record Line(long id, String unitName, String reported, String description, String proposal, String answer,
                String urgency, boolean urgent, String stage, String due, boolean overdue, boolean closed, List<Step> history) {}

    record Step(String at, String stage, String actor, String note) {}

    private final PlanMonitor monitor;
    private final PlanSnapshots snapshots;
    private final People people;

    DifficultiesPage(PlanMonitor monitor, PlanSnapshots snapshots, People people) {
        this.monitor = monitor;
        this.snapshots = snapshots;
        this.people = people;
    }

    @GetMapping("/monitor/plans/{code}/difficulties")
    String difficulties(@PathVariable String code, @RequestParam(required = false) String unit,
                        @RequestParam(required = false) String stage, @RequestParam(required = false) String urgency,
                        HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        List<DifficultyView> visible = monitor.difficulties(user, code);
        PlanDefinition plan = monitor.plan(code);
        boolean monitors = PlanMonitor.canMonitor(user, plan);
        People.Names names = people.names();
        List<DifficultyView> shown = visible.stream()
                .filter(d -> unit == null || unit.isBlank() || unit.equals(d.unitCode()))
                .filter(d -> stage == null || stage.isBlank() || stage.equals(d.status()))
                .filter(d -> urgency == null || urgency.isBlank() || urgency.equals(d.urgency()))
                .sorted(java.util.Comparator.comparing((DifficultyView d) -> d.closedAt() != null).thenComparing(Dashboards.DIFFICULTY_ORDER))
                .toList();
        List<String> unitCodes = visible.stream().map(DifficultyView::unitCode).distinct().toList();
        model.addAttribute("view", new View(snapshots.header(plan, monitors, "difficulties"), monitors,
                Dashboards.sortedUnits(plan).stream().filter(u -> monitors || unitCodes.contains(u.code()))
                        .map(u -> new PlanDashboard.Option(u.code(), u.name(), u.code().equals(unit))).toList(),
                Arrays.stream(DifficultyProcess.Status.values())
                        .map(v -> new PlanDashboard.Option(v.name(), v.label(), v.name().equals(stage))).toList(),
                List.of(new PlanDashboard.Option("URGENT", "Khẩn", "URGENT".equals(urgency)),
                        new PlanDashboard.Option("NORMAL", "Bình thường", "NORMAL".equals(urgency))),
                shown.size() != visible.size(), shown.size(), (int) shown.stream().filter(d -> d.closedAt() == null).count(),
                (int) shown.stream().filter(DifficultyView::overdue).count(),
                shown.stream().map(d -> line(d, names)).toList()));
        return "monitor/difficulties";
    }

    private static Line line(DifficultyView d, People.Names names) {
        return new Line(d.id(), d.unitName(), Formats.moment(d.reportedAt()) + " · " + names.of(d.reportedBy()), d.description(),
                d.proposal(), d.answer(), Dashboards.urgency(d), Dashboards.urgent(d), DifficultyProcess.Status.valueOf(d.status()).label(),
                d.stageDueAt() == null || d.closedAt() != null ? "—" : Formats.moment(d.stageDueAt()), d.overdue(), d.closedAt() != null,
                d.history().stream().map(step -> new Step(Formats.moment(step.at()), DifficultyProcess.Status.valueOf(step.status()).label(),
                        step.actor() == null ? "Hệ thống" : names.of(step.actor()), step.note())).toList());
    }
}
