package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private ResponseEntity<String> deploy(String user, String password, String bpmn) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "test");
        parts.add("data", new ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "model.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, password).postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }
}
