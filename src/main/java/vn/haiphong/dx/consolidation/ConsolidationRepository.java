package vn.haiphong.dx.consolidation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consolidated reports, their history, numbers, ad-hoc inputs and dispatches ({@code dx_consolidated_*}, …). */
@Repository
class ConsolidationRepository {

    /** Statuses of {@code dx_consolidated_report}, with how people read them. */
    enum Status {
        REQUESTED("Đã nhận yêu cầu"), COLLECTING("Đang thu thập thông tin từ đơn vị"),
        DRAFTED("Dự thảo, chờ đơn vị đầu mối hoàn thiện"), SUBMITTED("Chờ lãnh đạo phê duyệt"),
        RETURNED("Lãnh đạo trả lại để chỉnh sửa"), APPROVED("Đã phê duyệt, đang gửi"), DISPATCHED("Đã gửi");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    record NewReport(String planCode, String kind, String periodCode, String subject, String requestedBy,
                     String requestReference, String requestDetails, LocalDate deadline, Status status,
                     String processInstanceId) {}

    record Row(long id, String planCode, String kind, String periodCode, String subject, String requestedBy,
               String requestReference, String requestDetails, LocalDate deadline, Status status, String summary,
               String assessment, String proposals, String contentJson, OffsetDateTime compiledAt,
               String leadershipComment, String documentNumber, LocalDate issuedOn, String approvedBy,
               OffsetDateTime approvedAt, OffsetDateTime createdAt, Integer planVersion) {}

    record Input(String unitCode, LocalDate dueOn, String content, String figures, String submittedBy,
                 OffsetDateTime submittedAt) {}

    record Dispatch(String recipient, String address, String channel, OffsetDateTime dispatchedAt, String reference) {}

    record Event(String status, String actor, OffsetDateTime at, String note) {}

    private final JdbcClient jdbc;

    ConsolidationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewReport r) {
        OffsetDateTime now = now();
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into dx_consolidated_report (plan_code, kind, period_code, subject, requested_by, request_reference,
                                                    request_details, deadline, status, created_at, process_instance_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.planCode(), r.kind(), r.periodCode(), r.subject(), r.requestedBy(), r.requestReference(),
                        r.requestDetails(), r.deadline(), r.status().name(), now, r.processInstanceId())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select * from dx_consolidated_report where id = ?").param(id).query(this::row).optional();
    }

    Optional<Row> find(String planCode, String kind, String periodCode) {
        return jdbc.sql("select * from dx_consolidated_report where plan_code = ? and kind = ? and period_code = ?")
                .params(planCode, kind, periodCode).query(this::row).optional();
    }

    List<Row> ofPlan(String planCode) {
        return jdbc.sql("select * from dx_consolidated_report where plan_code = ? order by created_at, id")
                .param(planCode).query(this::row).list();
    }

    /** The data the report was compiled from, and the version of the plan it was compiled by. */
    void compiled(long id, String contentJson, Status status, int planVersion) {
        jdbc.sql("update dx_consolidated_report set content_json = ?, compiled_at = ?, status = ?, plan_version = ? where id = ?")
                .params(contentJson, now(), status.name(), planVersion, id).update();
    }

    void texts(long id, String summary, String assessment, String proposals, Status status) {
        jdbc.sql("update dx_consolidated_report set summary = ?, assessment = ?, proposals = ?, status = ? where id = ?")
                .params(summary, assessment, proposals, status.name(), id).update();
    }

    void returned(long id, String comment) {
        jdbc.sql("update dx_consolidated_report set status = ?, leadership_comment = ? where id = ?")
                .params(Status.RETURNED.name(), comment, id).update();
    }

    void approved(long id, int numberSeq, String documentNumber, LocalDate issuedOn, String approvedBy, String comment) {
        jdbc.sql("""
                update dx_consolidated_report set status = ?, number_seq = ?, document_number = ?, issued_on = ?,
                       approved_by = ?, approved_at = ?, leadership_comment = ?
                where id = ?""")
                .params(Status.APPROVED.name(), numberSeq, documentNumber, issuedOn, approvedBy, now(), comment, id)
                .update();
    }

    /**
     * Holds the report's row until the dispatching transaction ends. A second run of the same dispatch (another node
     * took the job after its lock expired, application.yaml) waits here for the first and then sees the recipients it
     * recorded. An UPDATE rather than SELECT … FOR UPDATE: on PostgreSQL it takes the row lock that does not block the
     * foreign-key checks of the dispatch records, which the first run inserts meanwhile in transactions of their own.
     */
    void holdForDispatch(long id) {
        jdbc.sql("update dx_consolidated_report set status = status where id = ?").param(id).update();
    }

    void status(long id, Status status) {
        jdbc.sql("update dx_consolidated_report set status = ? where id = ?").params(status.name(), id).update();
    }

    void event(long id, Status status, String actor, String note) {
        jdbc.sql("insert into dx_consolidated_event (report_id, status, actor, acted_at, note) values (?, ?, ?, ?, ?)")
                .params(id, status.name(), actor, now(), note).update();
    }

    List<Event> events(long id) {
        return jdbc.sql("select * from dx_consolidated_event where report_id = ? order by acted_at, id").param(id)
                .query((rs, n) -> new Event(rs.getString("status"), rs.getString("actor"),
                        rs.getObject("acted_at", OffsetDateTime.class), rs.getString("note")))
                .list();
    }

    /**
     * The next number of an agency's documents with this symbol in this year. The row lock serialises
     * concurrent approvals; the first number of a year creates the row.
     */
    int nextNumber(String agencyCode, String symbol, int year) {
        int updated = jdbc.sql("update dx_document_number set last_number = last_number + 1 where agency_code = ? and symbol = ? and number_year = ?")
                .params(agencyCode, symbol, year).update();
        if (updated == 0) {
            jdbc.sql("insert into dx_document_number (agency_code, symbol, number_year, last_number) values (?, ?, ?, 1)")
                    .params(agencyCode, symbol, year).update();
        }
        return jdbc.sql("select last_number from dx_document_number where agency_code = ? and symbol = ? and number_year = ?")
                .params(agencyCode, symbol, year).query(Integer.class).single();
    }

    void insertInput(long id, String unitCode, LocalDate dueOn) {
        jdbc.sql("insert into dx_ad_hoc_input (report_id, unit_code, due_on) values (?, ?, ?)").params(id, unitCode, dueOn).update();
    }

    /** Returns false when the unit was not asked or has already answered. */
    boolean submitInput(long id, String unitCode, String content, String figures, String actor) {
        return jdbc.sql("""
                update dx_ad_hoc_input set content = ?, figures = ?, submitted_by = ?, submitted_at = ?
                where report_id = ? and unit_code = ? and submitted_at is null""")
                .params(content, figures, actor, now(), id, unitCode).update() == 1;
    }

    List<Input> inputs(long id) {
        return jdbc.sql("select * from dx_ad_hoc_input where report_id = ? order by unit_code").param(id)
                .query((rs, n) -> new Input(rs.getString("unit_code"), rs.getObject("due_on", LocalDate.class),
                        rs.getString("content"), rs.getString("figures"), rs.getString("submitted_by"),
                        rs.getObject("submitted_at", OffsetDateTime.class)))
                .list();
    }

    void insertDispatch(long id, Dispatch d) {
        jdbc.sql("""
                insert into dx_report_dispatch (report_id, recipient, address, channel, dispatched_at, reference)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, d.recipient(), d.address(), d.channel(), d.dispatchedAt(), d.reference()).update();
    }

    List<Dispatch> dispatches(long id) {
        return jdbc.sql("select * from dx_report_dispatch where report_id = ? order by id").param(id)
                .query((rs, n) -> new Dispatch(rs.getString("recipient"), rs.getString("address"), rs.getString("channel"),
                        rs.getObject("dispatched_at", OffsetDateTime.class), rs.getString("reference")))
                .list();
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), rs.getString("plan_code"), rs.getString("kind"), rs.getString("period_code"),
                rs.getString("subject"), rs.getString("requested_by"), rs.getString("request_reference"),
                rs.getString("request_details"), rs.getObject("deadline", LocalDate.class),
                Status.valueOf(rs.getString("status")), rs.getString("summary"), rs.getString("assessment"),
                rs.getString("proposals"), rs.getString("content_json"), rs.getObject("compiled_at", OffsetDateTime.class),
                rs.getString("leadership_comment"), rs.getString("document_number"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("approved_by"), rs.getObject("approved_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), (Integer) rs.getObject("plan_version"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
