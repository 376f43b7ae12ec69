package vn.haiphong.dx.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a task or a start event. One source for the server's form rules (at completion) and for
 * the check of what a client may send ({@code security.ClientInputPolicy}).
 */
@Component
public class FormSchemas {

    /** A task or start event without a Camunda Form: it declares nothing. */
    public static final FormSchema NONE = new FormSchema("", List.of());

    private final FormService forms;
    /** Start forms by process definition: a deployed definition's start form never changes. */
    private final Map<String, FormSchema> startForms = new ConcurrentHashMap<>();

    FormSchemas(FormService forms) {
        this.forms = forms;
    }

    /**
     * The form of an open task, read with the engine's checks for the current user. Not cached: a task's form
     * reference may be an expression (forms generated per plan), and parsing is cheap next to the lookup.
     */
    public FormSchema ofTask(String taskId, boolean hasFormRef) {
        return hasFormRef ? parse(forms.getDeployedTaskForm(taskId)) : NONE;
    }

    /** The form of a task being completed (inside the engine's transaction). */
    FormSchema ofTask(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        return ofTask(task.getId(), userTask != null && userTask.getCamundaFormRef() != null);
    }

    /** The start form of a process definition, or {@link #NONE}. */
    public FormSchema ofStart(String processDefinitionId, boolean hasStartForm) {
        if (!hasStartForm) {
            return NONE;
        }
        return startForms.computeIfAbsent(processDefinitionId, key -> parse(forms.getDeployedStartForm(processDefinitionId)));
    }

    private static FormSchema parse(InputStream json) {
        try (InputStream in = json) {
            return FormSchema.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
