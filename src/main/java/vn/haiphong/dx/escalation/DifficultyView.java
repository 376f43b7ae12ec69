package vn.haiphong.dx.escalation;

import java.time.OffsetDateTime;
import java.util.List;

/** A difficulty as the Office and leadership see it: where it is, until when, and its history. */
public record DifficultyView(long id, String unitCode, String unitName, String periodCode, String source, String description,
                             String proposal, String urgency, String status, OffsetDateTime stageDueAt, boolean overdue,
                             String answer, String reportedBy, OffsetDateTime reportedAt, OffsetDateTime closedAt,
                             List<Step> history) {

    public record Step(String status, String actor, OffsetDateTime at, String note) {}
}
