package vn.haiphong.dx.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.support.EmbeddedPostgresConfiguration;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * The production profile on a real PostgreSQL server: the application starts, deploys every model and form,
 * loads both plans, and each plan runs from draft through every unit's acknowledgement and a full reporting
 * period through the public REST API, with the job executor doing timers and asynchronous steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.admin.id=dxadmin", "app.admin.password=QuanTri-HaiPhong-2025",
        // A training calendar: the plan starts at issuance and a plan day lasts half a second.
        "app.calendar.mode=compressed", "app.calendar.seconds-per-day=0.5"})
@ActiveProfiles("postgres")
@Import(EmbeddedPostgresConfiguration.class)
// Closed after the class: its job executor would otherwise keep playing the training calendar (and the
// embedded server keep running) while later test classes need the two cores.
@DirtiesContext
class PostgresPlanJourneyTests {

    private static final String ADMIN = "dxadmin";
    private static final String PASSWORD = "QuanTri-HaiPhong-2025";
    private static final String USER_PASSWORD = "MatKhau-DonVi-2025";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Plans catalog;

    @Test
    void bothPlansRunFromDraftThroughAcknowledgementsAndAFullReportingPeriodOnPostgres() throws Exception {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(BaseConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .as("the engine's batched inserts go to the server as multi-row INSERTs").isTrue();
        }
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'dx_idx_act_auth_user'").query(String.class).single())
                .as("the index for task queries' authorization checks").contains("act_ru_authorization", "(user_id_)");
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'dx_idx_act_task_parent'").query(String.class).single())
                .as("the index for the subtask lookup of every completion").contains("act_ru_task", "(parent_task_id_)");
        assertThat(jdbc.sql("select indexdef from pg_indexes where indexname = 'dx_idx_act_job_due'").query(String.class).single())
                .as("the index the job executor acquires due jobs along").contains("act_ru_job", "(duedate_)");
        assertThat(jdbc.sql("select code from dx_plan order by code").query(String.class).list())
                .containsExactly("kesat-ncds-2025", "snnmt-tt-cds-2025");
        assertThat(list(ADMIN, PASSWORD, "/engine-rest/user?id=snnmt.vp")).as("no demo users in production").isEmpty();

        List<Map<String, Object>> resources = list(ADMIN, PASSWORD, "/engine-rest/deployment/"
                + list(ADMIN, PASSWORD, "/engine-rest/deployment?sortBy=deploymentTime&sortOrder=desc").get(0).get("id") + "/resources");
        // The starter names resources by their path; compare file names.
        assertThat(resources).extracting(r -> java.nio.file.Path.of((String) r.get("name")).getFileName().toString()).contains(
                "PlanIssuanceProcess.bpmn", "UnitPlanProcess.bpmn", "PeriodicReportProcess.bpmn", "submitPlanDraft.form",
                "reviewPlanDraft.form", "recordPlanIssuance.form", "acknowledgePlan.form", "periodicReportTemplate.form", "PlanReviewProcess.bpmn",
                "urgeLateUnits.form", "submitFinalReport.form");

        ResponseEntity<String> weak = http.withBasicAuth(ADMIN, PASSWORD).exchange("/engine-rest/user/create", HttpMethod.POST,
                json(Map.of("profile", Map.of("id", "yeu", "firstName", "Mật khẩu", "lastName", "Yếu"),
                        "credentials", Map.of("password", "123456"))), String.class);
        assertThat(weak.getStatusCode()).as("the password policy is on in production").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weak.getBody()).contains("Mật khẩu chưa đạt chính sách");
        assertThat(list(ADMIN, PASSWORD, "/engine-rest/user?id=yeu")).isEmpty();

        runFirstPeriod("snnmt-tt-cds-2025", "88/KH-SNNMT", "2025-01", Map.of("postsPortal", 1, "postsFanpage", 1));
        runFirstPeriod("kesat-ncds-2025", "29/KH-UBND", "2025-10", Map.of("residentsVneid", 40, "meetingsIntegrated", 1));
    }

    /** Issuance with a review round, every unit's acknowledgement, then every unit's report for the first period. */
    private void runFirstPeriod(String planCode, String number, String firstPeriod, Map<String, Integer> figures) {
        PlanDefinition plan = catalog.get(planCode);
        String agency = plan.agency().code();
        String officeGroup = UnitGroups.unitGroupId(agency, plan.focalUnit());
        String leadershipGroup = UnitGroups.leadershipGroupId(agency);
        String office = createUser(officeGroup);
        String leader = createUser(leadershipGroup);

        complete(office, onlyTask(planCode, office, officeGroup), Map.of("draftNote", text("Kính trình lãnh đạo")));
        complete(leader, onlyTask(planCode, leader, leadershipGroup), Map.of("reviewDecision", text("RETURN"),
                "reviewComments", text("Bổ sung chỉ tiêu")));
        complete(office, onlyTask(planCode, office, officeGroup), Map.of("draftNote", text("Đã bổ sung chỉ tiêu")));
        complete(leader, onlyTask(planCode, leader, leadershipGroup), Map.of("reviewDecision", text("APPROVE")));
        complete(office, onlyTask(planCode, office, officeGroup), Map.of("documentNumber", text(number),
                "issuedOn", text("2025-01-15"), "signerName", text(plan.leadership().signerName()),
                "signerTitle", text(plan.leadership().signerTitle())));

        Map<String, String> users = new java.util.HashMap<>();
        for (PlanDefinition.Unit unit : plan.units()) {
            String group = UnitGroups.unitGroupId(agency, unit.code());
            String user = group.equals(officeGroup) ? office : createUser(group);
            users.put(unit.code(), user);
            String task = waitFor(() -> tasks(planCode, user, group, "UnitPlanProcess"), 1).get(0).get("id").toString();
            complete(user, task, Map.of("personInCharge", text("Cán bộ " + unit.name()),
                    "plannedActivities", text("Tháng 10: Treo băng rôn, áp phích hưởng ứng Ngày Chuyển đổi số")));
        }
        Map<String, Object> acknowledged = waitFor(() -> {
            Map<String, Object> view = get(office, USER_PASSWORD, "/api/plans/" + planCode + "/acknowledgements");
            return ((Map<?, ?>) view.get("plan")).get("allAcknowledgedAt") == null ? null : view;
        });
        assertThat(((Map<?, ?>) acknowledged.get("plan")).get("acknowledgedCount")).isEqualTo(plan.units().size());
        assertThat(((Map<?, ?>) acknowledged.get("plan")).get("documentNumber")).isEqualTo(number);

        int reported = 0;
        for (PlanDefinition.Unit unit : plan.units()) {
            String group = UnitGroups.unitGroupId(agency, unit.code());
            String user = users.get(unit.code());
            Map<String, Object> report = waitFor(() -> tasks(planCode, user, group, "PeriodicReportProcess").stream()
                    .filter(t -> ((String) t.get("name")).startsWith("Nộp báo cáo định kỳ " + label(firstPeriod)))
                    .findFirst().orElse(null));
            Map<String, Object> values = new java.util.HashMap<>();
            // The unit's form asks exactly the metrics the plan asks of it: a figure for each (0 where none).
            for (PlanDefinition.Metric metric : plan.metricsOf(unit.code())) {
                int value = figures.getOrDefault(metric.code(), 0);
                reported += value > 0 ? 1 : 0;
                values.put(metric.code(), Map.of("value", value, "type", "Integer"));
            }
            PlanFixtures.progress(plan, unit.code()).forEach((key, status) -> values.put(key, text((String) status)));
            values.put("reportNarrative", text("Đơn vị đã triển khai các hoạt động tháng đầu tiên."));
            complete(user, report.get("id").toString(), values);
        }
        Map<String, Object> period = get(office, USER_PASSWORD, "/api/plans/" + planCode + "/periods/" + firstPeriod);
        List<?> units = (List<?>) period.get("units");
        assertThat(units).hasSize(plan.units().size())
                .allSatisfy(u -> assertThat(((Map<?, ?>) u).get("state")).isEqualTo("ON_TIME"));
        assertThat(jdbc.sql("select count(*) from dx_report_figure f join dx_report r on r.id = f.report_id "
                        + "where r.plan_code = ? and r.period_code = ? and f.amount > 0").params(planCode, firstPeriod)
                .query(Integer.class).single()).isEqualTo(reported).isPositive();
        assertThat(jdbc.sql("select count(*) from dx_report_target t join dx_report r on r.id = t.report_id "
                + "where r.plan_code = ? and r.period_code = ?").params(planCode, firstPeriod).query(Integer.class).single())
                .as("targets evaluated with every report").isPositive();
    }

    private static String label(String month) {
        return "tháng " + month.substring(5) + "/" + month.substring(0, 4);
    }

    private String createUser(String groupId) {
        String userId = "u." + groupId;
        ResponseEntity<String> created = http.withBasicAuth(ADMIN, PASSWORD).exchange("/engine-rest/user/create",
                HttpMethod.POST, json(Map.of("profile", Map.of("id", userId, "firstName", "Cán bộ", "lastName", groupId),
                        "credentials", Map.of("password", USER_PASSWORD))), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> member = http.withBasicAuth(ADMIN, PASSWORD).exchange(
                "/engine-rest/group/" + groupId + "/members/" + userId, HttpMethod.PUT, json(Map.of()), String.class);
        assertThat(member.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        return userId;
    }

    private String onlyTask(String planCode, String user, String group) {
        return waitFor(() -> tasks(planCode, user, group, "PlanReviewProcess"), 1).get(0).get("id").toString();
    }

    private List<Map<String, Object>> tasks(String planCode, String user, String group, String process) {
        // The group's tasks, also one assigned at creation (leadership's, to its one member).
        return list(user, USER_PASSWORD, "/engine-rest/task?candidateGroup=" + group + "&includeAssignedTasks=true&processDefinitionKey="
                + process + "&processInstanceBusinessKey=" + planCode);
    }

    private void complete(String user, String taskId, Map<String, Object> variables) {
        ResponseEntity<String> response = http.withBasicAuth(user, USER_PASSWORD).exchange(
                "/engine-rest/task/" + taskId + "/submit-form", HttpMethod.POST, json(Map.of("variables", variables)), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private List<Map<String, Object>> list(String user, String password, String path) {
        ResponseEntity<List<Map<String, Object>>> response = http.withBasicAuth(user, password)
                .exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> get(String user, String password, String path) {
        ResponseEntity<Map<String, Object>> response = http.withBasicAuth(user, password)
                .exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<>() {});
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static <T> List<T> waitFor(Supplier<List<T>> query, int size) {
        return waitFor(() -> {
            List<T> result = query.get();
            return result.size() == size ? result : null;
        });
    }

    /** The job executor runs the asynchronous steps in the background: poll, bounded. */
    private static <T> T waitFor(Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not reached within 30 s");
    }
}
