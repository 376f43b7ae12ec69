package vn.haiphong.dx.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.TasklistSession;

/**
 * A unit's difficulty is seen and handled only by that unit, its agency's Office and leadership: checked
 * over real HTTP through the REST API and through Tasklist's own API (session login with CSRF token).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-access;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class DifficultyAccessTests {

    private static final String TASKS = "?processDefinitionKey=" + DifficultyProcess.ID;

    @Autowired TestRestTemplate http;
    @Autowired PlanFixtures fixtures;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;

    String officeTask;

    @BeforeEach
    void reportedDifficulty() {
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        runtime.startProcessInstanceByKey(DifficultyProcess.ID, Map.of(DifficultyProcess.Vars.DESCRIPTION,
                "Thiếu thiết bị", DifficultyProcess.Vars.URGENCY, "URGENT"));
        identity.clearAuthentication();
        officeTask = tasks.createTaskQuery().processDefinitionKey(DifficultyProcess.ID).singleResult().getId();
    }

    @AfterEach
    void clear() {
        identity.clearAuthentication();
    }

    @Test
    void restShowsTheDifficultyOnlyToItsOfficeAndHidesItFromOtherUnitsAndAgencies() {
        assertThat(restTasks("kesat.vhxh")).hasSize(1);
        assertThat(restTasks("kesat.dtn")).as("another unit of the commune").isEmpty();
        assertThat(restTasks("snnmt.vp")).as("the other agency's Office").isEmpty();
        assertThat(http.withBasicAuth("kesat.dtn", "demo").getForObject("/engine-rest/process-instance" + TASKS, List.class)).isEmpty();
        assertThat(http.withBasicAuth("kesat.dtn", "demo").getForObject("/engine-rest/task/" + officeTask + "/variables", Map.class))
                .as("variables are refused").containsKey("message");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> act = http.withBasicAuth("kesat.dtn", "demo").exchange("/engine-rest/task/" + officeTask + "/complete",
                HttpMethod.POST, new HttpEntity<>(Map.of("variables", Map.of("officeDecision", Map.of("value", "ANSWER"),
                        "officeAnswer", Map.of("value", "Tự giải quyết"))), json), String.class);
        assertThat(act.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> claim = http.withBasicAuth("kesat.dtn", "demo").exchange("/engine-rest/task/" + officeTask + "/claim",
                HttpMethod.POST, new HttpEntity<>(Map.of("userId", "kesat.dtn"), json), String.class);
        assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(tasks.createTaskQuery().taskId(officeTask).singleResult().getAssignee()).isNull();
    }

    @Test
    void monitoringShowsTheDifficultyToItsUnitOfficeAndLeadershipOnly() {
        assertThat(http.withBasicAuth("kesat.cax", "demo").getForObject("/api/plans/" + PlanFixtures.KESAT + "/difficulties", List.class))
                .as("the reporting unit sees its own").hasSize(1);
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForObject("/api/plans/" + PlanFixtures.KESAT + "/difficulties", List.class))
                .hasSize(1);
        assertThat(http.withBasicAuth("kesat.lanhdao", "demo").getForObject("/api/plans/" + PlanFixtures.KESAT + "/difficulties", List.class))
                .hasSize(1);
        assertThat(http.withBasicAuth("kesat.dtn", "demo").getForObject("/api/plans/" + PlanFixtures.KESAT + "/difficulties", List.class))
                .as("another unit sees none").isEmpty();
        assertThat(http.withBasicAuth("snnmt.vp", "demo").getForEntity("/api/plans/" + PlanFixtures.KESAT + "/difficulties", String.class)
                .getStatusCode()).as("another agency is refused").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void tasklistShowsTheDifficultyOnlyToItsOffice() {
        assertThat(tasklistTasks("kesat.vhxh")).hasSize(1);
        assertThat(tasklistTasks("kesat.dtn")).isEmpty();
        assertThat(tasklistTasks("snnmt.vp")).isEmpty();
    }

    private List<?> restTasks(String user) {
        return http.withBasicAuth(user, "demo").getForObject("/engine-rest/task" + TASKS, List.class);
    }

    private List<?> tasklistTasks(String user) {
        ResponseEntity<List> list = TasklistSession.login(http, user, "demo")
                .exchange("/camunda/api/engine/engine/default/task" + TASKS, HttpMethod.GET, null, List.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        return list.getBody();
    }
}
