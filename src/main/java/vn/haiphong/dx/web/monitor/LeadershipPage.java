package vn.haiphong.dx.web.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanDefinition.Unit;
import vn.haiphong.dx.calendar.PlanCalendar;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.TargetEvaluator;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Leadership's one screen across its agency's plans ({@code /monitor/leadership}; the Office sees the same for its
 * agency): what waits for their decision (their open tasks in the engine), and where each plan is behind.
 */
@Controller
class LeadershipPage {

    record View(String heading, String decisionsHeading, List<WorkItem> decisions, List<PlanLine> plans) {}

    /**
     * @param period   the latest period due (else the one under way), whose reports are counted
     * @param behind   where the plan is behind, one sentence each; empty when it is not
     */
    record PlanLine(String title, String agency, String status, String document, String href, String period, int reported,
                    int expected, int percent, List<String> behind, String acknowledged, int openDifficulties,
                    int overdueDifficulties, int overdueItems) {}

    private final PlanMonitor monitor;
    private final PlanSnapshots snapshots;
    private final PlanTasks tasks;
    private final PlanCalendar calendar;

    LeadershipPage(PlanMonitor monitor, PlanSnapshots snapshots, PlanTasks tasks, PlanCalendar calendar) {
        this.monitor = monitor;
        this.snapshots = snapshots;
        this.tasks = tasks;
        this.calendar = calendar;
    }

    @GetMapping("/monitor/leadership")
    String summary(HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        List<PlanDefinition> plans = monitor.summaryPlans(user).stream().sorted(VietnameseOrder.by(PlanDefinition::title)).toList();
        boolean leads = plans.stream().anyMatch(p -> user.inAnyGroup(UnitGroups.leadershipGroupId(p.agency().code())));
        Map<String, String> titles = plans.stream().collect(Collectors.toMap(PlanDefinition::code, PlanDefinition::title));
        java.util.Date now = java.util.Date.from(calendar.now());
        List<WorkItem> decisions = tasks.ofPerson(user.id(), user.groups()).stream()
                // The plan of each only when there are several to tell apart (a task's name carries its context).
                .map(t -> new WorkItem(t.name(), plans.size() < 2 ? null : t.planCode() == null ? "—" : titles.getOrDefault(t.planCode(), t.planCode()),
                        t.due() == null ? "Không có hạn" : Formats.moment(t.due()), t.overdue(now),
                        Formats.tasklistLink(t.id())))
                .toList();
        model.addAttribute("view", new View(leads ? "Tổng hợp của lãnh đạo" : "Tổng hợp các kế hoạch",
                leads ? "Việc cần lãnh đạo quyết định" : "Việc đang chờ đơn vị xử lý", decisions,
                plans.stream().map(p -> line(snapshots.take(p))).toList()));
        return "monitor/leadership";
    }

    static PlanLine line(PlanSnapshot s) {
        PlanDefinition plan = s.plan();
        List<String> behind = new ArrayList<>();
        ReportingPeriod counted = counted(s);
        int expected = 0;
        int reported = 0;
        if (s.issued()) {
            for (Unit unit : plan.units()) {
                ReportState state = s.state(unit.code(), counted);
                expected += state == ReportState.NOT_ASKED || state == ReportState.RELEASED ? 0 : 1;
                reported += state == ReportState.ON_TIME || state == ReportState.LATE ? 1 : 0;
            }
            behind.addAll(missing(s));
            behind.addAll(targets(s));
        }
        List<DifficultyView> open = s.difficulties().stream().filter(d -> d.closedAt() == null).toList();
        long overdueDifficulties = open.stream().filter(DifficultyView::overdue).count();
        long atLeadership = open.stream().filter(d -> DifficultyProcess.Status.AT_LEADERSHIP.name().equals(d.status())).count();
        if (overdueDifficulties > 0) {
            behind.add(overdueDifficulties + " khó khăn, vướng mắc quá hạn xử lý");
        }
        if (atLeadership > 0) {
            behind.add(atLeadership + " khó khăn, vướng mắc đang chờ lãnh đạo cho ý kiến");
        }
        List<String> unacknowledged = s.acknowledgements().stream().filter(a -> !a.acknowledged())
                .map(vn.haiphong.dx.delegation.UnitAcknowledgement::unitName).sorted(VietnameseOrder.TEXT).toList();
        if (s.issued() && !unacknowledged.isEmpty()) {
            behind.add(unacknowledged.size() + " đơn vị chưa tiếp nhận kế hoạch: " + String.join(", ", unacknowledged));
        }
        int overdueItems = Dashboards.overdue(s, Dashboards.Criteria.ALL).size();
        return new PlanLine(plan.title(), plan.agency().name(), PlanHeader.planStatus(s.row().status()),
                s.row().documentNumber() == null ? null : "Số " + s.row().documentNumber() + " ngày " + Formats.date(s.row().issuedOn()),
                "/monitor/plans/" + plan.code(), s.issued() ? Formats.capitalised(counted.label()) : null, reported, expected,
                expected == 0 ? 0 : reported * 100 / expected, behind,
                s.acknowledgements().size() - unacknowledged.size() + "/" + s.acknowledgements().size(),
                open.size(), (int) overdueDifficulties, overdueItems);
    }

    /** The latest period whose due date has passed; before the first, the period under way. */
    private static ReportingPeriod counted(PlanSnapshot s) {
        ReportingPeriod counted = PlanHeader.currentPeriod(s.periods(), s.today());
        for (ReportingPeriod period : s.periods()) {
            if (s.over(period)) {
                counted = period;
            }
        }
        return counted;
    }

    /** Units that have not reported on periods already due, the latest periods first (at most three). */
    private static List<String> missing(PlanSnapshot s) {
        List<String> lines = new ArrayList<>();
        List<ReportingPeriod> periods = new ArrayList<>(s.periods());
        java.util.Collections.reverse(periods);
        for (ReportingPeriod period : periods) {
            List<String> units = Dashboards.sortedUnits(s.plan()).stream()
                    .filter(u -> s.state(u.code(), period) == ReportState.OVERDUE).map(Unit::name).toList();
            if (!units.isEmpty() && lines.size() < 3) {
                lines.add(Formats.capitalised(period.label()) + ": " + units.size() + " đơn vị chưa nộp báo cáo (" + String.join(", ", units) + ")");
            }
        }
        return lines;
    }

    /** Agency-wide targets not met, and units short of their targets, in the latest period due. */
    private static List<String> targets(PlanSnapshot s) {
        List<String> lines = new ArrayList<>();
        ReportingPeriod latest = null;
        for (ReportingPeriod period : s.periods()) {
            if (s.over(period)) {
                latest = period;
            }
        }
        if (latest == null) {
            return lines;
        }
        for (TargetEvaluator.Result r : s.agencyResults().getOrDefault(latest.code(), List.of())) {
            if (!r.met()) {
                lines.add("Chỉ tiêu chung chưa đạt " + latest.label() + ": " + r.description() + " (kết quả " + r.actual()
                        + ", yêu cầu " + Formats.required(r.min(), r.max()) + ")");
            }
        }
        ReportingPeriod period = latest;
        List<String> shortfall = Dashboards.sortedUnits(s.plan()).stream()
                .filter(u -> s.report(u.code(), period.code()).map(r -> r.targetsMet() < r.targetsEvaluated()).orElse(false))
                .map(Unit::name).toList();
        if (!shortfall.isEmpty()) {
            lines.add(Formats.capitalised(latest.label()) + ": " + shortfall.size() + " đơn vị chưa đạt đủ chỉ tiêu ("
                    + String.join(", ", shortfall) + ")");
        }
        return lines;
    }
}
