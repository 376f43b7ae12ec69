package vn.haiphong.dx.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.support.PlanFixtures;

/**
 * An administrator changes the difficulty process, deploys it with its forms and moves the running difficulties to
 * the new version with the migration tool: none is lost, and their tasks open and complete on the new version. A
 * later version that drops the activity where a difficulty waits cannot be moved to, and the tool says why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-migration;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
class MigrationApiTests {

    private static final String BASE = "/api/admin/migration";
    private static final String KEY = DifficultyProcess.ID;
    private static final String HANDLE_NAME = "Xử lý khó khăn, vướng mắc của đơn vị";

    @Autowired TestRestTemplate http;
    @Autowired PlanFixtures fixtures;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;

    @Test
    void runningDifficultiesMoveToTheNewVersionWithNoneLostAndWhatCannotBeMappedIsRefused() throws IOException {
        fixtures.freshIssued(PlanFixtures.KESAT, "33/KH-UBND");
        ProcessInstance first = reportDifficulty("Thiếu điện thoại thông minh");
        ProcessInstance second = reportDifficulty("Thiếu đường truyền tại nhà văn hóa thôn");
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count();
        List<String> taskIds = tasks.createTaskQuery().processDefinitionKey(KEY).list().stream().map(Task::getId).sorted().toList();
        int oldVersion = latest().getVersion();

        String changed = shippedModel().replace("name=\"" + HANDLE_NAME + "\"", "name=\"" + HANDLE_NAME + " (bản sửa)\"");
        deployWithForms(changed);
        int newVersion = latest().getVersion();
        assertThat(newVersion).isEqualTo(oldVersion + 1);

        Map<String, Object> process = get("admin", "admin", BASE + "/processes", new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .getBody().stream().filter(p -> KEY.equals(p.get("key"))).findFirst().orElseThrow();
        assertThat(process.get("latestVersion")).isEqualTo(newVersion);
        assertThat(process.get("versions")).asList().extracting("version", "runningInstances", "latest")
                .contains(org.assertj.core.groups.Tuple.tuple(oldVersion, (int) running, false),
                        org.assertj.core.groups.Tuple.tuple(newVersion, 0, true));

        Map<String, Object> plan = plan(oldVersion).getBody();
        assertThat(plan).containsEntry("instances", (int) running).containsEntry("targetVersion", newVersion);
        assertThat(plan.get("unmapped")).asList().isEmpty();
        assertThat(plan.get("mappings")).asList().extracting("sourceActivityId").contains(DifficultyProcess.Activities.HANDLE);
        assertThat(plan.get("message")).isEqualTo("Có thể chuyển " + running + " quy trình đang chạy của " + KEY
                + " từ phiên bản " + oldVersion + " sang phiên bản " + newVersion + ".");

        assertThat(migrate("kesat.vhxh", "demo", oldVersion).getStatusCode()).as("the Office").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("kesat.vhxh", "demo", BASE + "/processes", new ParameterizedTypeReference<Object>() {}).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(BASE + "/processes", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map<String, Object>> started = migrate("admin", "admin", oldVersion);
        assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
        String batch = (String) started.getBody().get("batchId");
        assertThat(started.getBody()).containsEntry("instances", (int) running);
        fixtures.executeJobs();
        Map<String, Object> progress = get("admin", "admin", BASE + "/batches/" + batch,
                new ParameterizedTypeReference<Map<String, Object>>() {}).getBody();
        assertThat(progress).containsEntry("failedJobs", 0);
        assertThat(progress.get("completedJobs")).isEqualTo(progress.get("totalJobs"));

        String newDefinition = latest().getId();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(KEY).count()).as("no instance lost").isEqualTo(running);
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(java.util.Set.of(first.getId(), second.getId())).list())
                .allMatch(i -> i.getProcessDefinitionId().equals(newDefinition));
        assertThat(tasks.createTaskQuery().processDefinitionKey(KEY).list()).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(taskIds)
                .allSatisfy(id -> assertThat(forms.getDeployedTaskForm(id)).as("the task's form opens").isNotNull());

        // The Office answers the first difficulty on the new version; the unit is asked to confirm.
        Task handle = tasks.createTaskQuery().processInstanceId(first.getId()).singleResult();
        identity.setAuthentication("kesat.vhxh", List.of("kesat-vhxh"));
        tasks.complete(handle.getId(), Map.of(DifficultyProcess.Vars.OFFICE_DECISION, DifficultyProcess.Decisions.ANSWER,
                DifficultyProcess.Vars.OFFICE_ANSWER, "Xã hỗ trợ 05 máy"));
        identity.clearAuthentication();
        assertThat(tasks.createTaskQuery().processInstanceId(first.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo(DifficultyProcess.Activities.CONFIRM_RESOLUTION);

        // A version without the Office's task: the second difficulty waits there, so nothing is moved.
        deployWithForms(changed.replace("\"" + DifficultyProcess.Activities.HANDLE + "\"", "\"Task_HandleDifficultyAtOffice\""));
        ResponseEntity<Map<String, Object>> refused = plan(newVersion);
        assertThat(refused.getBody().get("unmapped")).asList().extracting("activityId", "name", "instances")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DifficultyProcess.Activities.HANDLE, HANDLE_NAME + " (bản sửa)", 1));
        String why = "Chưa thể chuyển các quy trình đang chạy của " + KEY + " từ phiên bản " + newVersion + " sang phiên bản "
                + (newVersion + 1) + ": phiên bản " + (newVersion + 1) + " không có hoạt động tương ứng với «" + HANDLE_NAME
                + " (bản sửa)» (" + DifficultyProcess.Activities.HANDLE + "), nơi 1 quy trình đang dừng.";
        assertThat((String) refused.getBody().get("message")).startsWith(why);
        ResponseEntity<Map<String, Object>> notMoved = migrate("admin", "admin", newVersion);
        assertThat(notMoved.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) notMoved.getBody().get("message")).startsWith(why);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(newDefinition).count()).isEqualTo(running);
    }

    private ProcessInstance reportDifficulty(String description) {
        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        try {
            return forms.submitStartForm(latest().getId(), new HashMap<>(Map.of(DifficultyProcess.Vars.DESCRIPTION, description,
                    DifficultyProcess.Vars.URGENCY, "NORMAL")));
        } finally {
            identity.clearAuthentication();
        }
    }

    private ProcessDefinition latest() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
    }

    private String shippedModel() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + KEY + ".bpmn")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The model with every form it refers to, as an administrator deploys a changed model. */
    private void deployWithForms(String model) throws IOException {
        DeploymentBuilder deployment = repository.createDeployment().name("DifficultyProcess, changed (test)")
                .addString(KEY + ".bpmn", model);
        var parsed = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(model.getBytes(StandardCharsets.UTF_8)));
        java.util.Set<String> formIds = new java.util.TreeSet<>();
        parsed.getModelElementsByType(UserTask.class).forEach(t -> formIds.add(t.getCamundaFormRef()));
        parsed.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream()
                .filter(e -> e.getCamundaFormRef() != null).forEach(e -> formIds.add(e.getCamundaFormRef()));
        for (String form : formIds) {
            try (InputStream in = getClass().getResourceAsStream("/" + form + ".form")) {
                deployment.addString(form + ".form", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        deployment.deploy();
    }

    private ResponseEntity<Map<String, Object>> plan(int version) {
        return get("admin", "admin", BASE + "/processes/" + KEY + "/versions/" + version,
                new ParameterizedTypeReference<Map<String, Object>>() {});
    }

    private ResponseEntity<Map<String, Object>> migrate(String user, String password, int version) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).exchange(BASE + "/processes/" + KEY + "/versions/" + version, HttpMethod.POST,
                new HttpEntity<>("{}", headers), new ParameterizedTypeReference<Map<String, Object>>() {});
    }

    private <T> ResponseEntity<T> get(String user, String password, String path, ParameterizedTypeReference<T> type) {
        return http.withBasicAuth(user, password).exchange(path, HttpMethod.GET, null, type);
    }
}
