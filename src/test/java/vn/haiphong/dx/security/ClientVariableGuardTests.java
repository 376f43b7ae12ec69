package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.consolidation.AdHocReportProcess;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.form.FormSchemas;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.SeedPlansYear;
import vn.haiphong.dx.support.VietnameseText;
import vn.haiphong.dx.support.TasklistSession;

/**
 * No client hands the engine a variable that the form of its task or start event does not declare, whichever way
 * it tries: every endpoint that writes variables, on the REST API and on Tasklist's own API, for a unit, the Office
 * and leadership, each on an open task of its own (so that only the guard stands in the way), with an unknown name
 * and with every variable the processes own (in no form for people to enter). Every cell is refused with a Vietnamese message naming the variable,
 * and afterwards no instance, task or variable has changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-variable-guard;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@SeedPlansYear
class ClientVariableGuardTests {

    static final String UNDECLARED = "bienKhongKhaiBao";
    static final List<Class<?>> PROCESSES = List.of(PlanIssuanceProcess.class, UnitPlanProcess.class,
            PeriodicReportProcess.class, DifficultyProcess.class, ConsolidatedReportProcess.class, AdHocReportProcess.class);

    @Autowired TestRestTemplate http;
    @Autowired PlanFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired FormSchemas forms;

    /** A person and the open task of theirs the cells aim at, with the values its form needs to be complete. */
    record Role(String name, String user, String group, Task task, Map<String, Object> validValues) {}

    /** One way of handing variables to the engine. */
    record Endpoint(String name, HttpMethod method, Function<Target, String> path, Function<Target, Object> body) {}

    record Target(Role role, String variable, String startForm) {
        String task() {
            return role.task().getId();
        }

        String instance() {
            return role.task().getProcessInstanceId();
        }

        String execution() {
            return role.task().getExecutionId();
        }

        Map<String, Object> variables(Map<String, Object> base) {
            Map<String, Object> all = new LinkedHashMap<>();
            base.forEach((k, v) -> all.put(k, Map.of("value", v)));
            all.put(variable, Map.of("value", "kesat-cax", "type", "String"));
            return all;
        }
    }

    @AfterEach
    void clear() {
        identity.clearAuthentication();
    }

    @Test
    void noClientSetsAVariableItsFormDoesNotDeclare() {
        List<Role> roles = prepare();
        Set<String> names = new LinkedHashSet<>();
        names.add(UNDECLARED);
        names.addAll(processOwnedVariables());
        List<Endpoint> endpoints = endpoints();

        Map<String, Long> variablesBefore = variableCounts(names);
        long instancesBefore = runtime.createProcessInstanceQuery().count();
        List<String> failures = new ArrayList<>();
        int cells = 0;
        int legitimate = 0;
        for (Role role : roles) {
            Map<String, Object> stateBefore = state(role);
            TasklistSession browser = TasklistSession.login(http, role.user(), "demo");
            TestRestTemplate rest = http.withBasicAuth(role.user(), "demo");
            for (String api : List.of("/engine-rest/", "/camunda/api/engine/engine/default/")) {
                long started = System.nanoTime();
                for (Endpoint endpoint : endpoints) {
                    for (String name : names) {
                        Target target = new Target(role, name, "reportDifficulty");
                        if (declaredByForm(endpoint, role, name)) {
                            legitimate++;
                            continue;
                        }
                        cells++;
                        ResponseEntity<Map> response = call(api, browser, rest, endpoint, target);
                        String cell = role.name() + " · " + api + " · " + endpoint.name() + " · " + name;
                        int status = response.getStatusCode().value();
                        String message = response.getBody() == null ? null : (String) response.getBody().get("message");
                        if (status != 400 && status != 403) {
                            failures.add(cell + ": status " + status + " " + message);
                        } else if (message == null || !message.contains(name) && !endpoint.name().startsWith("BPMN")) {
                            failures.add(cell + ": the message does not name the variable: " + message);
                        } else if (!VietnameseText.isVietnamese(message)) {
                            failures.add(cell + ": not Vietnamese: " + message);
                        }
                    }
                }
                System.out.printf("Variable guard: %s on %s in %d ms%n", role.name(), api, (System.nanoTime() - started) / 1_000_000);
            }
            assertThat(state(role)).as("%s: the task, its instance and its variables are unchanged", role.name())
                    .isEqualTo(stateBefore);
        }
        assertThat(failures).as("%d cells", cells).isEmpty();
        assertThat(variableCounts(names)).as("no variable of these names was written anywhere").isEqualTo(variablesBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).as("nothing was started").isEqualTo(instancesBefore);
        System.out.printf("Variable guard: %d cells refused (%d endpoints × 2 APIs × %d names × %d roles, less %d cells a form declares)%n",
                cells, endpoints.size(), names.size(), roles.size(), legitimate);
        assertThat(cells).isGreaterThan(1000);
    }

    /** A unit's acknowledgement, the Office's handling of a difficulty, leadership's approval of a report. */
    private List<Role> prepare() {
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        Task acknowledgement = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT)
                .taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN).taskCandidateGroup("kesat-cax").singleResult();

        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        runtime.createProcessInstanceByKey(DifficultyProcess.ID).setVariables(Map.of(
                DifficultyProcess.Vars.DESCRIPTION, "Thiếu thiết bị", DifficultyProcess.Vars.URGENCY, "NORMAL")).execute();
        identity.clearAuthentication();
        Task handle = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT)
                .taskDefinitionKey(DifficultyProcess.Activities.HANDLE).singleResult();

        ProcessInstance report = runtime.createProcessInstanceByKey(ConsolidatedReportProcess.ID).businessKey(PlanFixtures.KESAT)
                .setVariable(ConsolidatedReportProcess.Vars.PLAN_CODE, PlanFixtures.KESAT)
                .setVariable(ConsolidatedReportProcess.Vars.PERIOD_CODE, "2025-10")
                .setVariable(ConsolidatedReportProcess.Vars.REPORT_KIND, ConsolidatedReportProcess.Kinds.PERIODIC).execute();
        identity.setAuthentication("kesat.vhxh", List.of("kesat-vhxh"));
        tasks.complete(tasks.createTaskQuery().processInstanceId(report.getId()).singleResult().getId(),
                Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY, "Tình hình chung.",
                        ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, "Đánh giá."));
        identity.clearAuthentication();
        Task approve = tasks.createTaskQuery().processInstanceId(report.getId()).singleResult();

        return List.of(
                new Role("unit", "kesat.cax", "kesat-cax", acknowledgement, Map.of("personInCharge", "Nguyễn Văn A",
                        "plannedActivities", "Tháng 10: Hướng dẫn người dân cài đặt VNeID")),
                new Role("Office", "kesat.vhxh", "kesat-vhxh", handle, Map.of("officeDecision", "ANSWER",
                        "officeAnswer", "Đơn vị chủ động bố trí.")),
                new Role("leadership", "kesat.lanhdao", "kesat-lanhdao", approve, Map.of("approvalDecision", "RETURN",
                        "leadershipComment", "Bổ sung số liệu.")));
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>();
        for (String action : List.of("complete", "submit-form", "resolve")) {
            all.add(new Endpoint("task " + action, HttpMethod.POST, t -> "task/" + t.task() + "/" + action,
                    t -> Map.of("variables", t.variables(t.role().validValues()))));
        }
        for (String scope : List.of("variables", "localVariables")) {
            all.add(new Endpoint("task " + scope + " PUT", HttpMethod.PUT, t -> "task/" + t.task() + "/" + scope + "/" + t.variable(),
                    t -> Map.of("value", "kesat-cax", "type", "String")));
            all.add(new Endpoint("task " + scope + " POST", HttpMethod.POST, t -> "task/" + t.task() + "/" + scope,
                    t -> Map.of("modifications", t.variables(Map.of()))));
            all.add(new Endpoint("task " + scope + " DELETE", HttpMethod.DELETE, t -> "task/" + t.task() + "/" + scope + "/" + t.variable(),
                    t -> null));
        }
        for (String action : List.of("start", "submit-form")) {
            all.add(new Endpoint("process start " + action, HttpMethod.POST,
                    t -> "process-definition/key/" + DifficultyProcess.ID + "/" + action,
                    t -> Map.of("variables", t.variables(Map.of("difficultyDescription", "Thiếu thiết bị", "urgency", "NORMAL")))));
        }
        all.add(new Endpoint("process-instance variables PUT", HttpMethod.PUT,
                t -> "process-instance/" + t.instance() + "/variables/" + t.variable(), t -> Map.of("value", "kesat-cax", "type", "String")));
        all.add(new Endpoint("process-instance variables POST", HttpMethod.POST,
                t -> "process-instance/" + t.instance() + "/variables", t -> Map.of("modifications", t.variables(Map.of()))));
        all.add(new Endpoint("process-instance variables DELETE", HttpMethod.DELETE,
                t -> "process-instance/" + t.instance() + "/variables/" + t.variable(), t -> null));
        all.add(new Endpoint("execution localVariables PUT", HttpMethod.PUT,
                t -> "execution/" + t.execution() + "/localVariables/" + t.variable(), t -> Map.of("value", "kesat-cax", "type", "String")));
        all.add(new Endpoint("execution localVariables POST", HttpMethod.POST,
                t -> "execution/" + t.execution() + "/localVariables", t -> Map.of("modifications", t.variables(Map.of()))));
        all.add(new Endpoint("message correlation", HttpMethod.POST, t -> "message",
                t -> Map.of("messageName", PlanIssuanceProcess.periodReportsComplete(PlanFixtures.KESAT, "2025-10"),
                        "processVariables", t.variables(Map.of()))));
        all.add(new Endpoint("message correlation (local)", HttpMethod.POST, t -> "message",
                t -> Map.of("messageName", "x", "processInstanceId", t.instance(), "processVariablesLocal", t.variables(Map.of()))));
        all.add(new Endpoint("signal", HttpMethod.POST, t -> "signal", t -> Map.of("name", "x", "variables", t.variables(Map.of()))));
        all.add(new Endpoint("execution signal", HttpMethod.POST, t -> "execution/" + t.execution() + "/signal",
                t -> Map.of("variables", t.variables(Map.of()))));
        all.add(new Endpoint("message subscription trigger", HttpMethod.POST,
                t -> "execution/" + t.execution() + "/messageSubscriptions/x/trigger", t -> Map.of("variables", t.variables(Map.of()))));
        all.add(new Endpoint("modification", HttpMethod.POST, t -> "process-instance/" + t.instance() + "/modification",
                t -> Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", t.role().task().getTaskDefinitionKey(),
                        "variables", t.variables(Map.of()))))));
        all.add(new Endpoint("condition", HttpMethod.POST, t -> "condition", t -> Map.of("variables", t.variables(Map.of()))));
        all.add(new Endpoint("variables-async", HttpMethod.POST, t -> "process-instance/variables-async",
                t -> Map.of("processInstanceIds", List.of(t.instance()), "variables", t.variables(Map.of()))));
        all.add(new Endpoint("external task complete", HttpMethod.POST, t -> "external-task/x/complete",
                t -> Map.of("workerId", "w", "variables", t.variables(Map.of()))));
        all.add(new Endpoint("BPMN error on a task", HttpMethod.POST, t -> "task/" + t.task() + "/bpmnError",
                t -> Map.of("errorCode", "x", "variables", t.variables(Map.of()))));
        return all;
    }

    /** A name the form of the endpoint lets a person set (a start form's plan code, say) is theirs to send. */
    private boolean declaredByForm(Endpoint endpoint, Role role, String name) {
        if (endpoint.name().startsWith("process start")) {
            var start = runtimeDefinition(DifficultyProcess.ID);
            return forms.ofStart(start, true).field(name).map(f -> f.userEditable()).orElse(false);
        }
        if (endpoint.name().startsWith("task complete") || endpoint.name().startsWith("task submit-form")
                || endpoint.name().startsWith("task resolve")) {
            return forms.ofTask(role.task().getId(), true).field(name).map(f -> f.userEditable()).orElse(false);
        }
        return false;
    }

    private String runtimeDefinition(String key) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).list().stream().findFirst()
                .map(ProcessInstance::getProcessDefinitionId).orElseThrow();
    }

    private ResponseEntity<Map> call(String api, TasklistSession browser, TestRestTemplate rest, Endpoint endpoint, Target target) {
        String path = api + endpoint.path().apply(target);
        Object body = endpoint.body().apply(target);
        if (api.startsWith("/camunda")) {
            return browser.exchange(path, endpoint.method(), body, Map.class);
        }
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, endpoint.method(), new HttpEntity<>(body, headers), Map.class);
    }

    /**
     * The variables the processes own: declared by a process (its {@code Vars}) and entered in no form (groups,
     * plan and unit codes, routing flags and decisions the server derives, dates the server computes, texts it writes).
     */
    static Set<String> processOwnedVariables() {
        Set<String> owned = processVariables();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("forms"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                try (var in = java.nio.file.Files.newInputStream(file)) {
                    vn.haiphong.dx.form.FormSchema.parse(in).fields().stream().filter(f -> f.userEditable())
                            .forEach(f -> owned.remove(f.key()));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return owned;
    }

    /** Every variable name the processes declare: the ones they own and route on, and the ones people enter. */
    static Set<String> processVariables() {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> process : PROCESSES) {
            for (Class<?> nested : process.getDeclaredClasses()) {
                if (!nested.getSimpleName().endsWith("Vars")) {
                    continue;
                }
                for (Field field : nested.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                        try {
                            names.add((String) field.get(null));
                        } catch (IllegalAccessException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
            }
        }
        return names;
    }

    /** What could change: the task (open, its assignee), its instance's variables, the instance's other tasks. */
    private Map<String, Object> state(Role role) {
        Map<String, Object> state = new TreeMap<>();
        Task task = tasks.createTaskQuery().taskId(role.task().getId()).singleResult();
        state.put("task", task == null ? "completed" : task.getAssignee() + " " + task.getName() + " " + task.getDueDate());
        state.put("tasks", tasks.createTaskQuery().processInstanceId(role.task().getProcessInstanceId()).list().stream()
                .map(Task::getId).sorted().toList());
        for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(role.task().getProcessInstanceId()).list()) {
            state.put("variable " + v.getName() + "@" + v.getExecutionId(), String.valueOf(v.getValue()));
        }
        state.put("finished", history.createHistoricProcessInstanceQuery().processInstanceId(role.task().getProcessInstanceId())
                .singleResult().getEndTime());
        return state;
    }

    private Map<String, Long> variableCounts(Set<String> names) {
        Map<String, Long> counts = new TreeMap<>();
        for (String name : names) {
            counts.put(name, runtime.createVariableInstanceQuery().variableName(name).count());
        }
        return counts;
    }
}
