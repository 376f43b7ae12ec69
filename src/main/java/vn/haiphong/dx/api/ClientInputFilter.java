package vn.haiphong.dx.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.runtime.StartProcessInstanceDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.springframework.web.context.support.WebApplicationContextUtils;

import vn.haiphong.dx.security.ClientInputPolicy;
import vn.haiphong.dx.security.ClientInputPolicy.Submitted;

/**
 * Hands every request to the engine's APIs to {@link ClientInputPolicy} once the API has parsed it: the path as
 * matched (decoded, without matrix parameters) and the body as the object the API will pass to the engine, so no
 * encoding, escape or charset changes what is checked. Registered in both the REST API and the webapps' engine
 * API by {@link EngineApiFeature}.
 */
@Priority(Priorities.AUTHORIZATION + 100)
public class ClientInputFilter implements ContainerRequestFilter, ReaderInterceptor {

    /** Properties of the API's request objects that carry variables to be written. */
    private static final Set<String> VARIABLE_PROPERTIES = Set.of("variables", "localVariables", "processVariables",
            "processVariablesLocal", "processVariablesToTriggeredScope", "modifications");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Context
    private ServletContext servletContext;

    @Context
    private UriInfo uriInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        EnginePath path = EnginePath.of(request.getUriInfo());
        ClientInputPolicy policy = policy();
        for (String segment : List.of("variables", "localVariables")) {
            // One variable named in the path (PUT, DELETE, binary data); a body of modifications is read below.
            if (path.contains(segment) && path.after(segment) != null) {
                policy.variablesWithoutForm(List.of(path.after(segment)), "API biến");
            }
        }
        if (path.startsWith("task") && ("bpmnError".equals(path.at(2)) || "bpmnEscalation".equals(path.at(2)))) {
            policy.administratorsOnly("phát lỗi hay leo thang BPMN từ một công việc");
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object entity = context.proceed();
        if (entity == null) {
            return null;
        }
        EnginePath path = EnginePath.of(uriInfo);
        ClientInputPolicy policy = policy();
        if (entity instanceof CompleteTaskDto completion && path.startsWith("task") && path.at(1) != null) {
            drop(completion.getVariables(), policy.taskSubmission(path.at(1), submitted(completion.getVariables())));
        } else if (entity instanceof StartProcessInstanceDto start && path.startsWith("process-definition")) {
            drop(start.getVariables(), policy.processStart(definition(path, policy), submitted(start.getVariables()),
                    startOptions(start)));
        } else if (entity.getClass().getName().startsWith("org.camunda.bpm.engine.rest.dto.")
                && !entity.getClass().getSimpleName().endsWith("QueryDto")) {
            policy.variablesWithoutForm(variableNames(entity), describe(path));
        }
        return entity;
    }

    private ClientInputPolicy policy() {
        return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext).getBean(ClientInputPolicy.class);
    }

    /** {@code process-definition/{id}/…} or {@code process-definition/key/{key}[/tenant-id/{tenant}]/…}. */
    private static ProcessDefinition definition(EnginePath path, ClientInputPolicy policy) {
        if ("key".equals(path.at(1))) {
            return policy.latest(path.at(2), "tenant-id".equals(path.at(3)) ? path.at(4) : null);
        }
        return path.at(1) == null ? null : policy.byId(path.at(1));
    }

    private static List<String> startOptions(StartProcessInstanceDto start) {
        List<String> options = new ArrayList<>();
        if (start.getBusinessKey() != null) {
            options.add("businessKey");
        }
        if (start.getCaseInstanceId() != null) {
            options.add("caseInstanceId");
        }
        if (start.getStartInstructions() != null && !start.getStartInstructions().isEmpty()) {
            options.add("startInstructions");
        }
        if (start.isSkipCustomListeners()) {
            options.add("skipCustomListeners");
        }
        if (start.isSkipIoMappings()) {
            options.add("skipIoMappings");
        }
        return options;
    }

    private static Map<String, Submitted> submitted(Map<String, VariableValueDto> variables) {
        Map<String, Submitted> values = new LinkedHashMap<>();
        if (variables != null) {
            variables.forEach((name, dto) -> values.put(name, dto == null ? null : new Submitted(dto.getType(), dto.getValue())));
        }
        return values;
    }

    private static void drop(Map<String, VariableValueDto> variables, Set<String> names) {
        if (variables != null) {
            names.forEach(variables::remove);
        }
    }

    /** Every variable name an API object would write, wherever it sits in the object (e.g. modification instructions). */
    static List<String> variableNames(Object entity) {
        List<String> names = new ArrayList<>();
        collect(JSON.valueToTree(entity), names);
        return names;
    }

    private static void collect(JsonNode node, List<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (VARIABLE_PROPERTIES.contains(field.getKey()) && field.getValue().isObject()) {
                    field.getValue().fieldNames().forEachRemaining(names::add);
                } else if ("deletions".equals(field.getKey()) && field.getValue().isArray()) {
                    field.getValue().forEach(name -> names.add(name.asText()));
                } else {
                    collect(field.getValue(), names);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, names));
        }
    }

    private static String describe(EnginePath path) {
        return switch (path.at(0) == null ? "" : path.at(0)) {
            case "message" -> "tương quan thông điệp (message)";
            case "signal" -> "tín hiệu (signal)";
            case "condition" -> "đánh giá điều kiện khởi tạo";
            case "external-task" -> "công việc ngoài (external task)";
            case "migration" -> "di chuyển phiên quy trình";
            case "execution" -> "luồng thực thi (execution)";
            case "process-instance" -> "phiên quy trình";
            default -> "API này";
        };
    }
}
