package vn.haiphong.dx.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.haiphong.dx.support.PlanFixtures;

/**
 * A new agency's plan that nothing in the application was written for (test resource
 * {@code imports/phuong-an-bien-cds-2026.yaml}: seven units, three metric codes no other plan has, half-yearly
 * reports due on the 15th of the following month, a bound that changes at mid-year), taken through the public APIs
 * of a running application: brought in, revised, reviewed, issued, acknowledged, reported, evaluated. The same
 * journey runs on H2 and on PostgreSQL.
 */
abstract class ImportedPlanJourney {

    static final String CODE = "phuong-an-bien-cds-2026";
    static final String FILE = "/imports/phuong-an-bien-cds-2026.yaml";
    static final String USER_PASSWORD = "MatKhau-PhuongAnBien-2026";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired PlanFixtures fixtures;
    @Autowired Plans plans;

    abstract String admin();

    abstract String adminPassword();

    /** The file's text, changed by each replacement (pairs of text to find and its replacement). */
    static String file(String... replacements) {
        try (InputStream in = ImportedPlanJourney.class.getResourceAsStream(FILE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (int i = 0; i < replacements.length; i += 2) {
                assertThat(text).contains(replacements[i]);
                text = text.replace(replacements[i], replacements[i + 1]);
            }
            return text;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Brought in, revised once, returned once, approved and issued: the plan that runs is its version 1. */
    void bringInAndIssue() {
        // A unit may not bring plans in: refused before its file is even read, whatever the file.
        String unitUser = user("kesat-cax");
        for (String yaml : List.of(file(), "khong: phai: ke hoach")) {
            ResponseEntity<Map> unit = post(unitUser, USER_PASSWORD, "/api/plans", yaml);
            assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) unit.getBody().get("message")).contains("Chỉ đơn vị đầu mối (Văn phòng) của cơ quan và quản trị hệ thống");
        }
        assertThat(http.withBasicAuth(unitUser, USER_PASSWORD).getForEntity("/plans/import", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> refused = post(admin(), adminPassword(), "/api/plans", file("start: 2026-01-01", "start: 2026-02-30"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String broken = file("start: 2026-01-01", "start: 2026-02-30");
        assertThat(refused.getBody()).containsEntry("file", "phuong-an-bien.yaml").containsEntry("field", "period.start")
                .containsEntry("line", PlanReaderTests.lineOf(broken, "start: 2026-02-30"));
        assertThat((String) refused.getBody().get("message")).contains("«2026-02-30» không phải ngày hợp lệ");
        assertThat(jdbc.sql("select count(*) from dx_plan where code = ?").param(CODE).query(Integer.class).single())
                .as("nothing of a refused file is registered").isZero();

        ResponseEntity<Map> created = post(admin(), adminPassword(), "/api/plans", file());
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("planCode", CODE).containsEntry("version", 1);

        reviseReviewAndIssue();
    }

    /** The draft waiting for the Office: revised once, returned once, approved and issued. */
    void reviseReviewAndIssue() {
        String office = user("anbien-vhxh");
        String leadership = user("anbien-lanhdao");
        Map<String, Object> draftTask = waitForTask(office, "anbien-vhxh", "PlanReviewProcess");
        assertThat((String) draftTask.get("name")).startsWith("Hoàn thiện, trình dự thảo kế hoạch");

        ResponseEntity<Map> foreign = put(user("kesat-vhxh"), USER_PASSWORD, "/api/plans/" + CODE + "/draft", file());
        assertThat(foreign.getStatusCode()).as("another agency's Office may not revise this agency's plan").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) foreign.getBody().get("message")).contains("Chỉ đơn vị đầu mối");

        ResponseEntity<Map> revised = put(office, USER_PASSWORD, "/api/plans/" + CODE + "/draft",
                file("name: \"Các tổ dân phố\"", "name: \"Các tổ dân phố phường An Biên\""));
        assertThat(revised.getStatusCode()).as(String.valueOf(revised.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(revised.getBody()).containsEntry("version", 1).containsEntry("revision", 2);

        complete(office, draftTask, Map.of("draftNote", text("Kính trình dự thảo")));
        Map<String, Object> review = waitForTask(leadership, "anbien-lanhdao", "PlanReviewProcess");
        assertThat(variable(leadership, review, "draftInfo")).contains("bản sửa lần 2");
        assertThat(variable(leadership, review, "planSummary")).contains("Các tổ dân phố phường An Biên",
                "Camera an ninh kết nối trung tâm giám sát của phường");
        complete(leadership, review, Map.of("reviewDecision", text("RETURN"), "reviewComments", text("Bổ sung lịch lắp camera")));
        complete(office, waitForTask(office, "anbien-vhxh", "PlanReviewProcess"), Map.of("draftNote", text("Đã bổ sung")));
        complete(leadership, waitForTask(leadership, "anbien-lanhdao", "PlanReviewProcess"), Map.of("reviewDecision", text("APPROVE")));
        complete(office, waitForTask(office, "anbien-vhxh", "PlanReviewProcess"), Map.of("documentNumber", text("12/KH-UBND"),
                "issuedOn", text("2026-01-05")));
        fixtures.executeJobs();
        assertThat(jdbc.sql("select status from dx_plan_version where plan_code = ? and version_no = 1").param(CODE)
                .query(String.class).single()).isEqualTo("ISSUED");
    }

    /** Every unit acknowledges; both half-years open (the plan asks for past periods too). */
    void everyUnitAcknowledges() {
        for (String unit : List.of("VHXH", "VPUB", "KT", "CAP", "DTN", "TDP", "TCNS")) {
            String group = "anbien-" + unit.toLowerCase();
            String person = user(group);
            complete(person, waitForTask(person, group, "UnitPlanProcess"), Map.of("personInCharge", text("Cán bộ " + unit),
                    "plannedActivities", text("Tháng 1: Triển khai kế hoạch")));
        }
        fixtures.executeJobs();
        fixtures.executeJobs();
    }

    /** A unit's report of a half-year: the figures its own form asks for. */
    Map<String, Object> report(String unit, String period, Map<String, Integer> figures) {
        String group = "anbien-" + unit.toLowerCase();
        String person = user(group);
        Map<String, Object> task = waitFor(() -> tasks(person, group, "PeriodicReportProcess").stream()
                .filter(t -> ((String) t.get("name")).contains(period)).findFirst().orElse(null));
        Map<String, Object> values = new HashMap<>();
        figures.forEach((metric, value) -> values.put(metric, Map.of("value", value, "type", "Integer")));
        PlanFixtures.progress(plans.get(CODE), unit).forEach((key, status) -> values.put(key, text((String) status)));
        values.put("reportNarrative", text("Đã thực hiện các nhiệm vụ được giao."));
        complete(person, task, values);
        return task;
    }

    /** The deployed form of an open task, as Tasklist loads it. */
    String formOf(String unit, String periodLabel) {
        String group = "anbien-" + unit.toLowerCase();
        String person = user(group);
        Map<String, Object> task = waitFor(() -> tasks(person, group, "PeriodicReportProcess").stream()
                .filter(t -> ((String) t.get("name")).contains(periodLabel)).findFirst().orElse(null));
        return http.withBasicAuth(person, USER_PASSWORD).getForObject("/engine-rest/task/" + task.get("id") + "/deployed-form", String.class);
    }

    /** target code → "actual/min/met" of a unit's report of a period, as stored with the report. */
    Map<String, String> evaluation(String unit, String period) {
        Map<String, String> results = new HashMap<>();
        jdbc.sql("""
                select t.target_code, t.actual, t.min_value, t.met from dx_report_target t join dx_report r on r.id = t.report_id
                where r.plan_code = ? and r.unit_code = ? and r.period_code = ?""").params(CODE, unit, period)
                .query(rs -> {
                    results.put(rs.getString(1), rs.getInt(2) + "/" + rs.getObject(3) + "/" + rs.getBoolean(4));
                });
        return results;
    }

    /** A user of the group (created once, by the administrator, as an agency would). */
    String user(String group) {
        String id = "u." + group;
        if (jdbc.sql("select count(*) from act_id_user where id_ = ?").param(id).query(Integer.class).single() == 0) {
            HttpHeaders headers = json();
            assertThat(http.withBasicAuth(admin(), adminPassword()).exchange("/engine-rest/user/create", HttpMethod.POST,
                    new HttpEntity<>(Map.of("profile", Map.of("id", id, "firstName", "Cán bộ", "lastName", group,
                            "email", id + "@anbien.example"), "credentials", Map.of("password", USER_PASSWORD)), headers),
                    String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(http.withBasicAuth(admin(), adminPassword()).exchange("/engine-rest/group/" + group + "/members/" + id,
                    HttpMethod.PUT, new HttpEntity<>(Map.of(), headers), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        return id;
    }

    Map<String, Object> waitForTask(String person, String group, String process) {
        return waitFor(() -> tasks(person, group, process).stream().findFirst().orElse(null));
    }

    List<Map<String, Object>> tasks(String person, String group, String process) {
        return http.withBasicAuth(person, USER_PASSWORD).exchange("/engine-rest/task?includeAssignedTasks=true&candidateGroup=" + group
                        + "&processDefinitionKey=" + process + "&processInstanceBusinessKey=" + CODE, HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    }

    String variable(String person, Map<String, Object> task, String name) {
        Map<?, ?> value = http.withBasicAuth(person, USER_PASSWORD).getForObject(
                "/engine-rest/task/" + task.get("id") + "/form-variables?variableNames=" + name, Map.class);
        return String.valueOf(((Map<?, ?>) value.get(name)).get("value"));
    }

    void complete(String person, Map<String, Object> task, Map<String, Object> variables) {
        ResponseEntity<String> response = http.withBasicAuth(person, USER_PASSWORD).exchange(
                "/engine-rest/task/" + task.get("id") + "/submit-form", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", variables), json()), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        fixtures.executeJobs();
    }

    ResponseEntity<Map> post(String user, String password, String path, String yaml) {
        return http.withBasicAuth(user, password).exchange(path, HttpMethod.POST, yaml(yaml), Map.class);
    }

    ResponseEntity<Map> put(String user, String password, String path, String yaml) {
        return http.withBasicAuth(user, password).exchange(path, HttpMethod.PUT, yaml(yaml), Map.class);
    }

    private static HttpEntity<byte[]> yaml(String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        headers.set("X-File-Name", "phuong-an-bien.yaml");
        return new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers);
    }

    static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    <T> T waitFor(java.util.function.Supplier<T> condition) {
        for (int i = 0; i < 40; i++) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            fixtures.executeJobs();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not reached");
    }
}
