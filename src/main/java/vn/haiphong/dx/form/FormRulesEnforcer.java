package vn.haiphong.dx.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;

/**
 * Enforces every Camunda Form's rules when its task is completed, whatever the client: Tasklist,
 * REST or the Java API. The starter publishes each task event synchronously inside the completing
 * transaction, so a refusal here rolls the completion back.
 */
@Configuration
class FormRulesEnforcer {

    private final FormSchemas schemas;

    FormRulesEnforcer(FormSchemas schemas) {
        this.schemas = schemas;
    }

    @Order(0)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void onComplete(DelegateTask task) {
        FormSchema form = schemas.ofTask(task);
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
        return execution -> check(schemas.ofStart(execution.getProcessDefinitionId(), true), execution);
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
}
