package vn.haiphong.dx.delegation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import vn.haiphong.dx.delegation.AcknowledgementRepository.AssignmentRow;
import vn.haiphong.dx.delegation.AcknowledgementRepository.PlannedActivity;
import vn.haiphong.dx.delegation.AcknowledgementRepository.UnitRow;
import vn.haiphong.dx.calendar.PlanCalendar;
import vn.haiphong.dx.calendar.WorkingDays;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.unit.UnitGroups;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.urging.Urgings;

/** A unit's part of a plan: what it was given, and its acknowledgement. */
@Service
public class AcknowledgementService {

    /** What a unit's tasks show: its queue, the business context and its assignments. */
    record UnitAssignment(String groupId, String taskContext, String summary) {}

    /** When a unit's acknowledgement is due (a working day), and when it is reminded. */
    record Due(LocalDate dueOn, Date dueAt, Date remindAt) {}

    /** Length of one activity in {@code dx_acknowledgement_activity}. */
    static final int MAX_ACTIVITY = 500;

    private final AcknowledgementRepository units;
    private final PlanRepository plans;
    private final Plans catalog;
    private final PlanCalendar calendar;
    private final WorkingDays workingDays;

    AcknowledgementService(AcknowledgementRepository units, PlanRepository plans, Plans catalog, PlanCalendar calendar,
                           WorkingDays workingDays) {
        this.units = units;
        this.plans = plans;
        this.catalog = catalog;
        this.calendar = calendar;
        this.workingDays = workingDays;
    }

    /**
     * A unit acknowledges the plan within the plan's {@code reporting.acknowledgementDueDays} working days of being
     * given it (at issuance, or when an amendment adds it); it is reminded on the working day before.
     */
    Due due(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        int days = plan.reporting().acknowledgementDueDays();
        LocalDate today = calendar.today(plan);
        LocalDate dueOn = workingDays.plusWorkingDays(today, days);
        LocalDate remindOn = days <= 1 ? dueOn : workingDays.plusWorkingDays(today, days - 1);
        return new Due(dueOn, calendar.endOf(plan, dueOn), calendar.startOf(plan, remindOn));
    }

    /** When the Office looks at the units that have not acknowledged the plan: the end of their due day. */
    public Date dueAt(String planCode) {
        return due(planCode).dueAt();
    }

    /** The context of the Office's task urging acknowledgements, in its name. */
    public String urgingContext(String planCode) {
        return catalog.get(planCode).title();
    }

    /** The note a unit reads on its acknowledgement task the day before it is due. */
    String reminder(LocalDate dueOn) {
        return "Nhắc hạn: đơn vị cần xác nhận tiếp nhận kế hoạch trước hết ngày " + Texts.DATE.format(dueOn) + ".";
    }

    /** The note the unit reads after the Office urged it to acknowledge the plan. */
    String urgingNote(String planCode, String message, LocalDate extendTo) {
        return catalog.get(planCode).focal().name() + " đôn đốc tiếp nhận kế hoạch: " + message
                + (extendTo == null ? "" : " (Gia hạn tiếp nhận đến hết ngày " + Texts.DATE.format(extendTo) + ".)");
    }

    /** Checks an extension of the acknowledgement due date; returns the new due moment, or null without one. */
    Date extension(String planCode, LocalDate extendTo, List<LocalDate> currentDueDays) {
        if (extendTo == null) {
            return null;
        }
        PlanDefinition plan = catalog.get(planCode);
        Urgings.requireAfterCurrentDue(extendTo, currentDueDays);
        if (extendTo.isAfter(plan.period().end())) {
            throw new InputRejectedException("«Gia hạn chung đến ngày» không được sau ngày kết thúc kế hoạch " + Texts.DATE.format(plan.period().end()));
        }
        return calendar.endOf(plan, extendTo);
    }

    /** When the Office's next look at units that have not acknowledged is due: in a few working days. */
    Date nextCheckAt(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        return calendar.startOf(plan, workingDays.plusWorkingDays(calendar.today(plan), Urgings.CHECK_AGAIN_AFTER_WORKING_DAYS));
    }

    String focalUnit(String planCode) {
        return catalog.get(planCode).focalUnit();
    }

    String unitName(String planCode, String unitCode) {
        return catalog.get(planCode).unit(unitCode).map(PlanDefinition.Unit::name).orElse(unitCode);
    }

    UnitAssignment assignment(String planCode, String unitCode) {
        UnitRow unit = unit(planCode, unitCode);
        PlanDefinition plan = catalog.get(planCode);
        StringBuilder s = new StringBuilder();
        appendTasks(s, "Chủ trì (đơn vị chịu trách nhiệm chính):", units.assignments(planCode, unitCode), "LEAD");
        appendTasks(s, "Phối hợp (tham gia cùng đơn vị chủ trì):", units.assignments(planCode, unitCode), "COORDINATING");
        List<String> duties = plan.unit(unitCode).map(PlanDefinition.Unit::duties).orElse(List.of());
        if (!duties.isEmpty()) {
            s.append("Trách nhiệm của đơn vị theo Kế hoạch:\n");
            duties.forEach(d -> s.append("- ").append(d).append('\n'));
        }
        String summary = s.length() == 0 ? "Đơn vị không được giao nhiệm vụ cụ thể trong Kế hoạch." : s.toString().strip();
        return new UnitAssignment(unit.groupId(), plan.title() + " – " + unit.unitName(), Texts.fitVariable(summary));
    }

    private static void appendTasks(StringBuilder s, String heading, List<AssignmentRow> rows, String role) {
        List<AssignmentRow> matching = rows.stream().filter(r -> r.role().equals(role)).toList();
        if (!matching.isEmpty()) {
            s.append(heading).append('\n');
            matching.forEach(r -> s.append("- ").append(r.taskTitle()).append('\n'));
        }
    }

    /**
     * Records the acknowledgement and counts it for the plan. Refuses a second acknowledgement and one made
     * by a user outside the unit.
     */
    void acknowledge(String planCode, String unitCode, String personInCharge, String contact, String plannedActivities,
                     String notes, String actor, List<String> actorGroups) {
        UnitRow unit = unit(planCode, unitCode);
        // A unit whose work was handed to another unit acknowledges through that unit's people.
        UnitGroups.requireMember(actor, actorGroups, UnitGroups.unitGroupId(catalog.get(planCode).agency().code(),
                plans.responsibleUnit(planCode, unitCode)), unit.unitName(), "xác nhận");
        if (units.acknowledged(planCode, unitCode)) {
            throw new InputRejectedException(unit.unitName() + " đã xác nhận tiếp nhận kế hoạch này");
        }
        List<PlannedActivity> activities = activities(plannedActivities);
        if (activities.isEmpty()) {
            throw new InputRejectedException("«Hoạt động dự kiến theo tháng» cần ít nhất một hoạt động");
        }
        units.insert(planCode, unitCode, personInCharge, contact, notes, actor, activities);
        plans.countAcknowledgement(planCode);
    }

    /** Every unit of the plan, the focal unit first, with its acknowledgement if any. */
    public List<UnitAcknowledgement> acknowledgements(String planCode) {
        return units.statuses(planCode);
    }

    /** One planned activity per line: "Tháng 10: Treo băng rôn …" (the form's pattern checks the same shape). */
    private static final Pattern ACTIVITY_LINE = Pattern.compile("^\\s*[Tt]háng\\s*(1[0-2]|0?[1-9])\\s*[:.\\-–]\\s*(\\S.*)$");

    static List<PlannedActivity> activities(String text) {
        List<PlannedActivity> rows = new ArrayList<>();
        if (text == null) {
            return rows;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            Matcher m = ACTIVITY_LINE.matcher(line);
            if (!m.matches()) {
                throw new InputRejectedException("«Hoạt động dự kiến theo tháng»: dòng «" + line.strip()
                        + "» cần bắt đầu bằng «Tháng N:» (N từ 1 đến 12)");
            }
            String activity = m.group(2).strip();
            if (activity.length() > MAX_ACTIVITY) {
                throw new InputRejectedException("«Hoạt động dự kiến theo tháng»: mỗi hoạt động tối đa " + MAX_ACTIVITY + " ký tự");
            }
            rows.add(new PlannedActivity(Integer.parseInt(m.group(1)), activity));
        }
        return rows;
    }

    private UnitRow unit(String planCode, String unitCode) {
        return units.unit(planCode, unitCode)
                .orElseThrow(() -> new IllegalStateException("Unit " + unitCode + " is not part of plan " + planCode));
    }

}
