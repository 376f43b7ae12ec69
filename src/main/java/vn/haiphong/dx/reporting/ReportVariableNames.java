package vn.haiphong.dx.reporting;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRule;

/**
 * A metric's code is the key of its field in the report form, so a variable of the report's process: it may not take
 * the name of a variable the process owns (its period, due date, form …), or a unit's figure would overwrite it.
 */
@Component
class ReportVariableNames implements PlanRule {

    /** The names of {@link PeriodicReportProcess.Vars} and of the variables older model versions read. */
    static final Set<String> RESERVED = reserved();

    @Override
    public void check(PlanDefinition plan) {
        for (int i = 0; i < plan.metrics().size(); i++) {
            String code = plan.metrics().get(i).code();
            if (RESERVED.contains(code)) {
                throw PlanRule.problem("metrics[" + i + "].code", "mã «" + code + "» trùng tên một dữ liệu của quy trình báo cáo; "
                        + "hãy đặt mã khác cho chỉ số này");
            }
        }
    }

    private static Set<String> reserved() {
        Set<String> names = new HashSet<>();
        for (Class<?> owner : new Class<?>[] {PeriodicReportProcess.Vars.class, ReportingDelegates.LegacyVars.class}) {
            for (Field field : owner.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        field.setAccessible(true);
                        names.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return Set.copyOf(names);
    }
}
