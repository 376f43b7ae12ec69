package vn.haiphong.dx.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.form.FormSchema;
import vn.haiphong.dx.form.FormSchemas;
import vn.haiphong.dx.form.FormValues;
import vn.haiphong.dx.form.InputRejectedException;

/**
 * What a client of the engine's APIs (the REST API and Tasklist's own) may hand to the engine, decided on what the
 * engine will actually receive: the request after it has been parsed ({@code api.ClientInputFilter}).
 * <ul>
 * <li>Completing a task or submitting its form: only the fields its Camunda Form declares. A field the form only
 * shows (read-only) may come back unchanged, as Tasklist sends it, and is then not written again.</li>
 * <li>Starting a process: only its start form's fields, no business key and none of the start options that skip
 * listeners or start elsewhere.</li>
 * <li>Every other way to set variables (variable endpoints, correlation, signals, modification, …): none, unless
 * the caller is an administrator.</li>
 * </ul>
 * Variables the processes own (groups, plan and unit codes, routing flags, computed dates) are in no form, so no
 * unit, Office or leadership can set them through any API. Anything refused changes nothing.
 */
@Component
public class ClientInputPolicy {

    /** A value as a client sent it: the REST API's type name (may be absent) and the parsed value. */
    public record Submitted(String type, Object value) {}

    /** The engine's value types a person's form can produce; objects, files and bytes never come from a form. */
    private static final Set<String> FORM_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double",
            "date", "json", "null");

    private final IdentityService identity;
    private final TaskService tasks;
    private final FormService forms;
    private final RepositoryService repository;
    private final FormSchemas schemas;
    private final AuthorizationService authorizations;

    ClientInputPolicy(IdentityService identity, TaskService tasks, FormService forms, RepositoryService repository,
                      FormSchemas schemas, AuthorizationService authorizations) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.tasks = tasks;
        this.forms = forms;
        this.repository = repository;
        this.schemas = schemas;
    }

    /** True when the authenticated caller administers the system. */
    public boolean callerIsAdministrator() {
        Authentication caller = identity.getCurrentAuthentication();
        return caller != null && caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }

    /**
     * Completing a task or submitting its form. Returns the names of read-only fields sent back unchanged, which
     * the caller drops so that nothing is written for them.
     */
    public Set<String> taskSubmission(String taskId, Map<String, Submitted> variables) {
        if (variables == null || variables.isEmpty()) {
            return Set.of();
        }
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            // Not the caller's task, or no such task: the engine refuses the call itself.
            return Set.of();
        }
        FormSchema form = schemas.ofTask(taskId, task.getCamundaFormRef() != null);
        return checkAgainstForm(form, variables, name -> asEngine(() -> tasks.getVariableTyped(taskId, name)),
                "biểu mẫu của công việc này");
    }

    /**
     * Starting a process (with or without its start form). Returns the read-only fields to drop, as above.
     *
     * @param options the names of start options the client set (business key, start instructions, skipping
     *                listeners or input/output mappings); only administrators may use them
     */
    public Set<String> processStart(ProcessDefinition definition, Map<String, Submitted> variables, List<String> options) {
        if (definition == null || !mayStart(definition)) {
            // Not the caller's to start: the engine refuses the call itself (403), whatever it carries.
            return Set.of();
        }
        if (!options.isEmpty() && !callerIsAdministrator()) {
            throw new InputRejectedException("chỉ quản trị viên được dùng tùy chọn " + quoted(options) + " khi khởi tạo quy trình");
        }
        if (variables == null || variables.isEmpty()) {
            return Set.of();
        }
        boolean hasForm = forms.getStartFormData(definition.getId()).getCamundaFormRef() != null;
        if (!hasForm && callerIsAdministrator()) {
            return Set.of();
        }
        return checkAgainstForm(schemas.ofStart(definition.getId(), hasForm), variables, name -> null, "biểu mẫu khởi tạo quy trình này");
    }

    private boolean mayStart(ProcessDefinition definition) {
        Authentication caller = identity.getCurrentAuthentication();
        return caller == null || callerIsAdministrator() || authorizations.isUserAuthorized(caller.getUserId(),
                caller.getGroupIds(), ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, definition.getKey());
    }

    /** The latest version of a process definition the caller may read, or null. */
    public ProcessDefinition latest(String key, String tenantId) {
        var query = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
        query = tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId);
        return query.singleResult();
    }

    public ProcessDefinition byId(String id) {
        return repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    }

    /**
     * Variables handed to the engine any other way (variable endpoints, correlation, signal, modification,
     * external tasks, conditions …): only administrators may.
     *
     * @param where how the caller tried, for the message ("đặt biến trực tiếp", "tương quan thông điệp" …)
     */
    public void variablesWithoutForm(List<String> names, String where) {
        if (!names.isEmpty() && !callerIsAdministrator()) {
            throw new InputRejectedException("không được gửi " + quoted(names) + " qua " + where
                    + ": chỉ quản trị viên được đặt dữ liệu của quy trình trực tiếp; người dùng nhập dữ liệu qua biểu mẫu của công việc");
        }
    }

    /** Operations no person's work needs (a task's BPMN error or escalation): administrators only. */
    public void administratorsOnly(String operation) {
        if (!callerIsAdministrator()) {
            throw new OperationRefusedException("Chỉ quản trị viên được " + operation + ".");
        }
    }

    private Set<String> checkAgainstForm(FormSchema form, Map<String, Submitted> variables,
                                         java.util.function.Function<String, TypedValue> current, String formName) {
        List<String> undeclared = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> unchanged = new HashSet<>();
        for (Map.Entry<String, Submitted> entry : new LinkedHashMap<>(variables).entrySet()) {
            String name = entry.getKey();
            Submitted value = entry.getValue();
            var field = form.field(name);
            if (field.isEmpty()) {
                undeclared.add(name);
                continue;
            }
            String type = value == null || value.type() == null ? null : value.type().toLowerCase(java.util.Locale.ROOT);
            if (type != null && !FORM_TYPES.contains(type)) {
                problems.add("«" + field.get().label() + "» (" + name + ") không nhận dữ liệu kiểu " + value.type());
                continue;
            }
            if (!field.get().userEditable()) {
                if (sameAs(value, current.apply(name))) {
                    unchanged.add(name);
                } else {
                    problems.add("«" + field.get().label() + "» (" + name + ") chỉ để xem, không được thay đổi");
                }
            }
        }
        if (!undeclared.isEmpty()) {
            problems.add(0, formName + " không có trường " + quoted(undeclared) + "; hệ thống chỉ nhận các trường của biểu mẫu");
        }
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        return unchanged;
    }

    /** A read-only field comes back as the form showed it: the same text (or nothing, if nothing was shown). */
    private static boolean sameAs(Submitted submitted, TypedValue current) {
        Object sent = submitted == null ? null : submitted.value();
        Object shown = current == null ? null : FormValues.plain(current);
        if (isBlank(sent) && isBlank(shown)) {
            return true;
        }
        return sent != null && shown != null && Objects.equals(String.valueOf(sent), String.valueOf(shown));
    }

    /** Reads what the form showed; the caller's right to the task was established by finding it. */
    private <T> T asEngine(java.util.function.Supplier<T> read) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return read.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static boolean isBlank(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "«" + n + "»").toList());
    }

    /** An operation refused to the caller whatever the input: answered with 403 and this message. */
    public static final class OperationRefusedException extends ProcessEngineException implements vn.haiphong.dx.shared.UserRefusal {
        OperationRefusedException(String message) {
            super(message);
        }
    }
}
