package vn.haiphong.dx.delegation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import vn.haiphong.dx.delegation.AcknowledgementRepository.AssignmentRow;
import vn.haiphong.dx.delegation.AcknowledgementRepository.PlannedActivity;
import vn.haiphong.dx.delegation.AcknowledgementRepository.UnitRow;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.unit.UnitGroups;
import vn.haiphong.dx.shared.Texts;

/** A unit's part of a plan: what it was given, and its acknowledgement. */
@Service
public class AcknowledgementService {

    /** What a unit's tasks show: its queue, the business context and its assignments. */
    record UnitAssignment(String groupId, String taskContext, String summary) {}

    /** Length of one activity in {@code dx_acknowledgement_activity}. */
    static final int MAX_ACTIVITY = 500;

    private final AcknowledgementRepository units;
    private final PlanRepository plans;
    private final Plans catalog;

    AcknowledgementService(AcknowledgementRepository units, PlanRepository plans, Plans catalog) {
        this.units = units;
        this.plans = plans;
        this.catalog = catalog;
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
        UnitGroups.requireMember(actor, actorGroups, unit.groupId(), unit.unitName(), "xác nhận");
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
