package vn.haiphong.dx.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan tables ({@code dx_plan*}, {@code dx_task_assignment}). */
@Repository
public class PlanRepository {

    public enum Status { DRAFT, SUBMITTED, RETURNED, APPROVED, ISSUED }

    public record PlanRow(String code, String agencyCode, String title, Status status, int unitCount,
                          int acknowledgedCount, String documentNumber, LocalDate issuedOn, String signerName,
                          String signerTitle, OffsetDateTime issuedAt, OffsetDateTime allAcknowledgedAt,
                          String processInstanceId) {

        public boolean allAcknowledged() {
            return allAcknowledgedAt != null;
        }
    }

    public record ReviewRow(int round, String action, String comments, String actor, OffsetDateTime actedAt) {}

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    boolean exists(String planCode) {
        return jdbc.sql("select count(*) from dx_plan where code = ?").param(planCode).query(Integer.class).single() > 0;
    }

    String definitionHash(String planCode) {
        return jdbc.sql("select definition_hash from dx_plan where code = ?").param(planCode).query(String.class).single();
    }

    void insertPlan(PlanDefinition plan, PlanCatalog.Source source) {
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into dx_plan (code, agency_code, title, source_file, definition_hash, status, unit_count,
                                     created_at, updated_at)
                values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
                .params(plan.code(), plan.agency().code(), plan.title(), source.file(), source.sha256(),
                        plan.units().size(), now, now)
                .update();
    }

    void insertUnit(String planCode, String unitCode, String unitName, String groupId, boolean focal) {
        jdbc.sql("insert into dx_plan_unit (plan_code, unit_code, unit_name, group_id, focal) values (?, ?, ?, ?, ?)")
                .params(planCode, unitCode, unitName, groupId, focal)
                .update();
    }

    void insertAssignment(String planCode, String taskCode, String unitCode, String taskTitle, PlanDefinition.Role role) {
        jdbc.sql("""
                insert into dx_task_assignment (plan_code, task_code, unit_code, task_title, role)
                values (?, ?, ?, ?, ?)""")
                .params(planCode, taskCode, unitCode, taskTitle, role.name())
                .update();
    }

    void setProcessInstance(String planCode, String processInstanceId) {
        jdbc.sql("update dx_plan set process_instance_id = ? where code = ?").params(processInstanceId, planCode).update();
    }

    /** Moves the plan on only from an expected status; false if another transaction got there first. */
    boolean changeStatus(String planCode, Status from, Status to) {
        return jdbc.sql("update dx_plan set status = ?, updated_at = ? where code = ? and status = ?")
                .params(to.name(), now(), planCode, from.name())
                .update() == 1;
    }

    boolean recordIssuance(String planCode, String documentNumber, LocalDate issuedOn, String signerName,
                           String signerTitle, String actor) {
        return jdbc.sql("""
                update dx_plan set status = 'ISSUED', document_number = ?, issued_on = ?, signer_name = ?,
                                   signer_title = ?, issued_by = ?, issued_at = ?, updated_at = ?
                where code = ? and status = 'APPROVED'""")
                .params(documentNumber, issuedOn, signerName, signerTitle, actor, now(), now(), planCode)
                .update() == 1;
    }

    boolean documentNumberTaken(String agencyCode, String documentNumber) {
        return jdbc.sql("select count(*) from dx_plan where agency_code = ? and document_number = ?")
                .params(agencyCode, documentNumber).query(Integer.class).single() > 0;
    }

    void insertReview(String planCode, String action, String comments, String actor) {
        int round = jdbc.sql("select count(*) from dx_plan_review where plan_code = ? and action = 'SUBMITTED'")
                .param(planCode).query(Integer.class).single();
        if ("SUBMITTED".equals(action)) {
            round++;
        }
        jdbc.sql("insert into dx_plan_review (plan_code, round_no, action, comments, actor, acted_at) values (?, ?, ?, ?, ?, ?)")
                .params(planCode, round, action, comments, actor, now())
                .update();
    }

    /**
     * Counts one more acknowledging unit. The row lock of the update serialises concurrent units, so the
     * last of them sees the full count and stamps the moment the plan was acknowledged by every unit.
     */
    public void countAcknowledgement(String planCode) {
        jdbc.sql("update dx_plan set acknowledged_count = acknowledged_count + 1, updated_at = ? where code = ?")
                .params(now(), planCode).update();
        jdbc.sql("""
                update dx_plan set all_acknowledged_at = ?
                where code = ? and acknowledged_count = unit_count and all_acknowledged_at is null""")
                .params(now(), planCode).update();
    }

    public Optional<PlanRow> find(String planCode) {
        return jdbc.sql("select * from dx_plan where code = ?").param(planCode).query(PlanRepository::row).optional();
    }

    public List<ReviewRow> reviews(String planCode) {
        return jdbc.sql("select * from dx_plan_review where plan_code = ? order by id").param(planCode)
                .query((rs, n) -> new ReviewRow(rs.getInt("round_no"), rs.getString("action"), rs.getString("comments"),
                        rs.getString("actor"), rs.getObject("acted_at", OffsetDateTime.class)))
                .list();
    }

    public List<String> unitCodes(String planCode) {
        return jdbc.sql("select unit_code from dx_plan_unit where plan_code = ? order by unit_code")
                .param(planCode).query(String.class).list();
    }

    private static PlanRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new PlanRow(rs.getString("code"), rs.getString("agency_code"), rs.getString("title"),
                Status.valueOf(rs.getString("status")), rs.getInt("unit_count"), rs.getInt("acknowledged_count"),
                rs.getString("document_number"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("signer_name"), rs.getString("signer_title"),
                rs.getObject("issued_at", OffsetDateTime.class), rs.getObject("all_acknowledged_at", OffsetDateTime.class),
                rs.getString("process_instance_id"));
    }
}
