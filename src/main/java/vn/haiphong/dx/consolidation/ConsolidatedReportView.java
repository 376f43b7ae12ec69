package vn.haiphong.dx.consolidation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A consolidated report as the Office and leadership follow it: where it stands, its number, where it went. */
public record ConsolidatedReportView(long id, String kind, String periodCode, String subject, String status,
                                     String statusLabel, String documentNumber, LocalDate issuedOn,
                                     OffsetDateTime createdAt, String pdfUrl, String docxUrl, List<Step> history,
                                     List<Dispatch> dispatches) {

    public record Step(String status, String actor, OffsetDateTime at, String note) {}

    public record Dispatch(String recipient, String address, String channel, OffsetDateTime at, String reference) {}
}
