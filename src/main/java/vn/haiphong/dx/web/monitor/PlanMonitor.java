package vn.haiphong.dx.web.monitor;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.delegation.AcknowledgementService;
import vn.haiphong.dx.delegation.UnitAcknowledgement;
import vn.haiphong.dx.escalation.DifficultyService;
import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.PlanRepository.PlanRow;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Who sees what of a plan's monitoring. The Office (the plan's focal unit) and leadership of the issuing agency, and
 * administrators, monitor the whole plan; a unit's staff see their own unit's page and difficulties; other agencies
 * and other units are refused.
 */
@Service
public class PlanMonitor {

    public record PlanOverview(String code, String title, String agency, String status, String documentNumber,
                               java.time.LocalDate issuedOn, int unitCount, int acknowledgedCount,
                               OffsetDateTime allAcknowledgedAt) {}

    public record PlanUnits(PlanOverview plan, List<UnitAcknowledgement> units) {}

    /** A unit of a plan the user works in. */
    record Membership(PlanDefinition plan, PlanDefinition.Unit unit) {}

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

    public List<PlanOverview> visiblePlans(AppUser user) {
        return catalog.all().stream()
                .filter(plan -> canMonitor(user, plan))
                .flatMap(plan -> plans.find(plan.code()).map(row -> overview(plan, row)).stream())
                .toList();
    }

    public PlanUnits units(AppUser user, String planCode) {
        PlanDefinition plan = monitored(user, planCode);
        return new PlanUnits(overview(plan, row(planCode)), acknowledgements.acknowledgements(planCode));
    }

    public PeriodStatus period(AppUser user, String planCode, String periodCode) {
        monitored(user, planCode);
        return reporting.status(planCode, period(planCode, periodCode).code());
    }

    public List<ReportingPeriod> periods(AppUser user, String planCode) {
        monitored(user, planCode);
        return reporting.periods(planCode);
    }

    /**
     * The Office and leadership see every difficulty of their agency's plan; a unit sees only its own;
     * anyone else is refused.
     */
    public List<DifficultyView> difficulties(AppUser user, String planCode) {
        PlanDefinition plan = plan(planCode);
        if (canMonitor(user, plan)) {
            return escalation.difficulties(planCode);
        }
        List<String> ownUnits = ownUnits(user, plan).stream().map(PlanDefinition.Unit::code).toList();
        if (ownUnits.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ đơn vị báo cáo, đơn vị đầu mối và lãnh đạo được xem khó khăn, vướng mắc này");
        }
        return escalation.difficulties(planCode).stream().filter(d -> ownUnits.contains(d.unitCode())).toList();
    }

    /** The plan, if the user is its agency's Office or leadership (or an administrator); else 403, or 404. */
    public PlanDefinition monitored(AppUser user, String planCode) {
        PlanDefinition plan = plan(planCode);
        if (!canMonitor(user, plan)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ đơn vị đầu mối và lãnh đạo của cơ quan ban hành được theo dõi kế hoạch này");
        }
        return plan;
    }

    /** A unit's page: the unit's own staff, and whoever monitors the plan; else 403, or 404. */
    PlanDefinition unitPage(AppUser user, String planCode, String unitCode) {
        PlanDefinition plan = plan(planCode);
        if (plan.unit(unitCode).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Kế hoạch không có đơn vị " + unitCode);
        }
        if (!canMonitor(user, plan) && !user.inAnyGroup(UnitGroups.unitGroupId(plan.agency().code(), unitCode))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ cán bộ của đơn vị, đơn vị đầu mối và lãnh đạo của cơ quan ban hành được xem trang của đơn vị này");
        }
        return plan;
    }

    /** The summary across an agency's plans: its leadership and Office (administrators: every agency); else 403. */
    List<PlanDefinition> summaryPlans(AppUser user) {
        List<PlanDefinition> visible = catalog.all().stream().filter(plan -> canMonitor(user, plan)).toList();
        if (visible.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ lãnh đạo và đơn vị đầu mối của cơ quan ban hành kế hoạch được xem trang tổng hợp này");
        }
        return visible;
    }

    /** Every unit, in every plan, whose group the user belongs to. */
    List<Membership> memberships(AppUser user) {
        return catalog.all().stream()
                .flatMap(plan -> ownUnits(user, plan).stream().map(unit -> new Membership(plan, unit)))
                .toList();
    }

    /** Whether the user monitors at least one plan (the Office, leadership, an administrator). */
    boolean monitorsAny(AppUser user) {
        return catalog.all().stream().anyMatch(plan -> canMonitor(user, plan));
    }

    /** Whether the user is in the leadership of at least one agency with a plan. */
    boolean leadsAny(AppUser user) {
        Set<String> agencies = new LinkedHashSet<>();
        catalog.all().forEach(plan -> agencies.add(plan.agency().code()));
        return agencies.stream().anyMatch(agency -> user.inAnyGroup(UnitGroups.leadershipGroupId(agency)));
    }

    PlanRow row(String planCode) {
        return plans.find(planCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Kế hoạch chưa được khởi tạo"));
    }

    ReportingPeriod period(String planCode, String periodCode) {
        return reporting.periods(planCode).stream().filter(p -> p.code().equals(periodCode)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Kế hoạch không có kỳ báo cáo " + periodCode));
    }

    PlanDefinition plan(String planCode) {
        return catalog.find(planCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có kế hoạch " + planCode));
    }

    public static boolean canMonitor(AppUser user, PlanDefinition plan) {
        String agency = plan.agency().code();
        return user.isAdmin() || user.inAnyGroup(UnitGroups.unitGroupId(agency, plan.focalUnit()),
                UnitGroups.leadershipGroupId(agency));
    }

    private static List<PlanDefinition.Unit> ownUnits(AppUser user, PlanDefinition plan) {
        return plan.units().stream()
                .filter(unit -> user.inAnyGroup(UnitGroups.unitGroupId(plan.agency().code(), unit.code()))).toList();
    }

    private static PlanOverview overview(PlanDefinition plan, PlanRow row) {
        return new PlanOverview(row.code(), row.title(), plan.agency().name(), row.status().name(),
                row.documentNumber(), row.issuedOn(), row.unitCount(), row.acknowledgedCount(), row.allAcknowledgedAt());
    }
}
