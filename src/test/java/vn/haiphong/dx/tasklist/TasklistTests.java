package vn.haiphong.dx.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.plan.PlanReviewProcess;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.TasklistSession;
import vn.haiphong.dx.support.TestUsers;

/**
 * Tasklist as people meet it: short task names with the plan's number and its title as description; the landing
 * filter "Việc của tôi" lists what each person can act on; leadership decides without claiming; an installation of
 * the first release gets the new filters, an administrator's filter stays as they left it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-tasklist;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class TasklistTests {

    static final String NUMBER = "29/KH-UBND";

    @Autowired TestRestTemplate http;
    @Autowired PlanFixtures fixtures;
    @Autowired Plans catalog;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired FilterService filters;
    @Autowired TasklistFilters tasklistFilters;

    String title;

    @BeforeEach
    void freshPlan() {
        // While the commune's plan runs (its reporting closed in January 2026).
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDateTime.of(2025, 9, 29, 9, 0)
                .atZone(vn.haiphong.dx.plan.PlanService.ZONE).toInstant()));
        fixtures.freshDraft(PlanFixtures.KESAT);
        title = catalog.get(PlanFixtures.KESAT).title();
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        TestUsers.remove(identity, "kesat.cax2", "kesat.lanhdao2");
    }

    @Test
    void tasksAreNamedShortWithThePlansNumberAndCarryItsTitleAsDescription() {
        Task draft = only(PlanReviewProcess.Activities.SUBMIT_DRAFT);
        assertThat(draft.getName()).as("before issuance: the plan's code").isEqualTo("Hoàn thiện, trình dự thảo kế hoạch – kesat-ncds-2025");
        assertThat(draft.getDescription()).isEqualTo(title);

        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        Task cax = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN).taskCandidateGroup("kesat-cax")
                .singleResult();
        assertThat(cax.getName()).isEqualTo("Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác – Công an xã – 29/KH-UBND");
        assertThat(cax.getDescription()).isEqualTo(title + " (số 29/KH-UBND)");

        ProcessInstance report = fixtures.kesatReport("2025-10");
        assertThat(tasks.createTaskQuery().processInstanceId(report.getId()).singleResult().getName())
                .isEqualTo("Hoàn thiện, trình báo cáo tổng hợp tháng 10/2025 – 29/KH-UBND");

        ProcessInstance difficulty = fixtures.reportDifficulty("kesat.cax", "kesat-cax", "Thiếu máy tính bảng để hướng dẫn người dân");
        assertThat(tasks.createTaskQuery().processInstanceId(difficulty.getId()).singleResult().getName())
                .isEqualTo("Xử lý khó khăn, vướng mắc của đơn vị – Công an xã: Thiếu máy tính bảng để hướng dẫn người dân – 29/KH-UBND");

        assertThat(tasks.createTaskQuery().list()).as("no task repeats the plan's title in its name")
                .allSatisfy(task -> assertThat(task.getName()).doesNotContain(title).hasSizeLessThanOrEqualTo(TaskNames.MAX_NAME));
    }

    @Test
    void theLandingFilterListsEachPersonsAssignedTasksAndTheirGroupsUnclaimedOnes() {
        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        TestUsers.colleague(identity, "kesat.cax2", "kesat-cax");
        Task cax = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN).taskCandidateGroup("kesat-cax")
                .singleResult();

        assertThat(landing("kesat.cax")).as("the unit's unclaimed task").containsExactly(cax.getName());
        assertThat(landing("kesat.cax2")).containsExactly(cax.getName());
        assertThat(landing("kesat.vhxh")).as("the Office's own part of the plan")
                .containsExactly("Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác – Phòng Văn hóa – Xã hội – 29/KH-UBND");
        assertThat(landing("kesat.lanhdao")).as("nothing waits for leadership yet").isEmpty();
        assertThat(landing("admin")).isEmpty();

        tasks.claim(cax.getId(), "kesat.cax2");
        assertThat(landing("kesat.cax2")).as("the colleague's own task").containsExactly(cax.getName());
        assertThat(landing("kesat.cax")).as("taken by a colleague: not this person's to act on").isEmpty();
        assertThat(list("kesat.cax", TasklistFilters.UNIT_TASKS)).as("the unit's queue still shows it").containsExactly(cax.getName());

        ProcessInstance report = fixtures.kesatReport("2025-10");
        completeAs("kesat.vhxh", "kesat-vhxh", tasks.createTaskQuery().processInstanceId(report.getId()).singleResult(),
                Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY, "Tình hình chung.", ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, "Tốt."));
        assertThat(landing("kesat.lanhdao")).as("the report to approve, assigned to the leader")
                .containsExactly("Phê duyệt báo cáo tổng hợp tháng 10/2025 – 29/KH-UBND");
    }

    @Test
    void leadershipDecidesWithoutClaimingWhenItIsOnePerson() {
        Task review = submitDraft();
        assertThat(review.getAssignee()).isEqualTo("kesat.lanhdao");
        ResponseEntity<String> decided = http.withBasicAuth("kesat.lanhdao", "demo").postForEntity(
                "/engine-rest/task/" + review.getId() + "/submit-form",
                Map.of("variables", Map.of("reviewDecision", Map.of("value", "APPROVE", "type", "String"))), String.class);
        assertThat(decided.getStatusCode()).as(decided.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(only(PlanReviewProcess.Activities.RECORD_ISSUANCE).getAssignee()).as("the Office keeps claiming").isNull();

        TestUsers.colleague(identity, "kesat.lanhdao2", "kesat-lanhdao");
        fixtures.freshDraft(PlanFixtures.KESAT);
        assertThat(submitDraft().getAssignee()).as("two leaders: the one who decides claims it").isNull();
    }

    @Test
    void anEarlierReleasesFiltersAreUpgradedInPlaceAndAnAdministratorsFilterIsKept() {
        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        Filter mine = shared(TasklistFilters.MY_TASKS);
        // As the first release left it: only the person's assigned tasks, a column repeating the context.
        filters.saveFilter(mine.setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc())
                .setProperties(new HashMap<>(Map.of("priority", -10, "description", "Công việc đang giao cho tôi", "refresh", true,
                        "variables", List.of(Map.of("name", "taskContext", "label", "Kế hoạch – đơn vị"))))));
        Filter overdue = shared(TasklistFilters.OVERDUE);
        // Saved in Tasklist's filter dialog, which writes its own properties only.
        Map<String, Object> administrators = new HashMap<>(Map.of("priority", 5, "description", "Quá hạn (do quản trị sửa)",
                "refresh", false, "color", "#555555", "showUndefinedVariable", false, "variables", List.of()));
        filters.saveFilter(overdue.setProperties(administrators));
        assertThat(landing("kesat.cax")).as("the first release's filter").isEmpty();

        tasklistFilters.run(null);

        Filter upgraded = shared(TasklistFilters.MY_TASKS);
        assertThat(upgraded.getId()).as("the same filter, so its grants stay").isEqualTo(mine.getId());
        assertThat(upgraded.getProperties()).containsEntry(TasklistFilters.REVISION_PROPERTY, TasklistFilters.REVISION)
                .containsEntry("variables", List.of());
        assertThat(landing("kesat.cax")).hasSize(1);
        assertThat(shared(TasklistFilters.OVERDUE).getProperties()).as("an administrator's filter").isEqualTo(administrators);
        assertThat(filters.createFilterQuery().filterName(TasklistFilters.MY_TASKS).count()).isEqualTo(1);
    }

    private Task submitDraft() {
        completeAs("kesat.vhxh", "kesat-vhxh", only(PlanReviewProcess.Activities.SUBMIT_DRAFT), Map.of("draftNote", "Kính trình"));
        return only(PlanReviewProcess.Activities.REVIEW_DRAFT);
    }

    /** The names Tasklist lists in the filter for the person, asked as Tasklist asks (its session, its query). */
    @SuppressWarnings("unchecked")
    private List<String> list(String user, String filterName) {
        TasklistSession session = TasklistSession.login(http, user, user.equals("admin") ? "admin" : "demo");
        List<Map<String, Object>> visible = session.exchange("/camunda/api/engine/engine/default/filter", HttpMethod.GET, null, List.class)
                .getBody();
        String id = visible.stream().filter(f -> filterName.equals(f.get("name"))).findFirst().orElseThrow().get("id").toString();
        ResponseEntity<List> page = session.exchange("/camunda/api/engine/engine/default/filter/" + id + "/list?firstResult=0&maxResults=15",
                HttpMethod.POST, Map.of("processVariables", List.of(), "taskVariables", List.of(), "caseInstanceVariables", List.of(),
                        "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))), List.class);
        assertThat(page.getStatusCode()).as(String.valueOf(page.getBody())).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody()).stream().map(t -> (String) t.get("name")).toList();
    }

    private List<String> landing(String user) {
        return list(user, TasklistFilters.MY_TASKS);
    }

    private Filter shared(String name) {
        return filters.createFilterQuery().filterName(name).list().stream().filter(f -> f.getOwner() == null).findFirst().orElseThrow();
    }

    private Task only(String activity) {
        return tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).taskDefinitionKey(activity).singleResult();
    }

    private void completeAs(String user, String group, Task task, Map<String, Object> values) {
        fixtures.completeAs(user, group, task.getId(), values);
    }
}
