package vn.haiphong.dx.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.support.PlanFixtures;

/** Invalid completions through the public REST API are refused with a clear message and change nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-web;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RestRefusalTests {

    @Autowired TestRestTemplate http;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired PlanFixtures fixtures;

    String draftTask;

    @BeforeEach
    void freshDraft() {
        fixtures.freshDraft(PlanFixtures.SNNMT);
        draftTask = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.SNNMT).singleResult().getId();
    }

    @Test
    void anonymousRequestsAreRefusedButHealthIsOpen() {
        assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/plans", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("khong.ton.tai", "sai-mat-khau").getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // A person following a link to a page without being signed in goes to the login, also at "/monitor" itself.
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        for (String page : List.of("/monitor", "/monitor/", "/monitor/plans", "/plans/import", "/notifications/preferences")) {
            ResponseEntity<String> answer = http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                    .exchange(page, HttpMethod.GET, new HttpEntity<>(browser), String.class);
            assertThat(answer.getStatusCode()).as(page).isEqualTo(HttpStatus.FOUND);
            assertThat(answer.getHeaders().getLocation().getPath()).as(page).isEqualTo("/camunda/app/tasklist/");
        }
    }

    @Test
    void missingRequiredFieldIsRefused(CapturedOutput log) {
        ResponseEntity<Map> response = complete(Map.of());
        assertRefused(response, "«Nội dung trình lãnh đạo» là bắt buộc");
        assertThat(log.getOut()).as("one line for the operators, not an engine error with a stack trace")
                .contains("Input refused: Dữ liệu chưa hợp lệ, chưa lưu gì: «Nội dung trình lãnh đạo» là bắt buộc")
                .doesNotContain("ENGINE-16004");
    }

    @Test
    void aProcessStartedWithRefusedInputAnswers400WithTheMessageAndStartsNothing() {
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        long before = runtime.createProcessInstanceQuery().processDefinitionKey("DifficultyProcess").count();
        ResponseEntity<Map> response = post("kesat.cax", "/engine-rest/process-definition/key/DifficultyProcess/start",
                Map.of("variables", Map.of("urgency", Map.of("value", "NORMAL", "type", "String"))));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("message"))
                .isEqualTo("Dữ liệu chưa hợp lệ, chưa lưu gì: «Nội dung khó khăn, vướng mắc» là bắt buộc.");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DifficultyProcess").count()).isEqualTo(before);
    }

    @Test
    void wrongTypeIsRefused() {
        ResponseEntity<Map> response = complete(Map.of("draftNote", Map.of("value", 12, "type", "Integer")));
        assertRefused(response, "«Nội dung trình lãnh đạo» phải là văn bản");
    }

    @Test
    void oversizedTextIsRefused() {
        ResponseEntity<Map> response = complete(Map.of("draftNote", Map.of("value", "x".repeat(2001), "type", "String")));
        assertRefused(response, "dài 2001 ký tự, vượt quá giới hạn 2000 ký tự");
    }

    @Test
    void textWhereANumberBelongsIsRefusedInsideAList() {
        complete(Map.of("draftNote", Map.of("value", "Kính trình", "type", "String")));
        Task review = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.SNNMT).singleResult();
        ResponseEntity<Map> refused = post("snnmt.lanhdao", "/engine-rest/task/" + review.getId() + "/complete",
                Map.of("variables", Map.of("reviewDecision", Map.of("value", "XOA", "type", "String"))));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("message")).contains("«Ý kiến phê duyệt» có giá trị không nằm trong danh sách lựa chọn");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    }

    @Test
    void validCompletionIsAccepted() {
        ResponseEntity<Map> response = complete(Map.of("draftNote", Map.of("value", "Kính trình Lãnh đạo Sở", "type", "String")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(fixtures.status(PlanFixtures.SNNMT)).isEqualTo("SUBMITTED");
    }

    @Test
    void everyRoleFindsItsTasklistFiltersAndOnlyTheOfficeSeesItsOwn() {
        List<String> unit = names(http.withBasicAuth("kesat.cax", "demo").getForObject("/engine-rest/filter", List.class));
        assertThat(unit).contains("Việc của tôi", "Việc của đơn vị", "Sắp đến hạn", "Quá hạn")
                .noneMatch(name -> name.startsWith("Tất cả việc của"));
        assertThat(names(http.withBasicAuth("kesat.vhxh", "demo").getForObject("/engine-rest/filter", List.class)))
                .contains("Việc của tôi", "Tất cả việc của Phòng Văn hóa – Xã hội").doesNotContain("Tất cả việc của Văn phòng Sở");
        assertThat(names(http.withBasicAuth("snnmt.vp", "demo").getForObject("/engine-rest/filter", List.class)))
                .contains("Tất cả việc của Văn phòng Sở").doesNotContain("Tất cả việc của Phòng Văn hóa – Xã hội");
        String officeFilter = ((Map<?, ?>) http.withBasicAuth("snnmt.vp", "demo").getForObject("/engine-rest/filter", List.class).stream()
                .filter(f -> ((Map<?, ?>) f).get("name").equals("Tất cả việc của Văn phòng Sở")).findFirst().orElseThrow()).get("id").toString();
        List<?> listed = http.withBasicAuth("snnmt.vp", "demo").postForObject("/engine-rest/filter/" + officeFilter + "/list", null, List.class);
        assertThat(listed).hasSize(1);
        assertThat(((Map<?, ?>) listed.get(0)).get("description")).as("the task carries its context as description")
                .isEqualTo("Kế hoạch Truyền thông về Chuyển đổi số năm 2025");
    }

    private static List<String> names(List<?> filters) {
        return filters.stream().map(f -> (String) ((Map<?, ?>) f).get("name")).toList();
    }

    @Test
    void onlyTheOfficeAndLeadershipOfTheAgencyMonitorItsPlans() {
        // Issued on the exact calendar after its year: only the final report is asked, and it is overdue.
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        assertThat(http.withBasicAuth("snnmt.vp", "demo").getForEntity("/api/plans/" + PlanFixtures.SNNMT + "/acknowledgements",
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("snnmt.lanhdao", "demo").getForEntity("/monitor/plans/" + PlanFixtures.SNNMT,
                String.class).getBody()).contains("Kế hoạch Truyền thông về Chuyển đổi số năm 2025", "Chưa tiếp nhận");
        ResponseEntity<Map> unitUser = http.withBasicAuth("snnmt.tccb", "demo")
                .getForEntity("/api/plans/" + PlanFixtures.SNNMT + "/acknowledgements", Map.class);
        assertThat(unitUser.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) unitUser.getBody().get("message")).contains("Chỉ đơn vị đầu mối và lãnh đạo");
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForEntity("/api/plans/" + PlanFixtures.SNNMT + "/acknowledgements",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        List<?> visible = http.withBasicAuth("kesat.vhxh", "demo").getForObject("/api/plans", List.class);
        assertThat(visible).hasSize(1);

        ResponseEntity<Map> period = http.withBasicAuth("kesat.vhxh", "demo")
                .getForEntity("/api/plans/" + PlanFixtures.KESAT + "/periods/2025-10", Map.class);
        assertThat(period.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<?>) period.getBody().get("units")).hasSize(10)
                .allSatisfy(u -> assertThat(((Map<?, ?>) u).get("state")).isEqualTo("MISSING"));
        assertThat(http.withBasicAuth("kesat.cax", "demo").getForEntity("/api/plans/" + PlanFixtures.KESAT + "/periods/2025-10",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForEntity("/api/plans/" + PlanFixtures.KESAT + "/periods/2031-01",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.withBasicAuth("snnmt.vp", "demo").getForEntity("/monitor/plans/" + PlanFixtures.KESAT + "/difficulties",
                String.class).getStatusCode()).as("nor does another agency's Office").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("kesat.lanhdao", "demo").getForEntity("/monitor/plans/" + PlanFixtures.KESAT + "/difficulties",
                String.class).getBody()).contains("Khó khăn, vướng mắc", "Quá hạn xử lý");
        assertThat(http.withBasicAuth("kesat.lanhdao", "demo").getForEntity("/monitor/plans/" + PlanFixtures.KESAT + "/periods/FINAL",
                String.class).getBody()).contains("<h1>Báo cáo kết quả thực hiện kế hoạch (quý IV/2025)</h1>", "Chưa nộp: <strong>10</strong>");
    }

    @Test
    void errorsOfTheProjectsPagesAndApisAreVietnamese() {
        ResponseEntity<Map> json = http.withBasicAuth("kesat.vhxh", "demo").getForEntity("/api/khong-co-dia-chi-nay", Map.class);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json.getBody()).containsEntry("error", "Không tìm thấy")
                .containsEntry("message", "Không tìm thấy trang hoặc dữ liệu này. Hãy kiểm tra lại địa chỉ.")
                .doesNotContainKeys("trace", "exception");
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.withBasicAuth("kesat.vhxh", "demo").exchange("/monitor/khong-co", HttpMethod.GET,
                new HttpEntity<>(html), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("<h1>Không tìm thấy</h1>", "Hãy kiểm tra lại địa chỉ").doesNotContain("Whitelabel", "Not Found");
        ResponseEntity<Map> engine = http.withBasicAuth("kesat.vhxh", "demo").getForEntity("/engine-rest/task/khong-co", Map.class);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) engine.getBody().get("message")).startsWith("Không tìm thấy công việc này");
        ResponseEntity<Map> denied = http.withBasicAuth("kesat.cax", "demo").postForEntity("/engine-rest/task/create",
                Map.of("name", "Việc riêng"), Map.class);
        assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) denied.getBody().get("message")).startsWith("Bạn không có quyền tạo công việc")
                .doesNotContain("CREATE", "Task");
    }

    private void assertRefused(ResponseEntity<Map> response, String reason) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("message")).as("the message alone, without the engine's English prefix")
                .startsWith("Dữ liệu chưa hợp lệ, chưa lưu gì").contains(reason);
        assertThat(tasks.createTaskQuery().taskId(draftTask).count()).as("the task is still open").isEqualTo(1);
        assertThat(tasks.getVariable(draftTask, "draftNote")).as("nothing was written").isNull();
        assertThat(fixtures.status(PlanFixtures.SNNMT)).isEqualTo("DRAFT");
        assertThat(fixtures.count("select count(*) from dx_plan_review where plan_code = ?", PlanFixtures.SNNMT)).isZero();
    }

    private ResponseEntity<Map> complete(Map<String, Object> variables) {
        return post("snnmt.vp", "/engine-rest/task/" + draftTask + "/complete", Map.of("variables", variables));
    }

    private ResponseEntity<Map> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), Map.class);
    }
}
