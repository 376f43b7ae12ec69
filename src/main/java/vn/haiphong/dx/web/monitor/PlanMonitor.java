package vn.haiphong.dx.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.delegation.AcknowledgementService;
import vn.haiphong.dx.delegation.UnitAcknowledgement;
import vn.haiphong.dx.escalation.DifficultyService;
import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.PlanRepository.PlanRow;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * What the Office (and leadership) of an agency monitors: its plans and, per plan, which units have
 * acknowledged. Other agencies' plans and unit staff are refused.
 */
@Service
class PlanMonitor {

    record PlanOverview(String code, String title, String agency, String status, String documentNumber,
                        java.time.LocalDate issuedOn, int unitCount, int acknowledgedCount,
                        OffsetDateTime allAcknowledgedAt) {}

    record PlanUnits(PlanOverview plan, List<UnitAcknowledgement> units) {}

    private final Plans catalog;
    private final PlanRepository plans;
    private final AcknowledgementService acknowledgements;
    private final ReportingService reporting;
    private final DifficultyService escalation;

    PlanMonitor(Plans catalog, PlanRepository plans, AcknowledgementService acknowledgements,
                ReportingService reporting, DifficultyService escalation) {
        this.escalation = escalation;
        this.catalog = catalog;
        this.plans = plans;
        this.acknowledgements = acknowledgements;
        this.reporting = reporting;
    }

    List<PlanOverview> visiblePlans(AppUser user) {
        return catalog.all().stream()
                .filter(plan -> canMonitor(user, plan))
                .flatMap(plan -> plans.find(plan.code()).map(row -> overview(plan, row)).stream())
                .toList();
    }

    PlanUnits units(AppUser user, String planCode) {
        PlanDefinition plan = monitored(user, planCode);
        PlanRow row = plans.find(planCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Kế hoạch chưa được khởi tạo"));
        return new PlanUnits(overview(plan, row), acknowledgements.acknowledgements(planCode));
    }

    PeriodStatus period(AppUser user, String planCode, String periodCode) {
        monitored(user, planCode);
        if (reporting.periods(planCode).stream().noneMatch(p -> p.code().equals(periodCode))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Kế hoạch không có kỳ báo cáo " + periodCode);
        }
        return reporting.status(planCode, periodCode);
    }

    List<ReportingPeriod> periods(AppUser user, String planCode) {
        monitored(user, planCode);
        return reporting.periods(planCode);
    }

    /**
     * The Office and leadership see every difficulty of their agency's plan; a unit sees only its own;
     * anyone else is refused.
     */
    List<DifficultyView> difficulties(AppUser user, String planCode) {
        PlanDefinition plan = plan(planCode);
        if (canMonitor(user, plan)) {
            return escalation.difficulties(planCode);
        }
        List<String> ownUnits = plan.units().stream().map(PlanDefinition.Unit::code)
                .filter(unit -> user.inAnyGroup(UnitGroups.unitGroupId(plan.agency().code(), unit))).toList();
        if (ownUnits.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ đơn vị báo cáo, đơn vị đầu mối và lãnh đạo được xem khó khăn, vướng mắc này");
        }
        return escalation.difficulties(planCode).stream().filter(d -> ownUnits.contains(d.unitCode())).toList();
    }

    /** The plan, if the user is its agency's Office or leadership (or an administrator); else 403, or 404. */
    PlanDefinition monitored(AppUser user, String planCode) {
        PlanDefinition plan = plan(planCode);
        if (!canMonitor(user, plan)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ đơn vị đầu mối và lãnh đạo của cơ quan ban hành được theo dõi kế hoạch này");
        }
        return plan;
    }

    private PlanDefinition plan(String planCode) {
        return catalog.find(planCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có kế hoạch " + planCode));
    }

    static boolean canMonitor(AppUser user, PlanDefinition plan) {
        String agency = plan.agency().code();
        return user.isAdmin() || user.inAnyGroup(UnitGroups.unitGroupId(agency, plan.focalUnit()),
                UnitGroups.leadershipGroupId(agency));
    }

    private static PlanOverview overview(PlanDefinition plan, PlanRow row) {
        return new PlanOverview(row.code(), row.title(), plan.agency().name(), row.status().name(),
                row.documentNumber(), row.issuedOn(), row.unitCount(), row.acknowledgedCount(), row.allAcknowledgedAt());
    }
}
