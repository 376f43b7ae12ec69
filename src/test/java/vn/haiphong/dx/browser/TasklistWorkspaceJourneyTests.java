package vn.haiphong.dx.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.plan.PlanReviewProcess;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.SeedPlansYear;

/**
 * Tasklist in headless Chromium as each role opens it: the landing filter "Việc của tôi" holds the person's work with
 * short names, urgent difficulties first; leadership decides without claiming; "Tạo công việc" is offered to
 * administrators only (the refusal without Tasklist's technical prefix is in {@link TasklistRefusalJourneyTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-browser-tasklist;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@SeedPlansYear
class TasklistWorkspaceJourneyTests {

    static final String CREATE_TASK = "Tạo công việc";

    @LocalServerPort int port;
    @Autowired PlanFixtures fixtures;
    @Autowired TaskService tasks;

    @Test
    void eachRoleLandsOnItsOwnWorkAndOnlyAdministratorsMayCreateTasks() throws Exception {
        fixtures.freshDraft(PlanFixtures.KESAT);
        complete(PlanReviewProcess.Activities.SUBMIT_DRAFT, "kesat.vhxh", "kesat-vhxh", Map.of("draftNote", "Kính trình"));
        try (Browser browser = new Browser(port, "tasklist-workspace")) {
            // Leadership lands on the draft to review, assigned to it: the form is open, nothing to claim.
            browser.login("kesat.lanhdao", "demo");
            browser.filter("Việc của tôi");
            browser.taskUnclaimed("Xem xét, phê duyệt dự thảo kế hoạch – kesat-ncds-2025");
            browser.shot("leadership-lands-on-its-decision");
            assertThat(browser.text()).doesNotContain("Nhận việc").doesNotContain(CREATE_TASK);
            browser.choose("Phê duyệt dự thảo");
            browser.complete();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT)
                    .taskDefinitionKey(PlanReviewProcess.Activities.RECORD_ISSUANCE).count()).as("decided").isEqualTo(1);

            complete(PlanReviewProcess.Activities.RECORD_ISSUANCE, "kesat.vhxh", "kesat-vhxh",
                    Map.of("documentNumber", "29/KH-UBND", "issuedOn", "2025-09-30"));
            fixtures.executeJobs();

            // A unit lands on its own part of the plan, by a short name; it may not create tasks.
            browser.login("kesat.cax", "demo");
            browser.filter("Việc của tôi");
            browser.taskUnclaimed("Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác – Công an xã – 29/KH-UBND");
            browser.shot("unit-lands-on-its-work");
            assertThat(browser.text()).doesNotContain(CREATE_TASK);
            assertThat(createTaskShown(browser)).as("a unit").isFalse();

            browser.login("admin", "admin");
            browser.waitForText(CREATE_TASK);
            browser.shot("administrator-may-create-tasks");
            assertThat(createTaskShown(browser)).as("an administrator").isTrue();

            // Two difficulties reach the Office: the urgent one, raised first, leads its list; Tasklist's own order
            // (newest first) would have put it second.
            fixtures.reportDifficulty("kesat.cax", "kesat-cax", Map.of(DifficultyProcess.Vars.DESCRIPTION,
                    "Thiếu thiết bị đọc căn cước cho người dân.", DifficultyProcess.Vars.URGENCY, "URGENT"));
            fixtures.reportDifficulty("kesat.thon", "kesat-thon", "Chưa có danh sách tổ công nghệ số.");
            browser.login("kesat.vhxh", "demo");
            browser.filter("Việc của tôi");
            List<String> office = browser.taskNames(3);
            browser.shot("office-urgent-difficulty-first");
            assertThat(office.get(0)).as("%s", office).startsWith("Xử lý khó khăn").contains("Công an xã");
            assertThat(office.stream().filter(name -> name.startsWith("Xử lý khó khăn")).toList()).as("%s", office)
                    .hasSize(2).last().asString().contains("Các thôn trên địa bàn xã");
            assertThat((String) browser.script("return decodeURIComponent(location.hash);")).contains("\"sortBy\":\"priority\"");
            browser.taskUnclaimed("Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác – Phòng Văn hóa – Xã hội");
            assertThat(createTaskShown(browser)).as("the Office").isFalse();
        }
    }

    private static boolean createTaskShown(Browser browser) {
        return (Boolean) browser.script("""
                const action = document.querySelector('.create-task-action');
                return !!action && action.offsetParent !== null;""");
    }

    private void complete(String activity, String user, String group, Map<String, Object> values) {
        fixtures.completeAs(user, group, tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT)
                .taskDefinitionKey(activity).singleResult().getId(), values);
    }
}
