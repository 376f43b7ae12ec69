package vn.haiphong.dx.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
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
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.plan.PlanCatalog;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.support.EmbeddedPostgresConfiguration;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * The production profile on a real PostgreSQL server: the application starts, deploys every model and form,
 * loads both plans, and a plan runs from draft to every unit's acknowledgement through the public REST API,
 * with the job executor doing the asynchronous steps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "app.admin.id=dxadmin", "app.admin.password=QuanTri-HaiPhong-2025"})
@ActiveProfiles("postgres")
@Import(EmbeddedPostgresConfiguration.class)
class PostgresPlanJourneyTests {

    private static final String ADMIN = "dxadmin";
    private static final String PASSWORD = "QuanTri-HaiPhong-2025";
    private static final String USER_PASSWORD = "MatKhau-DonVi-2025";
    private static final String PLAN = "snnmt-tt-cds-2025";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired PlanCatalog catalog;

    @Test
    void planRunsFromDraftToEveryAcknowledgementOnPostgres() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select code from dx_plan order by code").query(String.class).list())
                .containsExactly("kesat-ncds-2025", PLAN);
        assertThat(list(ADMIN, PASSWORD, "/engine-rest/user?id=snnmt.vp")).as("no demo users in production").isEmpty();

        List<Map<String, Object>> resources = list(ADMIN, PASSWORD, "/engine-rest/deployment/"
                + list(ADMIN, PASSWORD, "/engine-rest/deployment?sortBy=deploymentTime&sortOrder=desc").get(0).get("id") + "/resources");
        // The starter names resources by their path; compare file names.
        assertThat(resources).extracting(r -> java.nio.file.Path.of((String) r.get("name")).getFileName().toString()).contains(
                "PlanIssuanceProcess.bpmn", "UnitPlanProcess.bpmn", "submitPlanDraft.form", "reviewPlanDraft.form",
                "recordPlanIssuance.form", "acknowledgePlan.form");

        PlanDefinition plan = catalog.get(PLAN);
        String office = createUser(UnitGroups.unitGroupId("SNNMT", plan.focalUnit()));
        String leader = createUser(UnitGroups.leadershipGroupId("SNNMT"));

        complete(office, onlyTask(office, "snnmt-vp"), Map.of("draftNote", text("Kính trình Lãnh đạo Sở")));
        complete(leader, onlyTask(leader, "snnmt-lanhdao"), Map.of("reviewDecision", text("RETURN"),
                "reviewComments", text("Bổ sung chỉ tiêu tháng 10")));
        complete(office, onlyTask(office, "snnmt-vp"), Map.of("draftNote", text("Đã bổ sung chỉ tiêu tháng 10")));
        complete(leader, onlyTask(leader, "snnmt-lanhdao"), Map.of("reviewDecision", text("APPROVE")));
        complete(office, onlyTask(office, "snnmt-vp"), Map.of("documentNumber", text("88/KH-SNNMT"),
                "issuedOn", text("2025-01-15"), "signerName", text("Lương Thị Kiểm"), "signerTitle", text("PHÓ GIÁM ĐỐC")));

        for (PlanDefinition.Unit unit : plan.units()) {
            String group = UnitGroups.unitGroupId("SNNMT", unit.code());
            String user = group.equals(UnitGroups.unitGroupId("SNNMT", plan.focalUnit())) ? office : createUser(group);
            String task = waitFor(() -> tasks(user, group, "UnitPlanProcess"), 1).get(0).get("id").toString();
            complete(user, task, Map.of("personInCharge", text("Cán bộ " + unit.name()),
                    "plannedActivities", text("Tháng 10: Treo băng rôn, áp phích hưởng ứng Ngày Chuyển đổi số")));
        }

        Map<String, Object> monitored = waitFor(() -> {
            Map<String, Object> view = get(office, USER_PASSWORD, "/api/plans/" + PLAN + "/acknowledgements");
            return ((Map<?, ?>) view.get("plan")).get("allAcknowledgedAt") == null ? null : view;
        });
        Map<?, ?> overview = (Map<?, ?>) monitored.get("plan");
        assertThat(overview.get("acknowledgedCount")).isEqualTo(plan.units().size());
        assertThat(overview.get("documentNumber")).isEqualTo("88/KH-SNNMT");
        assertThat((List<?>) monitored.get("units")).hasSize(plan.units().size())
                .allSatisfy(u -> assertThat(((Map<?, ?>) u).get("acknowledgedAt")).isNotNull());
        waitFor(() -> list(ADMIN, PASSWORD, "/engine-rest/process-instance?businessKey=" + PLAN).isEmpty() ? "ended" : null);
        assertThat(list(ADMIN, PASSWORD, "/engine-rest/history/process-instance?processDefinitionKey=PlanIssuanceProcess"
                + "&businessKey=" + PLAN + "&finished=true")).hasSize(1);
        assertThat(jdbc.sql("select count(*) from dx_acknowledgement_activity where plan_code = ?").param(PLAN)
                .query(Integer.class).single()).isEqualTo(plan.units().size());
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

    private String onlyTask(String user, String group) {
        return waitFor(() -> tasks(user, group, "PlanIssuanceProcess"), 1).get(0).get("id").toString();
    }

    private List<Map<String, Object>> tasks(String user, String group, String process) {
        return list(user, USER_PASSWORD, "/engine-rest/task?candidateGroup=" + group + "&processDefinitionKey=" + process
                + "&processInstanceBusinessKey=" + PLAN);
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
