package vn.haiphong.dx.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Enforces every Camunda Form's rules when its task is completed, whatever the client: Tasklist,
 * REST or the Java API. The starter publishes each task event synchronously inside the completing
 * transaction, so a refusal here rolls the completion back.
 */
@Configuration
class FormRulesEnforcer {

    private static final FormSchema NO_FORM = new FormSchema("", List.of());

    private final FormService formService;
    /** Forms of a deployment never change: cache by process definition and task. */
    private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

    FormRulesEnforcer(FormService formService) {
        this.formService = formService;
    }

    @Order(0)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void onComplete(DelegateTask task) {
        FormSchema form = schemas.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                key -> schemaOf(task));
        if (!form.fields().isEmpty()) {
            check(form, task);
        }
    }

    /**
     * Start forms: the same rules when a process with a start form starts (attached to its start event as
     * {@code ${startFormRules}}), so a process started from Tasklist, REST or Java is checked alike.
     */
    @Bean
    ExecutionListener startFormRules() {
        return execution -> {
            FormSchema form = schemas.computeIfAbsent(execution.getProcessDefinitionId() + "/start", key -> {
                try (InputStream in = formService.getDeployedStartForm(execution.getProcessDefinitionId())) {
                    return FormSchema.parse(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            check(form, execution);
        };
    }

    private static void check(FormSchema form, VariableScope scope) {
        Map<String, Object> values = new HashMap<>();
        for (String key : form.keys()) {
            values.put(key, FormValues.plain(scope.getVariableTyped(key)));
        }
        List<String> problems = FormRules.check(form, values);
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
    }

    private FormSchema schemaOf(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        if (userTask == null || userTask.getCamundaFormRef() == null) {
            return NO_FORM;
        }
        try (InputStream in = formService.getDeployedTaskForm(task.getId())) {
            return FormSchema.parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
