package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

/** Models are code: only administrators deploy, and no model may run scripts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-security;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(SecurityProbeTests.CanaryConfiguration.class)
class ModelDeploymentTests {

    @Autowired TestRestTemplate http;
    @Autowired RepositoryService repository;

    @Test
    void modelsWithScriptsAreRefusedEvenFromAdministrators() {
        BpmnModelInstance scripted = Bpmn.createExecutableProcess("ScriptedProcess").camundaHistoryTimeToLive(1)
                .startEvent().scriptTask("Task_Script").scriptFormat("javascript").scriptText("java.lang.System.exit(1)")
                .endEvent().done();
        assertThatThrownBy(() -> repository.createDeployment().addModelInstance("scripted.bpmn", scripted).deploy())
                .hasMessageContaining("Mô hình ScriptedProcess chứa script (phần tử «scriptTask» Task_Script)");

        String listener = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             targetNamespace="test">
                  <process id="ListenerProcess" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="StartEvent_S"><extensionElements>
                      <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">println 'x'</camunda:script></camunda:executionListener>
                    </extensionElements></startEvent>
                  </process>
                </definitions>""";
        assertThatThrownBy(() -> repository.createDeployment().addString("listener.bpmn", listener).deploy())
                .hasMessageContaining("chứa script");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKeyIn("ScriptedProcess", "ListenerProcess").count()).isZero();
    }

    @Test
    void onlyAdministratorsMayDeploy() {
        String plain = Bpmn.convertToString(Bpmn.createExecutableProcess("PlainProcess").camundaHistoryTimeToLive(1)
                .startEvent().endEvent().done());
        assertThat(deploy("kesat.vhxh", "demo", plain).getStatusCode()).as("the Office").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("snnmt.lanhdao", "demo", plain).getStatusCode()).as("leadership").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(deploy("kesat.cax", "demo", plain).getStatusCode()).as("a unit").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("PlainProcess").count()).isZero();

        ResponseEntity<String> scripted = deploy("admin", "admin", Bpmn.convertToString(Bpmn.createExecutableProcess("AdminScript")
                .camundaHistoryTimeToLive(1).startEvent().scriptTask("Task_S").scriptFormat("javascript").scriptText("1")
                .endEvent().done()));
        assertThat(scripted.getStatusCode()).as(scripted.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(scripted.getBody()).contains("chứa script");
        assertThat(deploy("admin", "admin", plain).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aModelIsRefusedWithoutTheFormsItRefersToOrWithAFormMissingAFieldTheServerNeeds() throws Exception {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("FormCheckProcess").camundaHistoryTimeToLive(1)
                .startEvent().userTask("Task_RecordIssuance").name("Ghi nhận ban hành").camundaFormRef("recordPlanIssuance")
                .camundaFormRefBinding("deployment")
                .userTask("Task_Review").name("Xem xét dự thảo").camundaFormRef("reviewPlanDraft").camundaFormRefBinding("deployment")
                .userTask("Task_Elsewhere").camundaFormRef("formOfAnotherDeployment").camundaFormRefBinding("latest")
                .endEvent().done());
        String issuance = shipped("recordPlanIssuance.form");
        String review = shipped("reviewPlanDraft.form");

        ResponseEntity<String> withoutForms = deploy("admin", "admin", Map.of("model.bpmn", bpmn));
        assertThat(withoutForms.getStatusCode()).as(withoutForms.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutForms.getBody()).contains("thiếu biểu mẫu «recordPlanIssuance» mà «Ghi nhận ban hành» (Task_RecordIssuance) "
                + "của FormCheckProcess dùng", "thiếu biểu mẫu «reviewPlanDraft»").doesNotContain("formOfAnotherDeployment");

        ResponseEntity<String> oneMissing = deploy("admin", "admin", Map.of("model.bpmn", bpmn, "recordPlanIssuance.form", issuance));
        assertThat(oneMissing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(oneMissing.getBody()).contains("thiếu biểu mẫu «reviewPlanDraft»").doesNotContain("«recordPlanIssuance» mà");

        // The issuance form without the document number; the review form without the comments a return needs.
        String noNumber = issuance.replace("\"key\": \"documentNumber\"", "\"key\": \"soVanBan\"");
        String noComments = review.replace("\"key\": \"reviewComments\"", "\"key\": \"ghiChu\"");
        assertThat(noNumber).isNotEqualTo(issuance);
        assertThat(noComments).isNotEqualTo(review);
        ResponseEntity<String> fieldsMissing = deploy("admin", "admin", Map.of("model.bpmn", bpmn,
                "recordPlanIssuance.form", noNumber, "reviewPlanDraft.form", noComments));
        assertThat(fieldsMissing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(fieldsMissing.getBody()).contains("biểu mẫu «recordPlanIssuance» thiếu trường «documentNumber» mà máy chủ cần",
                "biểu mẫu «reviewPlanDraft» thiếu trường «reviewComments»");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("FormCheckProcess").count()).isZero();

        ResponseEntity<String> complete = deploy("admin", "admin", Map.of("model.bpmn", bpmn,
                "recordPlanIssuance.form", issuance, "reviewPlanDraft.form", review));
        assertThat(complete.getStatusCode()).as(complete.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("FormCheckProcess").count()).isOne();
    }

    private static String shipped(String form) throws java.io.IOException {
        try (var in = ModelDeploymentTests.class.getResourceAsStream("/" + form)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private ResponseEntity<String> deploy(String user, String password, String bpmn) {
        return deploy(user, password, Map.of("model.bpmn", bpmn));
    }

    private ResponseEntity<String> deploy(String user, String password, Map<String, String> files) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "test");
        files.forEach((name, content) -> parts.add(name, new ByteArrayResource(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        }));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }
}
