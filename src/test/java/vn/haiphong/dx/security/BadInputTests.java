package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.SeedPlansYear;
import vn.haiphong.dx.support.VietnameseText;

/**
 * A battery of bad inputs over the REST API: each is refused with a 4xx and a message, and leaves no partial
 * state (the task is still open, no variable written, no business row changed). Text that looks like markup
 * is stored verbatim and shown escaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-bad-input;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@SeedPlansYear
class BadInputTests {

    private static final String XSS = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    @Autowired TestRestTemplate http;
    @Autowired PlanFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    @Test
    void badInputsAreRefusedWithNoPartialStateAndMarkupIsStoredVerbatimButShownEscaped() {
        fixtures.freshDraft(PlanFixtures.KESAT);
        String draft = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).singleResult().getId();

        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("missing required field", Map.of());
        bad.put("number where text belongs", Map.of("draftNote", typed(42, "Integer")));
        bad.put("boolean where text belongs", Map.of("draftNote", typed(true, "Boolean")));
        bad.put("date where text belongs", Map.of("draftNote", typed("2025-10-10T00:00:00.000+0700", "Date")));
        bad.put("JSON object where text belongs", Map.of("draftNote", typed("{\"a\":1}", "Json")));
        bad.put("text over its 2000-character limit", Map.of("draftNote", typed("x".repeat(2001), "String")));
        bad.put("text of 100 000 characters", Map.of("draftNote", typed("Đ".repeat(100_000), "String")));
        bad.put("blank text for a required field", Map.of("draftNote", typed("   \n  ", "String")));
        bad.put("unknown variable type", Map.of("draftNote", typed("x", "Khong-co")));
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Map.Entry<String, Object> input : bad.entrySet()) {
            tried++;
            ResponseEntity<String> response = post("kesat.vhxh", "demo", "/engine-rest/task/" + draft + "/complete",
                    Map.of("variables", input.getValue()));
            check(failures, input.getKey(), response, draft, List.of("draftNote"));
        }
        for (String malformed : List.of("{\"variables\": {\"draftNote\": ", "not json at all", "{\"variables\": [1, 2]}")) {
            tried++;
            ResponseEntity<String> response = raw("kesat.vhxh", "demo", "/engine-rest/task/" + draft + "/complete", malformed);
            check(failures, "malformed JSON: " + malformed, response, draft, List.of("draftNote"));
        }

        // The draft goes on; then each later form gets its own wrong values.
        accepted(post("kesat.vhxh", "demo", "/engine-rest/task/" + draft + "/complete",
                Map.of("variables", Map.of("draftNote", typed("Kính trình " + XSS, "String")))), 204);
        String review = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).singleResult().getId();
        for (Map.Entry<String, Map<String, Object>> input : Map.of(
                "option outside the list", Map.<String, Object>of("reviewDecision", typed("XOA_HET", "String")),
                "option with the wrong type", Map.<String, Object>of("reviewDecision", typed(1, "Integer"))).entrySet()) {
            tried++;
            check(failures, input.getKey(), post("kesat.lanhdao", "demo", "/engine-rest/task/" + review + "/complete",
                    Map.of("variables", input.getValue())), review, input.getValue().keySet());
        }
        accepted(post("kesat.lanhdao", "demo", "/engine-rest/task/" + review + "/complete",
                Map.of("variables", Map.of("reviewDecision", typed("APPROVE", "String")))), 204);
        String issuance = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).singleResult().getId();
        for (Map.Entry<String, Map<String, Object>> input : Map.of(
                "number/symbol against the pattern", Map.<String, Object>of("documentNumber", typed("KH 29", "String"), "issuedOn", typed("2025-10-05", "String")),
                "impossible date", Map.<String, Object>of("documentNumber", typed("29/KH-UBND", "String"), "issuedOn", typed("2025-13-45", "String")),
                "date in the future", Map.<String, Object>of("documentNumber", typed("29/KH-UBND", "String"), "issuedOn", typed("2099-01-01", "String")),
                "date long before the plan", Map.<String, Object>of("documentNumber", typed("29/KH-UBND", "String"), "issuedOn", typed("1900-01-01", "String")),
                "another agency's symbol", Map.<String, Object>of("documentNumber", typed("29/KH-SNNMT", "String"), "issuedOn", typed("2025-10-05", "String"))).entrySet()) {
            tried++;
            check(failures, input.getKey(), post("kesat.vhxh", "demo", "/engine-rest/task/" + issuance + "/complete",
                    Map.of("variables", input.getValue())), issuance, input.getValue().keySet());
        }
        assertThat(jdbc.sql("select status from dx_plan where code = ?").param(PlanFixtures.KESAT).query(String.class).single())
                .as("nothing of the refused issuances was written").isEqualTo("APPROVED");
        accepted(post("kesat.vhxh", "demo", "/engine-rest/task/" + issuance + "/complete", Map.of("variables", Map.of(
                "documentNumber", typed("29/KH-UBND", "String"), "issuedOn", typed("2025-10-05", "String"),
                "signerName", typed("Phạm Thị Thu Hiền", "String"), "signerTitle", typed("PHÓ CHỦ TỊCH", "String")))), 204);
        fixtures.executeJobs();

        String acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).taskCandidateGroup("kesat-cax").singleResult().getId();
        for (Map.Entry<String, Map<String, Object>> input : Map.of(
                "planned activity without its month", Map.<String, Object>of("personInCharge", typed("Lê Văn C", "String"), "plannedActivities", typed("Treo băng rôn", "String")),
                "month 13", Map.<String, Object>of("personInCharge", typed("Lê Văn C", "String"), "plannedActivities", typed("Tháng 13: Họp", "String")),
                "person as a number", Map.<String, Object>of("personInCharge", typed(7, "Long"), "plannedActivities", typed("Tháng 10: Họp", "String"))).entrySet()) {
            tried++;
            check(failures, input.getKey(), post("kesat.cax", "demo", "/engine-rest/task/" + acknowledge + "/complete",
                    Map.of("variables", input.getValue())), acknowledge, input.getValue().keySet());
        }
        accepted(post("kesat.cax", "demo", "/engine-rest/task/" + acknowledge + "/complete", Map.of("variables", Map.of(
                "personInCharge", typed(XSS, "String"), "plannedActivities", typed("Tháng 10: " + XSS, "String")))), 204);

        for (Map.Entry<String, Map<String, Object>> input : Map.of(
                "difficulty without a description", Map.<String, Object>of("urgency", typed("NORMAL", "String")),
                "urgency outside the list", Map.<String, Object>of("difficultyDescription", typed("x", "String"), "urgency", typed("RAT_KHAN", "String")),
                "description over its limit", Map.<String, Object>of("difficultyDescription", typed("x".repeat(2001), "String"), "urgency", typed("NORMAL", "String"))).entrySet()) {
            tried++;
            long before = runtime.createProcessInstanceQuery().processDefinitionKey("DifficultyProcess").count();
            ResponseEntity<String> response = post("kesat.cax", "demo", "/engine-rest/process-definition/key/DifficultyProcess/submit-form",
                    Map.of("variables", input.getValue()));
            if (response.getStatusCode().value() != 400 || runtime.createProcessInstanceQuery().processDefinitionKey("DifficultyProcess").count() != before
                    || jdbc.sql("select count(*) from dx_difficulty").query(Integer.class).single() != 0) {
                failures.add(input.getKey() + ": " + response.getStatusCode() + " " + response.getBody());
            }
        }
        accepted(post("kesat.cax", "demo", "/engine-rest/process-definition/key/DifficultyProcess/submit-form", Map.of("variables", Map.of(
                "difficultyDescription", typed(XSS, "String"), "urgency", typed("URGENT", "String")))), 200);

        System.out.printf("Bad inputs: %d tried, %d refused with a 4xx and no partial state%n", tried, tried - failures.size());
        assertThat(failures).isEmpty();
        assertThat(tried).isEqualTo(25);

        // Stored verbatim, shown escaped.
        assertThat(jdbc.sql("select person_in_charge from dx_acknowledgement where unit_code = 'CAX'").query(String.class).single()).isEqualTo(XSS);
        assertThat(jdbc.sql("select description from dx_difficulty").query(String.class).single()).isEqualTo(XSS);
        for (String page : List.of("/monitor/plans/" + PlanFixtures.KESAT, "/monitor/plans/" + PlanFixtures.KESAT + "/difficulties")) {
            String html = http.withBasicAuth("kesat.vhxh", "demo").getForObject(page, String.class);
            assertThat(html).as(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
        }
        ResponseEntity<String> json = http.withBasicAuth("kesat.vhxh", "demo").getForEntity("/api/plans/" + PlanFixtures.KESAT + "/difficulties", String.class);
        assertThat(json.getHeaders().getContentType()).as("JSON is never rendered as a page").isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(json.getBody()).contains("\"description\":\"<script>alert('x')</script>");
    }

    /** Refused with a 4xx and a message; the task still open; none of the submitted fields written. */
    private void check(List<String> failures, String name, ResponseEntity<String> response, String taskId,
                       java.util.Collection<String> fields) {
        // A body that is not JSON at all is answered by the JSON parser itself (400, its own text).
        boolean refused = response.getStatusCode().is4xxClientError()
                && (name.startsWith("malformed JSON") || response.getBody() != null && response.getBody().contains("message"));
        boolean unchanged = tasks.createTaskQuery().taskId(taskId).count() == 1
                && fields.stream().allMatch(field -> tasks.getVariable(taskId, field) == null);
        if (refused && !name.startsWith("malformed JSON") && !VietnameseText.isVietnamese(response.getBody())) {
            failures.add(name + ": the refusal is not in Vietnamese: " + response.getBody());
        }
        if (!refused || !unchanged) {
            failures.add(name + ": " + response.getStatusCode() + " " + response.getBody());
        }
    }

    private static void accepted(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private ResponseEntity<String> post(String user, String password, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> raw(String user, String password, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
