package vn.haiphong.dx.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.delegation.UnitReleases;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.reporting.ReportCorrections;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.web.monitor.PlanMonitor;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * What the plan's focal unit does to keep a plan moving: release a unit (or hand its work to another unit), return a
 * unit's report for correction; and what it follows: every unit's progress on every plan task.
 */
@RestController
class PlanWorkApi {

    record Release(String reason, String handOverTo) {}

    record Return(String reason) {}

    private final Plans plans;
    private final UnitReleases releases;
    private final ReportCorrections corrections;
    private final ReportingService reporting;

    PlanWorkApi(Plans plans, UnitReleases releases, ReportCorrections corrections, ReportingService reporting) {
        this.plans = plans;
        this.releases = releases;
        this.corrections = corrections;
        this.reporting = reporting;
    }

    @PostMapping("/api/plans/{code}/units/{unit}/release")
    Map<String, Object> release(@PathVariable String code, @PathVariable String unit, @RequestBody Release body,
                                HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        PlanDefinition plan = office(user, code, "giải phóng đơn vị khỏi kế hoạch hoặc bàn giao công việc của đơn vị");
        releases.release(code, unit, body.reason(), body.handOverTo(), user.id(), user.groups(), user.isAdmin());
        String name = plan.unit(unit).map(PlanDefinition.Unit::name).orElse(unit);
        return Map.of("status", 200, "message", body.handOverTo() == null || body.handOverTo().isBlank()
                ? name + " đã được giải phóng khỏi kế hoạch; các việc đang mở của đơn vị đã được thu hồi."
                : "Công việc của " + name + " đã được bàn giao cho " + plan.unit(body.handOverTo()).map(PlanDefinition.Unit::name).orElse(body.handOverTo()) + ".");
    }

    @PostMapping("/api/plans/{code}/reports/{unit}/{period}/return")
    Map<String, Object> returnReport(@PathVariable String code, @PathVariable String unit, @PathVariable String period,
                                     @RequestBody Return body, HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        office(user, code, "trả lại báo cáo của đơn vị");
        String instance = corrections.returnForCorrection(code, unit, period, body.reason(), user.id(), user.groups(), user.isAdmin());
        return Map.of("status", 200, "message", "Đã trả lại báo cáo để đơn vị sửa; công việc sửa báo cáo đã đến đơn vị.",
                "correctionInstanceId", instance);
    }

    @GetMapping("/api/plans/{code}/tasks")
    List<ReportingService.TaskLine> tasks(@PathVariable String code, HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        PlanDefinition plan = plan(code);
        if (!PlanMonitor.canMonitor(user, plan)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ đơn vị đầu mối và lãnh đạo của cơ quan ban hành được theo dõi kế hoạch này");
        }
        return reporting.taskProgress(code);
    }

    /** The plan, if the user works in its focal unit or administers; else 403 (404 for a plan nobody knows). */
    private PlanDefinition office(AppUser user, String code, String action) {
        PlanDefinition plan = plan(code);
        if (!user.isAdmin() && !user.inAnyGroup(UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ " + plan.focal().name() + " (đơn vị đầu mối) được " + action);
        }
        return plan;
    }

    private PlanDefinition plan(String code) {
        return plans.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có kế hoạch " + code));
    }
}
