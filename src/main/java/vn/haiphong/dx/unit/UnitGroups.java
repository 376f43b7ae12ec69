package vn.haiphong.dx.unit;

import java.util.List;
import java.util.Locale;

import vn.haiphong.dx.form.InputRejectedException;

/**
 * Camunda group and demo-user ids, derived from the plan data: one group per unit of an agency and one
 * for its leadership ({@code snnmt-vp}, {@code snnmt-lanhdao}); a demo user per group ({@code snnmt.vp}).
 */
public final class UnitGroups {

    /** Suffix of the leadership group; a unit may not use it as its code. */
    public static final String LEADERSHIP = "LANHDAO";

    private UnitGroups() {
    }

    public static String unitGroupId(String agencyCode, String unitCode) {
        return (agencyCode + "-" + unitCode).toLowerCase(Locale.ROOT);
    }

    public static String leadershipGroupId(String agencyCode) {
        return unitGroupId(agencyCode, LEADERSHIP);
    }

    /**
     * Refuses a person who acts for a unit they do not belong to. The engine's task authorizations stop this
     * first; the check keeps the business rule when authorization is switched off. The engine itself
     * (timers, start-up: no actor) may act for any unit.
     *
     * @param action what the person tried, e.g. "nộp báo cáo"
     */
    public static void requireMember(String actor, List<String> actorGroups, String groupId, String unitName, String action) {
        if (actor != null && !actorGroups.contains(groupId)) {
            throw new InputRejectedException("Người dùng " + actor + " không thuộc " + unitName + " nên không thể "
                    + action + " thay đơn vị");
        }
    }

    public static String demoUserId(String groupId) {
        return groupId.replace('-', '.');
    }
}
