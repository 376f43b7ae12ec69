package vn.haiphong.dx.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.plan.PlanReviewProcess;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.VietnameseText;

/**
 * Every refusal a person can run into in Tasklist, in headless Chromium: what the page shows is Vietnamese and
 * carries none of the engine's English (class names, permission names, "Cannot submit task form …").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-browser-refusals;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class TasklistRefusalJourneyTests {

    /** Words of the engine's and the webapps' English refusals. */
    static final List<String> ENGLISH = List.of("Cannot", "cannot", "No matching", "not authorized", "Exception", "The user with id",
            "permission", "does not exist", "already claimed", "Internal Server Error", "Not Found", "Forbidden");

    @LocalServerPort int port;
    @Autowired PlanFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @Test
    void everyRefusalAPersonMeetsInTasklistIsVietnamese() throws Exception {
        // The engine lives on 01/10/2025, 9 o'clock, while the seed plan runs (its reporting closed in January 2026).
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(java.time.Duration.between(java.time.Instant.now(),
                java.time.LocalDateTime.of(2025, 10, 1, 9, 0).atZone(vn.haiphong.dx.plan.PlanService.ZONE).toInstant()).toMillis());
        List<String> shown = new ArrayList<>();
        fixtures.freshDraft(PlanFixtures.KESAT);
        complete(PlanReviewProcess.Activities.SUBMIT_DRAFT, "kesat.vhxh", "kesat-vhxh", Map.of("draftNote", "Kính trình"));
        try (Browser browser = new Browser(port, "refusals")) {
            browser.attemptLogin("kesat.cax", "sai-mat-khau");
            browser.waitForText("Đăng nhập không thành công");
            shown.add(record(browser, "wrong-password", browser.text()));

            // Leadership returns the draft without saying what to change: the server's rule.
            browser.login("kesat.lanhdao", "demo");
            browser.filter("Việc của đơn vị");
            browser.task("Xem xét, phê duyệt dự thảo kế hoạch");
            browser.choose("Trả lại để chỉnh sửa");
            browser.submit();
            String returned = browser.notification();
            assertThat(returned).contains("«Ý kiến của lãnh đạo» là bắt buộc");
            shown.add(record(browser, "return-without-comments", returned));
            browser.clearNotifications();

            // A colleague decided meanwhile: the task is gone when this person presses "Hoàn thành".
            browser.choose("Phê duyệt dự thảo");
            complete(PlanReviewProcess.Activities.REVIEW_DRAFT, "kesat.lanhdao", "kesat-lanhdao", Map.of("reviewDecision", "APPROVE"));
            browser.submit();
            String gone = browser.notification();
            assertThat(gone).contains("Không tìm thấy công việc");
            shown.add(record(browser, "task-completed-by-a-colleague", gone));

            // Leadership belongs to no unit of the plan: it cannot report a unit's difficulty.
            browser.login("kesat.lanhdao", "demo");
            browser.startProcess("Báo cáo khó khăn, vướng mắc");
            browser.type("difficultyDescription", "Thiếu máy tính");
            browser.choose("Bình thường");
            browser.submitStart();
            String notAUnit = browser.notification();
            assertThat(notAUnit).contains("không thuộc đơn vị nào");
            shown.add(record(browser, "difficulty-by-leadership", notAUnit));
        }

        complete(PlanReviewProcess.Activities.RECORD_ISSUANCE, "kesat.vhxh", "kesat-vhxh",
                Map.of("documentNumber", "29/KH-UBND", "issuedOn", "2025-09-30"));
        fixtures.executeJobs();
        Task caxTask = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN)
                .taskCandidateGroup("kesat-cax").singleResult();
        Task officeTask = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN)
                .taskCandidateGroup("kesat-vhxh").singleResult();
        try (Browser browser = new Browser(port, "refusals-units")) {
            // Someone else took the task between the list and the click on "Nhận việc".
            browser.login("kesat.vhxh", "demo");
            browser.filter("Việc của đơn vị");
            browser.taskUnclaimed("Tiếp nhận kế hoạch");
            tasks.claim(officeTask.getId(), "dong.nghiep");
            browser.click("Nhận việc");
            String claimed = browser.notification();
            assertThat(claimed).contains("đã được người dùng «dong.nghiep» nhận xử lý");
            shown.add(record(browser, "claimed-by-a-colleague", claimed));

            // A unit opens another unit's task by its address.
            browser.login("kesat.dtn", "demo");
            browser.open("/camunda/app/tasklist/default/#/?task=" + caxTask.getId());
            String foreign = browser.notification();
            // The sentence alone: without Tasklist's "<task> <- " in front, and once, not as title and text.
            assertThat(foreign).contains("Không tìm thấy công việc này: có thể đã được xử lý xong, đã bị xóa hoặc bạn không có quyền xem.")
                    .doesNotContain("<").doesNotContain("&lt;");
            assertThat(foreign.split("Không tìm thấy công việc này", -1)).hasSize(2);
            shown.add(record(browser, "another-units-task", foreign));
        }

        List<String> problems = new ArrayList<>();
        for (String text : shown) {
            if (ENGLISH.stream().anyMatch(text::contains)) {
                problems.add("English in: " + text);
            }
            if (!VietnameseText.isVietnamese(text)) {
                problems.add("not Vietnamese: " + text);
            }
        }
        assertThat(problems).isEmpty();
        System.out.printf("Tasklist refusals: %d paths, each shown in Vietnamese%n", shown.size());
    }

    private static String record(Browser browser, String name, String text) throws Exception {
        browser.shot(name);
        return text;
    }

    private void complete(String activity, String user, String group, Map<String, Object> values) {
        identity.setAuthentication(user, List.of(group));
        try {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).taskDefinitionKey(activity).singleResult();
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }
}
