package vn.haiphong.dx.web.monitor;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.security.AppUser;

/** JSON for the Office's monitoring: plans, acknowledgements, periods and each period's reports. */
@RestController
@RequestMapping("/api/plans")
class PlanMonitorApi {

    private final PlanMonitor monitor;

    PlanMonitorApi(PlanMonitor monitor) {
        this.monitor = monitor;
    }

    @GetMapping
    List<PlanMonitor.PlanOverview> plans(HttpServletRequest request) {
        return monitor.visiblePlans(AppUser.of(request));
    }

    @GetMapping("/{code}/periods")
    List<ReportingPeriod> periods(@PathVariable String code, HttpServletRequest request) {
        return monitor.periods(AppUser.of(request), code);
    }

    @GetMapping("/{code}/periods/{period}")
    PeriodStatus period(@PathVariable String code, @PathVariable String period, HttpServletRequest request) {
        return monitor.period(AppUser.of(request), code, period);
    }

    @GetMapping("/{code}/difficulties")
    List<DifficultyView> difficulties(@PathVariable String code, HttpServletRequest request) {
        return monitor.difficulties(AppUser.of(request), code);
    }

    @GetMapping("/{code}/acknowledgements")
    PlanMonitor.PlanUnits acknowledgements(@PathVariable String code, HttpServletRequest request) {
        return monitor.units(AppUser.of(request), code);
    }
}
