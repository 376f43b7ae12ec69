package vn.haiphong.dx.web.monitor;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.haiphong.dx.delegation.UnitReleases;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.reporting.ReportCorrections;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * The focal unit's actions on the monitoring pages: return a unit's report for correction (period page), release a unit
 * or hand its work over (unit page). Each answers by going back to its page with what happened, in Vietnamese.
 */
@Controller
class PlanWorkPages {

    /** What the unit page offers the focal unit: release, or hand over to one of the other units still in the plan. */
    record Release(String planCode, String unitCode, String released, List<PlanDashboard.Option> successors) {}

    private final PlanMonitor monitor;
    private final ReportCorrections corrections;
    private final UnitReleases releases;
    private final PlanRepository plans;

    PlanWorkPages(PlanMonitor monitor, ReportCorrections corrections, UnitReleases releases, PlanRepository plans) {
        this.monitor = monitor;
        this.corrections = corrections;
        this.releases = releases;
        this.plans = plans;
    }

    @PostMapping("/monitor/plans/{code}/periods/{period}/units/{unit}/return")
    String returnReport(@PathVariable String code, @PathVariable String period, @PathVariable String unit,
                        @RequestParam(value = "reason", required = false) String reason, HttpServletRequest request,
                        RedirectAttributes flash) {
        AppUser user = AppUser.of(request);
        monitor.monitored(user, code);
        String page = "/monitor/plans/" + code + "/periods/" + period;
        try {
            corrections.returnForCorrection(code, unit, period, reason, user.id(), user.groups(), user.isAdmin());
            return redirect(flash, page, "notice", "Đã trả lại báo cáo để đơn vị sửa; công việc sửa báo cáo đã đến đơn vị.");
        } catch (InputRejectedException e) {
            return redirect(flash, page, "problem", e.problems().isEmpty() ? e.getMessage() : String.join("; ", e.problems()));
        }
    }

    @PostMapping("/monitor/plans/{code}/units/{unit}/release")
    String release(@PathVariable String code, @PathVariable String unit, @RequestParam(value = "reason", required = false) String reason,
                   @RequestParam(value = "handOverTo", required = false) String handOverTo, HttpServletRequest request,
                   RedirectAttributes flash) {
        AppUser user = AppUser.of(request);
        PlanDefinition plan = monitor.monitored(user, code);
        String page = "/monitor/plans/" + code + "/units/" + unit;
        try {
            releases.release(code, unit, reason, handOverTo == null || handOverTo.isBlank() ? null : handOverTo, user.id(),
                    user.groups(), user.isAdmin());
            String name = plan.unit(unit).map(PlanDefinition.Unit::name).orElse(unit);
            return redirect(flash, page, "notice", handOverTo == null || handOverTo.isBlank()
                    ? name + " đã được giải phóng khỏi kế hoạch; các việc đang mở của đơn vị đã được thu hồi."
                    : "Công việc của " + name + " đã được bàn giao cho "
                    + plan.unit(handOverTo).map(PlanDefinition.Unit::name).orElse(handOverTo) + ".");
        } catch (InputRejectedException e) {
            return redirect(flash, page, "problem", e.problems().isEmpty() ? e.getMessage() : String.join("; ", e.problems()));
        }
    }

    /** The release section of a unit page, for the plan's focal unit and administrators; null for anyone else. */
    Release release(AppUser user, PlanDefinition plan, String unitCode) {
        boolean office = user.isAdmin() || user.inAnyGroup(UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()));
        if (!office || unitCode.equals(plan.focalUnit())) {
            return null;
        }
        var released = plans.releases(plan.code());
        PlanRepository.Release own = released.get(unitCode);
        String state = own == null ? null : "Đơn vị " + (own.handedTo() == null ? "đã được giải phóng khỏi kế hoạch"
                : "đã bàn giao công việc cho " + plan.unit(own.handedTo()).map(PlanDefinition.Unit::name).orElse(own.handedTo()))
                + " ngày " + Texts.DATE.format(own.releasedAt().atZoneSameInstant(vn.haiphong.dx.plan.PlanService.ZONE))
                + ". Lý do: " + own.reason();
        return new Release(plan.code(), unitCode, state, Dashboards.sortedUnits(plan).stream()
                .filter(u -> !u.code().equals(unitCode) && !released.containsKey(u.code()))
                .map(u -> new PlanDashboard.Option(u.code(), u.name(), false)).toList());
    }

    /** Back to the page, which shows the outcome once (a flash attribute: nothing in the address to forge). */
    private static String redirect(RedirectAttributes flash, String page, String key, String text) {
        flash.addFlashAttribute(key, text);
        return "redirect:" + page;
    }
}
