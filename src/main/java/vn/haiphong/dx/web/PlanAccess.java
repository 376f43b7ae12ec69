package vn.haiphong.dx.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Who may bring plans in and revise them: an administrator, any plan; an agency's Office (the focal unit of one of the
 * agency's plans), the agency's own plans and nobody else's. Leadership reads drafts; it approves them in its task.
 */
@Component
class PlanAccess {

    private final PlanService plans;

    PlanAccess(PlanService plans) {
        this.plans = plans;
    }

    /** Whether the user may bring in or revise a plan of this agency. */
    boolean mayDraft(AppUser user, String agencyCode) {
        return user.isAdmin() || plans.officeGroups(agencyCode).stream().anyMatch(group -> user.groups().contains(group));
    }

    /** Whether the user works in the Office of any agency (or administers): the import page is for them. */
    boolean mayImportAny(AppUser user) {
        return user.isAdmin() || user.groups().stream().anyMatch(g -> plans.isOfficeGroup(g));
    }

    /** Before a plan file is even read: only an Office or an administrator brings plans in. */
    void requireImportAny(AppUser user) {
        if (!mayImportAny(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ đơn vị đầu mối (Văn phòng) của cơ quan và quản trị hệ thống được đưa kế hoạch vào hệ thống");
        }
    }

    void requireDraft(AppUser user, String agencyCode) {
        if (!mayDraft(user, agencyCode)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, user.isAdmin() ? "" : plans.officeGroups(agencyCode).isEmpty()
                    ? "Chỉ quản trị hệ thống được đưa kế hoạch của một cơ quan mới vào hệ thống"
                    : "Chỉ đơn vị đầu mối (Văn phòng) của cơ quan " + agencyCode + " và quản trị hệ thống được đưa vào, sửa dự thảo kế hoạch của cơ quan này");
        }
    }

    /** Reading a plan's drafts and versions: its agency's Office and leadership, administrators. */
    void requireRead(AppUser user, PlanDefinition plan) {
        String agency = plan.agency().code();
        if (!mayDraft(user, agency) && !user.inAnyGroup(UnitGroups.leadershipGroupId(agency))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ đơn vị đầu mối, lãnh đạo của cơ quan ban hành và quản trị hệ thống được xem dự thảo, các bản của kế hoạch này");
        }
    }
}
