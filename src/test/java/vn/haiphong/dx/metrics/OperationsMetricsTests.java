package vn.haiphong.dx.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.support.PlanFixtures;

/**
 * The operators' Prometheus endpoint after a scripted stretch of a plan's life, on the exact calendar with the
 * engine clock moved: the plan issued, three of ten units acknowledged and late with October's report, a difficulty
 * waiting at the Office, and October's consolidated report failing every dispatch (no mail server answers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dx-metrics;DB_CLOSE_DELAY=-1",
        // A mail server that refuses every connection: each dispatch fails.
        "spring.mail.host=127.0.0.1", "spring.mail.port=9", "dx.mail.from=bao-cao@test.invalid",
        "app.metrics.cache=0s"})
@ActiveProfiles("test")
// Spring Boot's tests leave metric exporters off unless asked: the Prometheus registry and endpoint as in production.
@AutoConfigureObservability(tracing = false)
class OperationsMetricsTests {

    private static final String PLAN = PlanFixtures.KESAT;
    private static final List<String> ACKNOWLEDGING = List.of("TTVH", "PKT", "CAX");

    @Autowired TestRestTemplate http;
    @Autowired PlanFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired FormService forms;
    @Autowired IdentityService identity;

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void theEndpointShowsTheBusinessFiguresOfAScriptedPeriodToAdministratorsAndTheMonitoringGroupOnly() {
        clock(2025, 9, 25);
        fixtures.freshIssued(PLAN, "31/KH-UBND");
        for (String unit : ACKNOWLEDGING) {
            Task acknowledgement = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN)
                    .taskCandidateGroup("kesat-" + unit.toLowerCase()).singleResult();
            completeAs("kesat-" + unit.toLowerCase(), acknowledgement.getId(), Map.of(UnitPlanProcess.Vars.PERSON_IN_CHARGE,
                    "Cán bộ phụ trách", UnitPlanProcess.Vars.PLANNED_ACTIVITIES, "Tháng 10: Tuyên truyền"));
        }
        fixtures.executeJobs();
        // October's reports were due on 05/11; nobody has sent one. November's are open, not yet due.
        clock(2025, 11, 7);
        fixtures.executeJobs();
        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        forms.submitStartForm(repository.createProcessDefinitionQuery().processDefinitionKey(DifficultyProcess.ID).latestVersion()
                .singleResult().getId(), new HashMap<>(Map.of(DifficultyProcess.Vars.DESCRIPTION, "Thiếu điện thoại thông minh",
                DifficultyProcess.Vars.URGENCY, "URGENT")));
        identity.clearAuthentication();
        Job dispatch = failingDispatchOfOctober();

        Map<String, Double> metrics = scrape("admin", "admin");
        assertThat(metrics).containsEntry("dx_reports_overdue", 3.0)
                // The seven units that have not acknowledged were due to by 02/10 (five working days after issuance).
                .containsEntry("dx_acknowledgements_overdue", 7.0)
                .containsEntry("dx_tasks_open{process=\"UnitPlanProcess\"}", 7.0)
                .containsEntry("dx_difficulties_open{stage=\"AT_OFFICE\"}", 1.0)
                .containsEntry("dx_difficulties_open{stage=\"AT_LEADERSHIP\"}", 0.0)
                .containsEntry("dx_dispatch_failures{state=\"incident\"}", 1.0)
                .containsEntry("dx_dispatch_failures{state=\"retrying\"}", 0.0)
                .containsEntry("dx_incidents_open", 1.0)
                .containsEntry("dx_jobs_failed", 1.0)
                .containsEntry("dx_jobs_executable", (double) management.createJobQuery().executable().count());
        for (String process : List.of(PeriodicReportProcess.ID, DifficultyProcess.ID, ConsolidatedReportProcess.ID, PlanIssuanceProcess.ID)) {
            assertThat(metrics).containsEntry("dx_tasks_open{process=\"" + process + "\"}",
                    (double) tasks.createTaskQuery().processDefinitionKey(process).count());
        }
        assertThat(metrics.get("dx_tasks_open{process=\"" + PeriodicReportProcess.ID + "\"}"))
                .as("October's and November's reports").isEqualTo(6.0);
        assertThat(metrics.get("dx_tasks_open{process=\"" + PlanIssuanceProcess.ID + "\"}"))
                .as("the Office's one urging of October's late units, and its urging of the units that have not acknowledged")
                .isEqualTo(2.0);

        // The dispatch succeeds on a later try (a retry by an administrator): the figures follow.
        management.setJobRetries(dispatch.getId(), 1);
        assertThat(scrape("admin", "admin")).containsEntry("dx_dispatch_failures{state=\"retrying\"}", 1.0)
                .containsEntry("dx_dispatch_failures{state=\"incident\"}", 0.0);
    }

    @Test
    void anonymousAndUnitUsersAreRefusedTheMonitoringAccountIsNot() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> unit = http.withBasicAuth("kesat.cax", "demo").getForEntity("/actuator/prometheus", String.class);
        assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unit.getBody()).contains("Chỉ quản trị hệ thống và nhóm Giám sát vận hành");
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .as("the Office").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).as("health stays open").isEqualTo(HttpStatus.OK);

        if (identity.createUserQuery().userId("prometheus").count() == 0) {
            User user = identity.newUser("prometheus");
            user.setPassword("Giam-Sat-2026!");
            identity.saveUser(user);
            identity.createMembership("prometheus", "dx-monitoring");
        }
        assertThat(scrape("prometheus", "Giam-Sat-2026!")).containsKey("dx_reports_overdue");
    }

    /** October's consolidated report, compiled and approved; its dispatch tried until it has no try left. */
    private Job failingDispatchOfOctober() {
        Task compile = tasks.createTaskQuery().processDefinitionKey(ConsolidatedReportProcess.ID)
                .taskDefinitionKey(ConsolidatedReportProcess.Activities.COMPILE_REPORT).singleResult();
        completeAs("kesat-vhxh", compile.getId(), Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY, "Tình hình chung.",
                ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, "Đánh giá."));
        Task approve = tasks.createTaskQuery().processInstanceId(compile.getProcessInstanceId()).singleResult();
        completeAs("kesat-lanhdao", approve.getId(), Map.of(ConsolidatedReportProcess.Vars.APPROVAL_DECISION,
                ConsolidatedReportProcess.Decisions.APPROVE));
        Job dispatch = management.createJobQuery().processInstanceId(compile.getProcessInstanceId()).singleResult();
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> management.executeJob(dispatch.getId())).hasMessageContaining("Sending the report");
        }
        assertThat(runtime.createIncidentQuery().configuration(dispatch.getId()).count()).isOne();
        return dispatch;
    }

    private void completeAs(String group, String taskId, Map<String, Object> values) {
        identity.setAuthentication(group.replace('-', '.'), List.of(group));
        try {
            tasks.complete(taskId, values);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The endpoint's samples by name and labels, e.g. {@code dx_tasks_open{process="UnitPlanProcess"}}. */
    private Map<String, Double> scrape(String user, String password) {
        ResponseEntity<String> response = http.withBasicAuth(user, password).getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Double> samples = new HashMap<>();
        Matcher line = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*\\})?) (\\S+)$").matcher(response.getBody());
        while (line.find()) {
            samples.put(line.group(1), Double.valueOf(line.group(2)));
        }
        return samples;
    }

    private static void clock(int year, int month, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, 9, 0).atZone(PlanService.ZONE).toInstant()));
    }
}
