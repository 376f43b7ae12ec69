package vn.haiphong.dx.delegation;

import java.time.OffsetDateTime;

/** One unit of a plan and whether (and how) it has acknowledged the plan. */
public record UnitAcknowledgement(String unitCode, String unitName, boolean focal, String personInCharge,
                                  String contact, String acknowledgedBy, OffsetDateTime acknowledgedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
