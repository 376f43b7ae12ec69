package vn.haiphong.dx.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import vn.haiphong.dx.consolidation.AdHocReportProcess;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.form.FormSchema;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.reporting.PeriodicReportProcess;

/** Every model and form as style.md asks: resolvable forms, declared variables, named ids, diagrams, TTL. */
class ModelStructureTests {

    /** Each process and the class that declares its variables; a new process must be added here. */
    private static final Map<String, Class<?>> DECLARATIONS = Map.of(
            PlanIssuanceProcess.ID, PlanIssuanceProcess.class,
            vn.haiphong.dx.plan.PlanReviewProcess.ID, vn.haiphong.dx.plan.PlanReviewProcess.class,
            vn.haiphong.dx.plan.PlanAmendmentProcess.ID, vn.haiphong.dx.plan.PlanAmendmentProcess.class,
            UnitPlanProcess.ID, UnitPlanProcess.class,
            PeriodicReportProcess.ID, PeriodicReportProcess.class,
            DifficultyProcess.ID, DifficultyProcess.class,
            ConsolidatedReportProcess.ID, ConsolidatedReportProcess.class,
            AdHocReportProcess.ID, AdHocReportProcess.class);

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");

    /** Id prefix per element type, most specific first. */
    private static final List<Map.Entry<Class<? extends FlowElement>, String>> PREFIXES = List.of(
            Map.entry(StartEvent.class, "StartEvent_"), Map.entry(EndEvent.class, "EndEvent_"),
            Map.entry(BoundaryEvent.class, "BoundaryEvent_"), Map.entry(IntermediateCatchEvent.class, "Event_"),
            Map.entry(IntermediateThrowEvent.class, "Event_"), Map.entry(UserTask.class, "Task_"),
            Map.entry(ServiceTask.class, "ServiceTask_"), Map.entry(SendTask.class, "SendTask_"),
            Map.entry(BusinessRuleTask.class, "BusinessRuleTask_"), Map.entry(CallActivity.class, "CallActivity_"),
            Map.entry(SubProcess.class, "SubProcess_"), Map.entry(Gateway.class, "Gateway_"),
            Map.entry(SequenceFlow.class, "Flow_"));

    @TestFactory
    Stream<DynamicTest> everyProcess() throws IOException {
        return bpmnFiles().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> checkProcess(file)));
    }

    private void checkProcess(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Collection<Process> processes = model.getModelElementsByType(Process.class);
        assertThat(processes).as("one executable process per file").hasSize(1);
        Process process = processes.iterator().next();
        assertThat(process.getId()).as("file name = process id").isEqualTo(file.getFileName().toString().replace(".bpmn", ""));
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("history TTL").isNotBlank();
        assertThat(model.getDefinitions().getAttributeValueNs("http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
                .isEqualTo("7.24.0");
        assertThat(process.getName()).as("Vietnamese process name").isNotBlank();
        boolean hasStartForm = model.getModelElementsByType(StartEvent.class).stream()
                .anyMatch(e -> e.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef") != null);
        assertThat(process.isCamundaStartableInTasklist()).as("only processes people start themselves are offered in Tasklist")
                .isEqualTo(hasStartForm);

        Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
                .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
        assertThat(model.getModelElementsByType(ScriptTask.class)).as("no scripts in models").isEmpty();

        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            String prefix = PREFIXES.stream().filter(p -> p.getKey().isInstance(element)).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new AssertionError("no id convention for " + element.getElementType().getTypeName()));
            assertThat(element.getId()).as("id of a %s", element.getElementType().getTypeName())
                    .matches(prefix.replace("_", "") + "_[A-Z][A-Za-z0-9]+");
            if (element instanceof FlowNode) {
                assertThat(shapes).as("diagram shape of %s", element.getId()).contains(element.getId());
                assertThat(element.getName()).as("name of %s", element.getId()).isNotBlank();
            } else if (element instanceof SequenceFlow) {
                assertThat(edges).as("diagram edge of %s", element.getId()).contains(element.getId());
            }
        }

        Class<?> declaration = DECLARATIONS.get(process.getId());
        assertThat(declaration).as("variables of %s declared in DECLARATIONS", process.getId()).isNotNull();
        Set<String> variables = constants(declaration, "Vars");
        Set<String> rowKeys = constants(declaration, "Row");
        List<org.camunda.bpm.model.bpmn.instance.FlowNode> withForms = new java.util.ArrayList<>(model.getModelElementsByType(UserTask.class));
        model.getModelElementsByType(StartEvent.class).stream()
                .filter(e -> e.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef") != null).forEach(withForms::add);
        for (org.camunda.bpm.model.bpmn.instance.FlowNode task : withForms) {
            String ref = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
            assertThat(ref).as("formRef of %s", task.getId()).isNotBlank();
            String binding = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding");
            if (ref.startsWith("${")) {
                // A form generated per plan (reporting.ReportForms), deployed with the plan: the newest of its key.
                assertThat(binding).as("binding of the generated form of %s", task.getId()).isEqualTo("latest");
                assertThat(variables).as("the form key %s is a declared variable", ref).contains(ref.substring(2, ref.length() - 1));
                continue;
            }
            assertThat(binding).isEqualTo("deployment");
            Path form = FORMS.resolve(ref + ".form");
            assertThat(form).as("form %s of %s", ref, task.getId()).exists();
            FormSchema schema = schema(form);
            assertThat(schema.id()).as("id of %s", form).isEqualTo(ref);
            for (FormSchema.Field field : schema.fields()) {
                assertThat(variables).as("field %s of form %s is a declared variable of %s", field.key(), ref, process.getId())
                        .contains(field.key());
                field.children().forEach(child -> assertThat(rowKeys).as("list field %s.%s", field.key(), child.key())
                        .contains(child.key()));
            }
        }
    }

    @Test
    void everyFormIsUsedAndEveryEditableTextDeclaresItsLength() throws IOException {
        Set<String> referenced = new HashSet<>();
        bpmnFiles().forEach(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(FlowNode.class)
                .forEach(node -> referenced.add(node.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))));
        try (Stream<Path> forms = Files.list(FORMS)) {
            for (Path form : forms.toList()) {
                String id = form.getFileName().toString().replace(".form", "");
                if (!id.equals(TEMPLATE)) {
                    assertThat(referenced).as("form %s is referenced by a process", id).contains(id);
                }
                FormSchema schema = schema(form);
                schema.fields().stream().flatMap(f -> Stream.concat(Stream.of(f), f.children().stream()))
                        .filter(f -> f.userEditable() && (f.type().equals("textfield") || f.type().equals("textarea")))
                        .forEach(f -> assertThat(f.maxLength()).as("maxLength of %s in %s", f.key(), id).isNotNull());
            }
        }
    }

    @Test
    void everyProcessHasADeclarationClassAndFile() throws IOException {
        Set<String> files = bpmnFiles().map(f -> f.getFileName().toString().replace(".bpmn", "")).collect(Collectors.toSet());
        assertThat(files).containsExactlyInAnyOrderElementsOf(DECLARATIONS.keySet());
    }

    private static Set<String> constants(Class<?> process, String nestedSuffix) {
        return Arrays.stream(process.getDeclaredClasses())
                .filter(c -> c.getSimpleName().endsWith(nestedSuffix))
                .flatMap(c -> Arrays.stream(c.getDeclaredFields()))
                .filter(f -> Modifier.isStatic(f.getModifiers()))
                .flatMap(ModelStructureTests::values)
                .collect(Collectors.toSet());
    }

    /** A String constant, or the names in a List constant (such as the report form's metric fields). */
    private static Stream<String> values(Field field) {
        try {
            Object value = field.get(null);
            if (value instanceof String name) {
                return Stream.of(name);
            }
            return value instanceof List<?> names ? names.stream().map(String.class::cast) : Stream.empty();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template the report forms are generated from: its own fields are declared variables of the report process. */
    static final String TEMPLATE = "periodicReportTemplate";

    @Test
    void theReportTemplatesFieldsAreTheReportProcesssVariables() throws IOException {
        Set<String> variables = constants(PeriodicReportProcess.class, "Vars");
        assertThat(schema(FORMS.resolve(TEMPLATE + ".form")).keys()).isNotEmpty().allSatisfy(key -> assertThat(variables).contains(key));
    }

    private static FormSchema schema(Path form) throws IOException {
        try (InputStream in = Files.newInputStream(form)) {
            return FormSchema.parse(in);
        }
    }

    private static Stream<Path> bpmnFiles() throws IOException {
        try (Stream<Path> files = Files.list(PROCESSES)) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

}
