package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;

import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.SeedPlansYear;
import vn.haiphong.dx.support.TasklistSession;

/**
 * Who may do what, over real HTTP, on both paths: the REST API (HTTP Basic) and Tasklist's own API (session
 * with CSRF token). Unit A is Công an xã of the commune's plan; its acknowledgement task is the object.
 * Each cell states the expected HTTP status; listing and history cells state 200 when the task shows, 404
 * when it is hidden.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-matrix;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@SeedPlansYear
class AuthorizationMatrixTests {

    /** Role → user (password) ; null for anonymous. */
    private static final Map<String, String[]> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("unit A (Công an xã)", new String[] {"kesat.cax", "demo"});
        ROLES.put("unit B (Đoàn Thanh niên)", new String[] {"kesat.dtn", "demo"});
        ROLES.put("other agency (Sở NN&MT unit)", new String[] {"snnmt.tccb", "demo"});
        ROLES.put("Office (Phòng VH-XH)", new String[] {"kesat.vhxh", "demo"});
        ROLES.put("leadership", new String[] {"kesat.lanhdao", "demo"});
        ROLES.put("admin", new String[] {"admin", "admin"});
        ROLES.put("anonymous", null);
    }

    @Autowired TestRestTemplate http;
    @Autowired PlanFixtures fixtures;
    @Autowired TaskService tasks;

    private String taskA;
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void everyRoleCanDoExactlyWhatItShouldOnBothPaths() {
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        taskA = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).taskCandidateGroup("kesat-cax").singleResult().getId();

        // Expected status per role, in ROLES order: unit A, unit B, other agency, Office, leadership, admin, anonymous.
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("list tasks (unit A's task shows)", new int[] {200, 404, 404, 404, 404, 200, 401});
        expected.put("read the task", new int[] {200, 404, 404, 404, 404, 200, 401});
        expected.put("read its variables", new int[] {200, 403, 403, 403, 403, 200, 401});
        expected.put("claim it", new int[] {204, 403, 403, 403, 403, 204, 401});
        expected.put("complete it (invalid values: 400 = let in, then refused by the form rules)", new int[] {400, 403, 403, 403, 403, 400, 401});
        expected.put("start the difficulty report (meant for units)", new int[] {200, 200, 400, 200, 400, 400, 401});
        expected.put("start an internal process (not meant for people)", new int[] {403, 403, 403, 403, 403, 200, 401});
        expected.put("read the task's history", new int[] {200, 404, 404, 404, 404, 200, 401});
        expected.put("deploy a model", new int[] {403, 403, 403, 403, 403, 200, 401});
        expected.put("manage users (create one)", new int[] {403, 403, 403, 403, 403, 204, 401});

        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (String path : List.of("REST /engine-rest", "Tasklist /camunda/api/engine")) {
            boolean rest = path.startsWith("REST");
            int column = 0;
            for (Map.Entry<String, String[]> role : ROLES.entrySet()) {
                Client client = rest ? new Rest(role.getValue()) : new Webapp(role.getValue());
                for (Map.Entry<String, int[]> operation : expected.entrySet()) {
                    int actual = perform(operation.getKey(), client);
                    int wanted = operation.getValue()[column];
                    cells++;
                    if (actual != wanted) {
                        failures.add(path + " · " + role.getKey() + " · " + operation.getKey() + ": expected " + wanted + ", got " + actual);
                    }
                }
                column++;
            }
        }
        System.out.printf("Authorization matrix: %d cells tested, %d passed%n", cells, cells - failures.size());
        assertThat(cells).isEqualTo(140);
        assertThat(failures).isEmpty();
    }

    private int perform(String operation, Client client) {
        String prefix = client.prefix();
        if (operation.startsWith("list tasks")) {
            return visible(client.call(HttpMethod.GET, prefix + "/task?processInstanceBusinessKey=" + PlanFixtures.KESAT, null, null));
        }
        if (operation.startsWith("read the task's history")) {
            return visible(client.call(HttpMethod.GET, prefix + "/history/task?taskId=" + taskA, null, null));
        }
        if (operation.startsWith("read the task")) {
            return client.call(HttpMethod.GET, prefix + "/task/" + taskA, null, null).getStatusCode().value();
        }
        if (operation.startsWith("read its variables")) {
            return client.call(HttpMethod.GET, prefix + "/task/" + taskA + "/variables", null, null).getStatusCode().value();
        }
        if (operation.startsWith("claim it")) {
            int status = client.call(HttpMethod.POST, prefix + "/task/" + taskA + "/claim", Map.of("userId", client.user()),
                    MediaType.APPLICATION_JSON).getStatusCode().value();
            tasks.setAssignee(taskA, null);
            return status;
        }
        if (operation.startsWith("complete it")) {
            return client.call(HttpMethod.POST, prefix + "/task/" + taskA + "/complete",
                    Map.of("variables", Map.of()), MediaType.APPLICATION_JSON).getStatusCode().value();
        }
        if (operation.startsWith("start the difficulty report")) {
            return client.call(HttpMethod.POST, prefix + "/process-definition/key/DifficultyProcess/submit-form",
                    Map.of("variables", Map.of("difficultyDescription", Map.of("value", "Thiếu thiết bị"), "urgency", Map.of("value", "NORMAL"))),
                    MediaType.APPLICATION_JSON).getStatusCode().value();
        }
        if (operation.startsWith("start an internal process")) {
            return client.call(HttpMethod.POST, prefix + "/process-definition/key/UnitPlanProcess/start",
                    Map.of("businessKey", PlanFixtures.KESAT, "variables", Map.of("planCode", Map.of("value", PlanFixtures.KESAT),
                            "unitCode", Map.of("value", "THON"))), MediaType.APPLICATION_JSON).getStatusCode().value();
        }
        if (operation.startsWith("deploy a model")) {
            return client.call(HttpMethod.POST, prefix + "/deployment/create", deployment(), MediaType.MULTIPART_FORM_DATA)
                    .getStatusCode().value();
        }
        if (operation.startsWith("manage users")) {
            return client.call(HttpMethod.POST, prefix + "/user/create",
                    Map.of("profile", Map.of("id", "matrix" + sequence.incrementAndGet(), "firstName", "Thử", "lastName", "Nghiệm"),
                            "credentials", Map.of("password", "MatKhau-Thu-2025")), MediaType.APPLICATION_JSON).getStatusCode().value();
        }
        throw new IllegalArgumentException(operation);
    }

    /** 200 if unit A's task is in the returned list, 404 if the list hides it; any other status as is. */
    private int visible(ResponseEntity<String> response) {
        if (response.getStatusCode().value() != 200) {
            return response.getStatusCode().value();
        }
        return response.getBody() != null && response.getBody().contains(taskA) ? 200 : 404;
    }

    private LinkedMultiValueMap<String, Object> deployment() {
        String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("MatrixProcess" + sequence.incrementAndGet())
                .camundaHistoryTimeToLive(1).startEvent().endEvent().done());
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "matrix");
        parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "matrix.bpmn";
            }
        });
        return parts;
    }

    private interface Client {
        String prefix();

        String user();

        ResponseEntity<String> call(HttpMethod method, String path, Object body, MediaType type);
    }

    private final class Rest implements Client {
        private final String[] credentials;

        Rest(String[] credentials) {
            this.credentials = credentials;
        }

        public String prefix() {
            return "/engine-rest";
        }

        public String user() {
            return credentials == null ? "anonymous" : credentials[0];
        }

        public ResponseEntity<String> call(HttpMethod method, String path, Object body, MediaType type) {
            HttpHeaders headers = new HttpHeaders();
            if (type != null) {
                headers.setContentType(type);
            }
            TestRestTemplate client = credentials == null ? http : http.withBasicAuth(credentials[0], credentials[1]);
            return client.exchange(path, method, new HttpEntity<>(body, headers), String.class);
        }
    }

    private final class Webapp implements Client {
        private final String[] credentials;
        private TasklistSession session;

        Webapp(String[] credentials) {
            this.credentials = credentials;
        }

        public String prefix() {
            return "/camunda/api/engine/engine/default";
        }

        public String user() {
            return credentials == null ? "anonymous" : credentials[0];
        }

        public ResponseEntity<String> call(HttpMethod method, String path, Object body, MediaType type) {
            if (session == null) {
                session = credentials == null ? TasklistSession.anonymous(http) : TasklistSession.login(http, credentials[0], credentials[1]);
            }
            return type == null ? session.exchange(path, method, null, String.class) : session.exchange(path, method, body, type, String.class);
        }
    }
}
