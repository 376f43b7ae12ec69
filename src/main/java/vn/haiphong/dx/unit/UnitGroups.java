package vn.haiphong.dx.unit;

import java.util.Locale;

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

    public static String demoUserId(String groupId) {
        return groupId.replace('-', '.');
    }
}
