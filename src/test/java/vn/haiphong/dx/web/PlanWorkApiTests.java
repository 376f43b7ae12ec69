package vn.haiphong.dx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.support.PlanFixtures;

/**
 * What the Office does through the API to keep a plan moving: release a unit or hand its work over, return a report
 * for correction; who may (only the plan's focal unit), what is refused, and that no other site may do it with a
 * person's session. The holiday calendar is read by anyone and changed by administrators only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-work-api;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class PlanWorkApiTests {

    private static final String PLAN = PlanFixtures.KESAT;

    @LocalServerPort int port;
    @Autowired TestRestTemplate http;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired PlanFixtures fixtures;
    @Autowired Plans plans;

    @BeforeEach
    void issuedAndAcknowledgedByTheCommunePolice() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2025, 10, 2, 9, 0).atZone(PlanService.ZONE).toInstant()));
        fixtures.freshIssued(PLAN, "29/KH-UBND");
        as("kesat-cax", () -> tasks.complete(acknowledgement("kesat-cax").getId(),
                Map.of("personInCharge", "Cán bộ phụ trách", "plannedActivities", "Tháng 10: Tuyên truyền")));
        fixtures.executeJobs();
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void onlyTheFocalUnitReleasesAUnitOrHandsItsWorkToAnother() {
        ResponseEntity<Map> byUnit = post("kesat.cax", "/api/plans/" + PLAN + "/units/TRUONG/release", Map.of("reason", "Sáp nhập"));
        assertThat(byUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) byUnit.getBody().get("message")).contains("Chỉ Phòng Văn hóa – Xã hội (đơn vị đầu mối)");

        ResponseEntity<Map> noReason = post("kesat.vhxh", "/api/plans/" + PLAN + "/units/TRUONG/release", Map.of("handOverTo", "THON"));
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) noReason.getBody().get("message")).contains("«Lý do» là bắt buộc");

        ResponseEntity<Map> handed = post("kesat.vhxh", "/api/plans/" + PLAN + "/units/TRUONG/release",
                Map.of("reason", "Các trường do các thôn phối hợp theo dõi từ tháng 10/2025", "handOverTo", "THON"));
        assertThat(handed.getStatusCode()).as("%s", handed.getBody()).isEqualTo(HttpStatus.OK);
        assertThat((String) handed.getBody().get("message"))
                .isEqualTo("Công việc của Các trường học trên địa bàn xã đã được bàn giao cho Các thôn trên địa bàn xã.");
        // The schools' open task is now in the villages' queue, and the villages' people may do it.
        assertThat(acknowledgement("kesat-truong")).isNull();
        assertThat(http.withBasicAuth("kesat.truong", "demo").getForObject("/engine-rest/task?processInstanceBusinessKey=" + PLAN, List.class))
                .as("the schools no longer see the work they handed over").isEmpty();
        List<Task> villages = tasks.createTaskQuery().processInstanceBusinessKey(PLAN).taskCandidateGroup("kesat-thon").list();
        assertThat(villages).extracting(Task::getName).anyMatch(name -> name.contains("– Các trường học trên địa bàn xã –"));
        Task schools = villages.stream().filter(t -> t.getName().contains("– Các trường học trên địa bàn xã –")).findFirst().orElseThrow();
        as("kesat-thon", () -> tasks.complete(schools.getId(), Map.of("personInCharge", "Cán bộ thôn",
                "plannedActivities", "Tháng 10: Theo dõi các trường")));
        assertThat(fixtures.count("select count(*) from dx_acknowledgement where plan_code = ? and unit_code = 'TRUONG' "
                + "and acknowledged_by = 'kesat.thon'", PLAN)).isEqualTo(1);

        ResponseEntity<Map> released = post("kesat.vhxh", "/api/plans/" + PLAN + "/units/DTN/release",
                Map.of("reason", "Đoàn Thanh niên xã sáp nhập vào Ủy ban MTTQ xã"));
        assertThat(released.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(acknowledgement("kesat-dtn")).as("its open work is withdrawn").isNull();
        // Released, it no longer counts among the units that owe an acknowledgement.
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForObject("/monitor/plans/" + PLAN + "/units/DTN", String.class))
                .contains("Không còn tham gia kế hoạch.").doesNotContain("Chưa tiếp nhận kế hoạch.");
        String leadership = http.withBasicAuth("kesat.lanhdao", "demo").getForObject("/monitor/leadership", String.class);
        assertThat(leadership.lines().filter(line -> line.contains("chưa tiếp nhận kế hoạch")).toList())
                .isNotEmpty().noneMatch(line -> line.contains("Đoàn Thanh niên"));
        assertThat(post("kesat.vhxh", "/api/plans/" + PLAN + "/units/KHONGCO/release", Map.of("reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        HttpHeaders formEncoded = new HttpHeaders();
        formEncoded.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<Map> notJson = http.withBasicAuth("kesat.vhxh", "demo").exchange("/api/plans/" + PLAN + "/units/MTTQ/release",
                HttpMethod.POST, new HttpEntity<>("reason=x", formEncoded), Map.class);
        assertThat(notJson.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat((String) notJson.getBody().get("message")).contains("Hãy gửi dữ liệu dạng JSON");
    }

    @Test
    void theOfficeReturnsAReportThroughTheApiAndTheUnitCannot() {
        Task report = tasks.createTaskQuery().processDefinitionKey(PeriodicReportProcess.ID).taskCandidateGroup("kesat-cax").singleResult();
        Map<String, Object> values = new HashMap<>(PlanFixtures.progress(plans.get(PLAN), "CAX"));
        values.put("residentsVneid", 5000);
        values.put(PeriodicReportProcess.Vars.REPORT_NARRATIVE, "Đã hướng dẫn người dân.");
        as("kesat-cax", () -> tasks.complete(report.getId(), values));

        String path = "/api/plans/" + PLAN + "/reports/CAX/2025-10/return";
        assertThat(post("kesat.cax", path, Map.of("reason", "Tự trả lại")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> returned = post("kesat.vhxh", path, Map.of("reason", "5000 người vượt số dân của xã; đề nghị kiểm tra."));
        assertThat(returned.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) returned.getBody().get("message")).startsWith("Đã trả lại báo cáo để đơn vị sửa");
        ResponseEntity<Map> again = post("kesat.vhxh", path, Map.of("reason", "Lần nữa"));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) again.getBody().get("message")).contains("đã được trả lại và đang chờ đơn vị sửa");
    }

    @Test
    void theOfficeReturnsAReportAndReleasesAUnitFromTheMonitoringPages() {
        Task report = tasks.createTaskQuery().processDefinitionKey(PeriodicReportProcess.ID).taskCandidateGroup("kesat-cax").singleResult();
        Map<String, Object> values = new HashMap<>(PlanFixtures.progress(plans.get(PLAN), "CAX"));
        values.put(PeriodicReportProcess.Vars.REPORT_NARRATIVE, "Đã hướng dẫn người dân.");
        as("kesat-cax", () -> tasks.complete(report.getId(), values));

        String period = "/monitor/plans/" + PLAN + "/periods/2025-10";
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForObject(period, String.class))
                .contains("Trả lại để sửa", "Không có tệp");
        ResponseEntity<String> returned = form("kesat.vhxh", period + "/units/CAX/return", "reason=S%E1%BB%91+li%E1%BB%87u+sai");
        assertThat(returned.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(returned.getHeaders().getLocation().getPath()).isEqualTo(period);
        assertThat(fixtures.count("select count(*) from dx_report where plan_code = ? and unit_code = 'CAX' and state = 'RETURNED' "
                + "and returned_reason = 'Số liệu sai'", PLAN)).isEqualTo(1);
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForObject(period, String.class)).contains("Trả lại", "Số liệu sai");
        assertThat(form("kesat.cax", period + "/units/CAX/return", "reason=x").getStatusCode())
                .as("a unit does not even see the page").isEqualTo(HttpStatus.FORBIDDEN);

        String unit = "/monitor/plans/" + PLAN + "/units/DTN";
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForObject(unit, String.class))
                .contains("Giải phóng đơn vị khỏi kế hoạch, bàn giao công việc");
        assertThat(form("kesat.vhxh", unit + "/release", "reason=Gi%E1%BA%A3i+th%E1%BB%83&handOverTo=").getStatusCode())
                .isEqualTo(HttpStatus.FOUND);
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForObject(unit, String.class))
                .contains("Đơn vị đã được giải phóng khỏi kế hoạch", "Lý do: Giải thể");
    }

    @Test
    void aRequestFromAnotherSiteWithThePersonsSessionIsRefused() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String root = "http://localhost:" + port;
        client.send(HttpRequest.newBuilder(URI.create(root + "/camunda/app/tasklist/default/")).build(), HttpResponse.BodyHandlers.discarding());
        String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=kesat.vhxh&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        String body = "{\"reason\":\"Đơn vị giải thể\"}";
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(URI.create(root + "/api/plans/" + PLAN + "/units/MTTQ/release"))
                .header("Content-Type", "application/json").header("Origin", "http://trang-la.example")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("Yêu cầu đến từ một trang web khác nên bị từ chối");
        HttpResponse<String> noOrigin = client.send(HttpRequest.newBuilder(URI.create(root + "/api/plans/" + PLAN + "/units/MTTQ/release"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(noOrigin.statusCode()).as("neither Origin nor Referer").isEqualTo(403);
        assertThat(fixtures.count("select count(*) from dx_plan_unit where plan_code = ? and released_at is not null", PLAN)).isZero();

        HttpResponse<String> own = client.send(HttpRequest.newBuilder(URI.create(root + "/api/plans/" + PLAN + "/units/MTTQ/release"))
                .header("Content-Type", "application/json").header("Origin", root)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(own.statusCode()).as("the application's own page: %s", own.body()).isEqualTo(200);
    }

    @Test
    void anyoneReadsTheHolidayCalendarOnlyAdministratorsChangeIt() {
        ResponseEntity<List> year = http.withBasicAuth("kesat.cax", "demo").getForEntity("/api/calendar/2026", List.class);
        assertThat(year.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(year.getBody()).extracting(d -> ((Map<?, ?>) d).get("name")).contains("Tết Nguyên đán Bính Ngọ");

        HttpEntity<Map<String, Object>> day = json(Map.of("dayOff", true, "name", "Nghỉ bù (thông báo của Chính phủ)"));
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").exchange("/api/admin/calendar/2026-12-31", HttpMethod.PUT, day, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> set = http.withBasicAuth("admin", "admin").exchange("/api/admin/calendar/2026-12-31",
                HttpMethod.PUT, day, Map.class);
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((String) set.getBody().get("message")).isEqualTo("Đã ghi ngày 31/12/2026 là ngày nghỉ vào lịch.");
        assertThat(http.withBasicAuth("admin", "admin").exchange("/api/admin/calendar/31-12-2026", HttpMethod.PUT, day,
                Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.withBasicAuth("admin", "admin").exchange("/api/admin/calendar/2026-12-31", HttpMethod.DELETE,
                null, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> form(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW).withBasicAuth(user, "demo")
                .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<Map> post(String user, String path, Map<String, Object> body) {
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, json(body), Map.class);
    }

    private static HttpEntity<Map<String, Object>> json(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private Task acknowledgement(String group) {
        return tasks.createTaskQuery().processDefinitionKey("UnitPlanProcess").processInstanceBusinessKey(PLAN)
                .taskDefinitionKey("Task_AcknowledgePlan").taskCandidateGroup(group).singleResult();
    }

    private void as(String group, Runnable work) {
        identity.setAuthentication(group.replace('-', '.'), List.of(group));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
