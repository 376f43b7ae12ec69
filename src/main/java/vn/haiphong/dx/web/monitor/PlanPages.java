package vn.haiphong.dx.web.monitor;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.web.Downloads;

/**
 * The monitoring's entry ({@code /monitor}: each person to their own page), the list of plans an Office or
 * leadership monitors ({@code /monitor/plans}), a plan's dashboard ({@code /monitor/plans/{code}}, filters as query
 * parameters {@code unit}, {@code period}, {@code status}) and its Excel export ({@code …/export.xlsx}, same filters).
 */
@Controller
class PlanPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    record PlanList(List<PlanLine> plans) {}

    record PlanLine(String title, String agency, String status, String document, String acknowledged, String href) {}

    private final PlanMonitor monitor;
    private final PlanSnapshots snapshots;
    private final Dashboards dashboards;
    private final People people;

    PlanPages(PlanMonitor monitor, PlanSnapshots snapshots, Dashboards dashboards, People people) {
        this.monitor = monitor;
        this.snapshots = snapshots;
        this.dashboards = dashboards;
        this.people = people;
    }

    /** Leadership to its summary, the Office to its plans, unit staff to their unit's page. */
    @GetMapping("/monitor")
    String home(HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        if (monitor.leadsAny(user)) {
            return "redirect:/monitor/leadership";
        }
        return monitor.monitorsAny(user) || monitor.memberships(user).isEmpty() ? "redirect:/monitor/plans" : "redirect:/monitor/unit";
    }

    @GetMapping("/monitor/plans")
    String plans(HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        if (!monitor.monitorsAny(user) && !monitor.memberships(user).isEmpty()) {
            return "redirect:/monitor/unit";
        }
        model.addAttribute("list", new PlanList(monitor.visiblePlans(user).stream()
                .sorted(VietnameseOrder.by(PlanMonitor.PlanOverview::title))
                .map(p -> new PlanLine(p.title(), p.agency(), PlanHeader.planStatus(vn.haiphong.dx.plan.PlanRepository.Status.valueOf(p.status())),
                        p.documentNumber() == null ? "—" : p.documentNumber() + " ngày " + Formats.date(p.issuedOn()),
                        p.acknowledgedCount() + "/" + p.unitCount(), "/monitor/plans/" + p.code()))
                .toList()));
        return "monitor/plans";
    }

    @GetMapping("/monitor/plans/{code}")
    String dashboard(@PathVariable String code, @RequestParam(required = false) String unit,
                     @RequestParam(required = false) String period, @RequestParam(required = false) String status,
                     HttpServletRequest request, Model model) {
        model.addAttribute("dashboard", dashboard(code, unit, period, status, request));
        model.addAttribute("charts", true);
        return "monitor/dashboard";
    }

    @GetMapping("/monitor/plans/{code}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String code, @RequestParam(required = false) String unit,
                                  @RequestParam(required = false) String period, @RequestParam(required = false) String status,
                                  HttpServletRequest request) {
        PlanDashboard dashboard = dashboard(code, unit, period, status, request);
        String exportedAt = Texts.DATE_TIME.format(java.time.ZonedDateTime.now(vn.haiphong.dx.plan.PlanService.ZONE));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment("theo-doi-" + code + ".xlsx"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(DashboardWorkbook.of(dashboard, exportedAt));
    }

    private PlanDashboard dashboard(String code, String unit, String period, String status, HttpServletRequest request) {
        PlanDefinition plan = monitor.monitored(AppUser.of(request), code);
        return dashboards.build(snapshots.take(plan), new Dashboards.Criteria(unit, period, status), people.names());
    }
}
