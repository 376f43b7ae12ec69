package vn.haiphong.dx.form;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.shared.UserRefusal;

/**
 * Refuses a deployment that would leave tasks without a usable form: a model whose user task or start event refers
 * to a form of its own deployment ({@code camunda:formRef} with a fixed id and binding {@code deployment}) that the
 * deployment does not contain, or a form without a field the server needs ({@link ServerRequiredFields}). Such a
 * deployment used to go through, and its tasks (running instances migrated to it included) failed to open. The
 * message names every form and field missing. Deployments made before this check are not looked at again.
 */
@Component
class DeployedFormsPlugin extends AbstractProcessEnginePlugin {

    static final String DEPLOYMENT_BINDING = "deployment";

    private final ServerRequiredFields required = ServerRequiredFields.shipped();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this::check);
        configuration.setCustomPreDeployers(deployers);
    }

    void check(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        check(deployment.getResources().values());
    }

    /** The problems of a deployment's resources, refused together. */
    void check(Collection<ResourceEntity> resources) {
        Map<String, FormSchema> forms = new HashMap<>();
        Map<String, List<String>> references = new LinkedHashMap<>();
        for (ResourceEntity resource : resources) {
            String name = resource.getName();
            if (name.endsWith(".form")) {
                FormSchema form = parseForm(resource);
                if (form != null) {
                    forms.put(form.id(), form);
                }
            } else if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                collectReferences(resource, references);
            }
        }
        List<String> problems = new ArrayList<>();
        references.forEach((formId, users) -> {
            if (!forms.containsKey(formId)) {
                problems.add("thiếu biểu mẫu «" + formId + "» mà " + String.join(", ", users) + " dùng");
            }
        });
        forms.values().forEach(form -> {
            List<String> missing = required.of(form.id()).stream().filter(key -> !form.keys().contains(key)).sorted().toList();
            if (!missing.isEmpty()) {
                problems.add("biểu mẫu «" + form.id() + "» thiếu trường " + String.join(", ", missing.stream()
                        .map(key -> "«" + key + "»").toList()) + " mà máy chủ cần để xử lý công việc");
            }
        });
        if (!problems.isEmpty()) {
            throw new FormsMissingException("Không triển khai: " + String.join("; ", problems)
                    + ". Hãy triển khai mô hình cùng các biểu mẫu nó dùng, đủ các trường.");
        }
    }

    /** Form ids the models refer to within their own deployment, with the elements that refer to each. */
    private static void collectReferences(ResourceEntity resource, Map<String, List<String>> references) {
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()));
        } catch (RuntimeException e) {
            return; // The engine's own parser refuses it with its own message.
        }
        List<FlowElement> elements = new ArrayList<>(model.getModelElementsByType(UserTask.class));
        elements.addAll(model.getModelElementsByType(StartEvent.class));
        for (FlowElement element : elements) {
            String formRef = element instanceof UserTask task ? task.getCamundaFormRef() : ((StartEvent) element).getCamundaFormRef();
            String binding = element instanceof UserTask task ? task.getCamundaFormRefBinding()
                    : ((StartEvent) element).getCamundaFormRefBinding();
            if (formRef != null && DEPLOYMENT_BINDING.equals(binding) && !formRef.contains("{")) {
                references.computeIfAbsent(formRef, id -> new ArrayList<>()).add(describe(element));
            }
        }
    }

    /** "«Nộp báo cáo định kỳ» (Task_SubmitPeriodicReport) của PeriodicReportProcess". */
    private static String describe(FlowElement element) {
        String process = null;
        for (ModelElementInstance scope = element.getParentElement(); process == null && scope != null;
             scope = scope.getParentElement()) {
            process = scope instanceof Process p ? p.getId() : null;
        }
        return (element.getName() == null ? "" : "«" + element.getName() + "» ") + "(" + element.getId() + ")"
                + (process == null ? "" : " của " + process);
    }

    private static FormSchema parseForm(ResourceEntity resource) {
        try {
            return FormSchema.parse(new ByteArrayInputStream(resource.getBytes()));
        } catch (IOException e) {
            return null; // Not a form this check can read; Tasklist reports it when it is opened.
        }
    }

    /** Answered with 400 (BadUserRequest) and this message, on the REST API too. */
    static final class FormsMissingException extends BadUserRequestException implements UserRefusal {
        FormsMissingException(String message) {
            super(message);
        }
    }
}
