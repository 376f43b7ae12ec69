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

    public enum Status { DRAFT, SUBMITTED, RETURNED, APPROVED, ISSUED, SUPERSEDED }

    public record PlanRow(String code, String agencyCode, String title, Status status, int unitCount,
                          int acknowledgedCount, String documentNumber, LocalDate issuedOn, String signerName,
                          String signerTitle, OffsetDateTime issuedAt, OffsetDateTime allAcknowledgedAt,
                          String processInstanceId) {

        public boolean allAcknowledged() {
            return allAcknowledgedAt != null;
        }
    }

    public record ReviewRow(int version, int round, Integer revision, String action, String comments, String actor,
                            OffsetDateTime actedAt) {}

    /** One version of a plan's content. */
    public record VersionRow(String planCode, int version, Status status, String content, String sha256, int revision,
                             String documentNumber, LocalDate issuedOn, String signerName, String signerTitle,
                             OffsetDateTime issuedAt, String formDeploymentId, String reviewInstanceId, String createdBy,
                             OffsetDateTime createdAt) {}

    /** One saved text of a draft version. */
    public record RevisionRow(int version, int revision, String sha256, String source, String createdBy, OffsetDateTime createdAt) {}

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

    /** The hash of the text the plan was first brought in with. */
    String definitionHash(String planCode) {
        return jdbc.sql("select definition_hash from dx_plan where code = ?").param(planCode).query(String.class).single();
    }

    void insertPlan(PlanDefinition plan, String source, String sha256) {
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into dx_plan (code, agency_code, title, source_file, definition_hash, status, unit_count,
                                     created_at, updated_at)
                values (?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?)""")
                .params(plan.code(), plan.agency().code(), plan.title(), abbreviate(source, 200), sha256,
                        plan.units().size(), now, now)
                .update();
    }

    void insertVersion(String planCode, int version, String content, String sha256, String source, String actor) {
        OffsetDateTime now = now();
        jdbc.sql("""
                insert into dx_plan_version (plan_code, version_no, status, content, content_sha256, revision_no, created_by,
                                             created_at, updated_at)
                values (?, ?, 'DRAFT', ?, ?, 1, ?, ?, ?)""")
                .params(planCode, version, content, sha256, actor, now, now).update();
        insertRevision(planCode, version, 1, content, sha256, source, actor);
    }

    boolean hasVersions(String planCode) {
        return jdbc.sql("select count(*) from dx_plan_version where plan_code = ?").param(planCode).query(Integer.class).single() > 0;
    }

    /** Version 1 of a plan registered before versions were stored, with the plan's own status and issuance. */
    void backfillVersion(String planCode, String content, String sha256, String source) {
        PlanRow plan = find(planCode).orElseThrow();
        insertVersion(planCode, 1, content, sha256, source, null);
        jdbc.sql("""
                update dx_plan_version set status = ?, document_number = ?, issued_on = ?, signer_name = ?, signer_title = ?,
                                           issued_at = ? where plan_code = ? and version_no = 1""")
                .params(plan.status().name(), plan.documentNumber(), plan.issuedOn(), plan.signerName(), plan.signerTitle(),
                        plan.issuedAt(), planCode).update();
        if (plan.status() == Status.ISSUED) {
            jdbc.sql("update dx_plan set version_in_force = 1 where code = ?").param(planCode).update();
        }
    }

    /** A new text for a draft version: kept as its next revision. */
    int revise(String planCode, int version, String content, String sha256, String source, String actor) {
        int revision = jdbc.sql("select revision_no from dx_plan_version where plan_code = ? and version_no = ?")
                .params(planCode, version).query(Integer.class).single() + 1;
        jdbc.sql("update dx_plan_version set content = ?, content_sha256 = ?, revision_no = ?, updated_at = ? where plan_code = ? and version_no = ?")
                .params(content, sha256, revision, now(), planCode, version).update();
        insertRevision(planCode, version, revision, content, sha256, source, actor);
        return revision;
    }

    private void insertRevision(String planCode, int version, int revision, String content, String sha256, String source, String actor) {
        jdbc.sql("""
                insert into dx_plan_revision (plan_code, version_no, revision_no, content, content_sha256, source, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planCode, version, revision, content, sha256, abbreviate(source, 300), actor, now()).update();
    }

    List<VersionRow> versions(String planCode) {
        return jdbc.sql("select * from dx_plan_version where plan_code = ? order by version_no").param(planCode)
                .query(PlanRepository::version).list();
    }

    Optional<VersionRow> version(String planCode, int version) {
        return jdbc.sql("select * from dx_plan_version where plan_code = ? and version_no = ?").params(planCode, version)
                .query(PlanRepository::version).optional();
    }

    /** The newest version of the plan (the draft under review, or the version in force). */
    Optional<VersionRow> latestVersion(String planCode) {
        return jdbc.sql("""
                select * from dx_plan_version where plan_code = ?
                and version_no = (select max(version_no) from dx_plan_version where plan_code = ?)""")
                .params(planCode, planCode).query(PlanRepository::version).optional();
    }

    /** The number of the version in force, and of the newest one: one read of the plan's row. */
    record Current(Integer inForce, int newest) {}

    Optional<Current> current(String planCode) {
        return jdbc.sql("select version_in_force, (select max(version_no) from dx_plan_version where plan_code = ?) as newest "
                        + "from dx_plan where code = ?")
                .params(planCode, planCode)
                .query((rs, n) -> new Current((Integer) rs.getObject("version_in_force"), rs.getInt("newest")))
                .optional().filter(c -> c.newest() > 0);
    }

    /** Which version of the plan runs now (the issued one, or before issuance its draft), and its content's hash. */
    record Running(int version, String sha256) {}

    Optional<Running> running(String planCode) {
        return jdbc.sql("""
                select v.version_no, v.content_sha256 from dx_plan p join dx_plan_version v on v.plan_code = p.code
                where p.code = ? and v.version_no = coalesce(p.version_in_force,
                      (select max(version_no) from dx_plan_version where plan_code = ?))""")
                .params(planCode, planCode)
                .query((rs, n) -> new Running(rs.getInt("version_no"), rs.getString("content_sha256"))).optional();
    }

    Optional<String> versionSha(String planCode, int version) {
        return jdbc.sql("select content_sha256 from dx_plan_version where plan_code = ? and version_no = ?")
                .params(planCode, version).query(String.class).optional();
    }

    String versionContent(String planCode, int version) {
        return jdbc.sql("select content from dx_plan_version where plan_code = ? and version_no = ?")
                .params(planCode, version).query(String.class).single();
    }

    List<RevisionRow> revisions(String planCode, int version) {
        return jdbc.sql("select * from dx_plan_revision where plan_code = ? and version_no = ? order by revision_no")
                .params(planCode, version)
                .query((rs, n) -> new RevisionRow(rs.getInt("version_no"), rs.getInt("revision_no"), rs.getString("content_sha256"),
                        rs.getString("source"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    String revisionContent(String planCode, int version, int revision) {
        return jdbc.sql("select content from dx_plan_revision where plan_code = ? and version_no = ? and revision_no = ?")
                .params(planCode, version, revision).query(String.class).single();
    }

    List<String> planCodes() {
        return jdbc.sql("select code from dx_plan order by created_at, code").query(String.class).list();
    }

    /** Moves a version on only from an expected status; false if another transaction got there first. */
    boolean changeVersionStatus(String planCode, int version, Status from, Status to) {
        return jdbc.sql("update dx_plan_version set status = ?, updated_at = ? where plan_code = ? and version_no = ? and status = ?")
                .params(to.name(), now(), planCode, version, from.name()).update() == 1;
    }

    boolean issueVersion(String planCode, int version, String documentNumber, LocalDate issuedOn, String signerName,
                         String signerTitle, String actor) {
        OffsetDateTime now = now();
        boolean issued = jdbc.sql("""
                update dx_plan_version set status = 'ISSUED', document_number = ?, issued_on = ?, signer_name = ?,
                                           signer_title = ?, issued_by = ?, issued_at = ?, updated_at = ?
                where plan_code = ? and version_no = ? and status = 'APPROVED'""")
                .params(documentNumber, issuedOn, signerName, signerTitle, actor, now, now, planCode, version).update() == 1;
        if (issued) {
            jdbc.sql("update dx_plan_version set status = 'SUPERSEDED', updated_at = ? where plan_code = ? and version_no < ? and status = 'ISSUED'")
                    .params(now, planCode, version).update();
            jdbc.sql("update dx_plan set version_in_force = ?, title = ?, updated_at = ? where code = ?")
                    .params(version, titleOf(planCode, version), now, planCode).update();
        }
        return issued;
    }

    private String titleOf(String planCode, int version) {
        return abbreviate(PlanReader.parseStored(version(planCode, version).orElseThrow().content()).title(), 500);
    }

    void setFormDeployment(String planCode, int version, String deploymentId) {
        jdbc.sql("update dx_plan_version set form_deployment_id = ? where plan_code = ? and version_no = ?")
                .params(deploymentId, planCode, version).update();
    }

    void setReviewInstance(String planCode, int version, String processInstanceId) {
        jdbc.sql("update dx_plan_version set review_instance_id = ? where plan_code = ? and version_no = ?")
                .params(processInstanceId, planCode, version).update();
    }

    void updateUnitCount(String planCode, int unitCount) {
        jdbc.sql("update dx_plan set unit_count = ?, updated_at = ? where code = ?").params(unitCount, now(), planCode).update();
    }

    private static VersionRow version(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new VersionRow(rs.getString("plan_code"), rs.getInt("version_no"), Status.valueOf(rs.getString("status")),
                rs.getString("content"), rs.getString("content_sha256"), rs.getInt("revision_no"), rs.getString("document_number"),
                rs.getObject("issued_on", LocalDate.class), rs.getString("signer_name"), rs.getString("signer_title"),
                rs.getObject("issued_at", OffsetDateTime.class), rs.getString("form_deployment_id"),
                rs.getString("review_instance_id"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A unit of the plan: inserted once, renamed by a later version. */
    void upsertUnit(String planCode, String unitCode, String unitName, String groupId, boolean focal) {
        int updated = jdbc.sql("update dx_plan_unit set unit_name = ?, group_id = ?, focal = ? where plan_code = ? and unit_code = ?")
                .params(unitName, groupId, focal, planCode, unitCode).update();
        if (updated == 0) {
            jdbc.sql("insert into dx_plan_unit (plan_code, unit_code, unit_name, group_id, focal) values (?, ?, ?, ?, ?)")
                    .params(planCode, unitCode, unitName, groupId, focal)
                    .update();
        }
    }

    /** Who leads and who coordinates each task, as the plan's running version says. */
    void replaceAssignments(PlanDefinition plan) {
        jdbc.sql("delete from dx_task_assignment where plan_code = ?").param(plan.code()).update();
        for (PlanDefinition.Task task : plan.tasks()) {
            for (PlanDefinition.Unit unit : plan.units()) {
                plan.roleOf(unit.code(), task).ifPresent(role -> jdbc.sql("""
                                insert into dx_task_assignment (plan_code, task_code, unit_code, task_title, role)
                                values (?, ?, ?, ?, ?)""")
                        .params(plan.code(), task.code(), unit.code(), abbreviate(task.title(), 500), role.name())
                        .update());
            }
        }
    }

    /** The name a unit code has in another plan of the agency, if any. */
    Optional<String> unitNameElsewhere(String agencyCode, String unitCode, String planCode) {
        return jdbc.sql("""
                select u.unit_name from dx_plan_unit u join dx_plan p on p.code = u.plan_code
                where p.agency_code = ? and u.unit_code = ? and p.code <> ?""")
                .params(agencyCode, unitCode, planCode).query(String.class).list().stream().findFirst();
    }

    boolean isOfficeGroup(String groupId) {
        return jdbc.sql("select count(*) from dx_plan_unit where group_id = ? and focal").param(groupId).query(Integer.class).single() > 0;
    }

    List<String> officeGroups(String agencyCode) {
        return jdbc.sql("""
                select distinct u.group_id from dx_plan_unit u join dx_plan p on p.code = u.plan_code
                where p.agency_code = ? and u.focal""")
                .param(agencyCode).query(String.class).list();
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
        return jdbc.sql("""
                select count(*) from dx_plan_version v join dx_plan p on p.code = v.plan_code
                where p.agency_code = ? and v.document_number = ?""")
                .params(agencyCode, documentNumber).query(Integer.class).single() > 0;
    }

    void insertReview(String planCode, int version, Integer revision, String action, String comments, String actor) {
        int round = jdbc.sql("select count(*) from dx_plan_review where plan_code = ? and version_no = ? and action = 'SUBMITTED'")
                .params(planCode, version).query(Integer.class).single();
        if ("SUBMITTED".equals(action)) {
            round++;
        }
        jdbc.sql("""
                insert into dx_plan_review (plan_code, version_no, revision_no, round_no, action, comments, actor, acted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planCode, version, revision, round, action, comments, actor, now())
                .update();
    }

    /**
     * Counts one more acknowledging unit. The row lock of the update serialises concurrent units, so the
     * last of them sees the full count and stamps the moment the plan was acknowledged by every unit.
     */
    public void countAcknowledgement(String planCode) {
        jdbc.sql("update dx_plan set acknowledged_count = acknowledged_count + 1, updated_at = ? where code = ?")
                .params(now(), planCode).update();
        stampAllAcknowledged(planCode);
    }

    /** Stamps the moment every unit still in the plan has acknowledged it (a released unit no longer counts). */
    private void stampAllAcknowledged(String planCode) {
        jdbc.sql("""
                update dx_plan set all_acknowledged_at = ?
                where code = ? and all_acknowledged_at is null and not exists (
                    select 1 from dx_plan_unit u where u.plan_code = dx_plan.code and u.released_at is null
                    and not exists (select 1 from dx_acknowledgement a where a.plan_code = u.plan_code and a.unit_code = u.unit_code))""")
                .params(now(), planCode).update();
    }

    /** The share of the units still in the plan that have acknowledged it, in percent (0 without units). */
    public int acknowledgedPercent(String planCode) {
        return jdbc.sql("""
                select case when count(*) = 0 then 0 else
                       100 * sum(case when exists (select 1 from dx_acknowledgement a
                                                   where a.plan_code = u.plan_code and a.unit_code = u.unit_code)
                                      then 1 else 0 end) / count(*) end
                from dx_plan_unit u where u.plan_code = ? and u.released_at is null""")
                .param(planCode).query(Integer.class).single();
    }

    /** A unit released from a plan: when, by whom, why, and the unit its work went to (if handed over). */
    public record Release(String unitCode, OffsetDateTime releasedAt, String releasedBy, String reason, String handedTo) {}

    /**
     * Releases a unit from the plan, or hands its work to another unit of the plan; false when it was released before.
     * The plan's counts follow: a released unit no longer holds up "every unit has acknowledged".
     */
    public boolean release(String planCode, String unitCode, String reason, String handedTo, String actor) {
        boolean released = jdbc.sql("""
                update dx_plan_unit set released_at = ?, released_by = ?, release_reason = ?, handed_to = ?
                where plan_code = ? and unit_code = ? and released_at is null""")
                .params(now(), actor, reason, handedTo, planCode, unitCode).update() == 1;
        if (released) {
            jdbc.sql("update dx_plan set released_count = released_count + 1, updated_at = ? where code = ?").params(now(), planCode).update();
            stampAllAcknowledged(planCode);
        }
        return released;
    }

    /** The plan's released units, by unit code. */
    public java.util.Map<String, Release> releases(String planCode) {
        java.util.Map<String, Release> released = new java.util.LinkedHashMap<>();
        jdbc.sql("select * from dx_plan_unit where plan_code = ? and released_at is not null order by released_at").param(planCode)
                .query(rs -> {
                    released.put(rs.getString("unit_code"), new Release(rs.getString("unit_code"),
                            rs.getObject("released_at", OffsetDateTime.class), rs.getString("released_by"),
                            rs.getString("release_reason"), rs.getString("handed_to")));
                });
        return released;
    }

    /**
     * The unit whose people do a unit's part of the plan: the unit itself, or the one its work was handed to (and on,
     * if that unit handed its work over in turn).
     */
    public String responsibleUnit(String planCode, String unitCode) {
        String unit = unitCode;
        for (int hops = 0; hops < 20; hops++) {
            String next = jdbc.sql("select handed_to from dx_plan_unit where plan_code = ? and unit_code = ?").params(planCode, unit)
                    .query(String.class).optional().orElse(null);
            if (next == null || next.isBlank()) {
                return unit;
            }
            unit = next;
        }
        throw new IllegalStateException("Plan " + planCode + " hands unit " + unitCode + "'s work around in a circle");
    }

    public Optional<PlanRow> find(String planCode) {
        return jdbc.sql("select * from dx_plan where code = ?").param(planCode).query(PlanRepository::row).optional();
    }

    public List<ReviewRow> reviews(String planCode) {
        return jdbc.sql("select * from dx_plan_review where plan_code = ? order by id").param(planCode)
                .query((rs, n) -> new ReviewRow(rs.getInt("version_no"), rs.getInt("round_no"), (Integer) rs.getObject("revision_no"),
                        rs.getString("action"), rs.getString("comments"), rs.getString("actor"),
                        rs.getObject("acted_at", OffsetDateTime.class)))
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
