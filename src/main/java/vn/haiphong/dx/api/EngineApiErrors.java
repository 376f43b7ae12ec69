package vn.haiphong.dx.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.support.WebApplicationContextUtils;

import vn.haiphong.dx.security.ClientInputPolicy;
import vn.haiphong.dx.security.ClientInputPolicy.OperationRefusedException;
import vn.haiphong.dx.shared.UserRefusal;

/**
 * Every error of the engine's APIs answered in Vietnamese, in the shape Tasklist and Cockpit read
 * ({@code {"type", "message"}}): what the person may do about it, never the engine's English text with class,
 * permission or column names. What an administrator needs is logged in English with an error id that the
 * person's message repeats. The mappers take precedence over the engine's own mappers of the same types.
 */
public final class EngineApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineApiErrors.class);

    private static final Map<String, String> PERMISSIONS = Map.ofEntries(
            Map.entry("READ", "xem"), Map.entry("UPDATE", "sửa"), Map.entry("CREATE", "tạo"), Map.entry("DELETE", "xóa"),
            Map.entry("ACCESS", "truy cập"), Map.entry("TASK_WORK", "xử lý"), Map.entry("TASK_ASSIGN", "giao"),
            Map.entry("READ_TASK", "xem công việc của"), Map.entry("UPDATE_TASK", "sửa công việc của"),
            Map.entry("CREATE_INSTANCE", "khởi tạo"), Map.entry("READ_INSTANCE", "xem phiên của"),
            Map.entry("UPDATE_INSTANCE", "sửa phiên của"), Map.entry("DELETE_INSTANCE", "xóa phiên của"),
            Map.entry("READ_VARIABLE", "xem dữ liệu của"), Map.entry("UPDATE_VARIABLE", "sửa dữ liệu của"),
            Map.entry("READ_HISTORY", "xem lịch sử của"), Map.entry("ALL", "toàn quyền với"));
    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("Task", "công việc"), Map.entry("ProcessInstance", "phiên quy trình"),
            Map.entry("ProcessDefinition", "quy trình"), Map.entry("Filter", "bộ lọc"), Map.entry("Deployment", "gói triển khai"),
            Map.entry("User", "người dùng"), Map.entry("Group", "nhóm"), Map.entry("Authorization", "phân quyền"),
            Map.entry("Application", "ứng dụng"), Map.entry("Batch", "tác vụ hàng loạt"), Map.entry("Tenant", "đơn vị thuê"),
            Map.entry("HistoricTask", "lịch sử công việc"), Map.entry("HistoricProcessInstance", "lịch sử phiên quy trình"),
            Map.entry("DecisionDefinition", "bảng quyết định"), Map.entry("System", "hệ thống"));
    private static final Map<String, String> RESOURCE_PATHS = Map.ofEntries(
            Map.entry("task", "công việc"), Map.entry("process-instance", "phiên quy trình"),
            Map.entry("process-definition", "quy trình"), Map.entry("filter", "bộ lọc"), Map.entry("deployment", "gói triển khai"),
            Map.entry("user", "người dùng"), Map.entry("group", "nhóm"), Map.entry("execution", "luồng thực thi"),
            Map.entry("job", "tác vụ"), Map.entry("incident", "sự cố"), Map.entry("history", "dữ liệu lịch sử"));

    private EngineApiErrors() {
    }

    /**
     * The answer to an error of an engine API, for the person who sent the request. An administrator also gets the
     * engine's own text (e.g. why a model does not parse), after the Vietnamese message.
     */
    static Response respond(Throwable error, UriInfo uri, ServletContext servlet) {
        Response response = respond(error, uri);
        if (response.getStatus() >= 400 && response.getStatus() < 500 && refusal(error) == null && administrator(servlet)
                && error.getMessage() != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> body = (Map<String, String>) response.getEntity();
            return answer(response.getStatus(), body.get("type"), body.get("message") + " Chi tiết: " + error.getMessage());
        }
        return response;
    }

    private static boolean administrator(ServletContext servlet) {
        try {
            return servlet != null && WebApplicationContextUtils.getRequiredWebApplicationContext(servlet)
                    .getBean(ClientInputPolicy.class).callerIsAdministrator();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static Response respond(Throwable error, UriInfo uri) {
        UserRefusal refusal = refusal(error);
        if (refusal != null) {
            int status = refusal instanceof OperationRefusedException ? 403 : 400;
            LOG.info("Request refused ({}): {}", status, ((Throwable) refusal).getMessage());
            return answer(status, refusal.getClass().getSimpleName(), ((Throwable) refusal).getMessage());
        }
        AuthorizationException denied = find(error, AuthorizationException.class);
        if (denied != null) {
            LOG.info("Authorization refused: {}", denied.getMessage());
            return answer(403, "AuthorizationException", denied(denied));
        }
        TaskAlreadyClaimedException claimed = find(error, TaskAlreadyClaimedException.class);
        if (claimed != null) {
            return answer(409, "TaskAlreadyClaimedException", "Công việc này đã được người dùng «" + claimed.getTaskAssignee()
                    + "» nhận xử lý. Hãy tải lại danh sách công việc.");
        }
        if (find(error, OptimisticLockingException.class) != null) {
            return answer(409, "OptimisticLockingException",
                    "Dữ liệu vừa được người khác cập nhật cùng lúc. Hãy tải lại trang rồi thực hiện lại.");
        }
        if (find(error, JsonParseException.class) != null || find(error, JsonMappingException.class) != null) {
            LOG.info("Unreadable request to {}: {}", path(uri), error.getMessage());
            return answer(400, "InvalidRequestException",
                    "Dữ liệu gửi lên không đọc được (không đúng định dạng JSON hoặc sai kiểu dữ liệu). Chưa lưu gì.");
        }
        int status = status(error);
        String id = UUID.randomUUID().toString().substring(0, 8);
        if (status >= 500) {
            LOG.error("Error {} answering {}", id, path(uri), error);
        } else {
            LOG.info("Request to {} answered {} (error {}): {}", path(uri), status, id, error.getMessage());
        }
        return answer(status, "Error", message(status, uri) + " (Mã lỗi " + id + ")");
    }

    private static int status(Throwable error) {
        if (error instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        // "Cannot find task …" when a colleague completed it meanwhile: the engine answers 500 for it.
        if (find(error, NullValueException.class) != null) {
            return 404;
        }
        return ExceptionHandlerHelper.getInstance().getStatus(error).getStatusCode();
    }

    private static String message(int status, UriInfo uri) {
        String what = uri == null ? null : RESOURCE_PATHS.get(EnginePath.of(uri).at(0));
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ nên chưa được thực hiện; chưa lưu gì.";
            case 401 -> "Vui lòng đăng nhập lại.";
            case 403 -> "Bạn không có quyền thực hiện thao tác này.";
            case 404 -> what == null ? "Không tìm thấy địa chỉ hoặc dữ liệu được yêu cầu."
                    : "Không tìm thấy " + what + " này: có thể đã được xử lý xong, đã bị xóa hoặc bạn không có quyền xem.";
            case 405 -> "Thao tác này không được hỗ trợ tại địa chỉ này.";
            case 406, 415 -> "Định dạng dữ liệu không được hỗ trợ (cần JSON, mã hóa UTF-8).";
            case 409 -> "Dữ liệu đã thay đổi trong lúc bạn thao tác. Hãy tải lại trang rồi thực hiện lại.";
            default -> "Hệ thống gặp lỗi khi xử lý yêu cầu; quản trị viên đã được ghi nhận lỗi.";
        };
    }

    private static String denied(AuthorizationException denied) {
        List<MissingAuthorization> missing = denied.getMissingAuthorizations();
        if (missing == null || missing.isEmpty()) {
            return "Bạn không có quyền thực hiện thao tác này.";
        }
        MissingAuthorization first = missing.get(0);
        String permission = PERMISSIONS.getOrDefault(first.getViolatedPermissionName(), "thao tác với");
        String resource = RESOURCES.getOrDefault(first.getResourceType(), "dữ liệu");
        return "Bạn không có quyền " + permission + " " + resource + " này. Mỗi đơn vị chỉ làm việc trên công việc của "
                + "đơn vị mình; nếu đây là việc của đơn vị bạn, hãy liên hệ quản trị hệ thống.";
    }

    private static Response answer(int status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Map.of("type", type, "message", message)).build();
    }

    private static UserRefusal refusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserRefusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String path(UriInfo uri) {
        return uri == null ? "?" : uri.getPath().toLowerCase(Locale.ROOT);
    }

    /**
     * A mapper for one type the engine maps, chosen before the engine's own (a lower priority value wins). Jersey
     * reads the mapped type from the subclass's type argument.
     */
    @Priority(Priorities.USER - 100)
    abstract static class Mapper<E extends Throwable> implements ExceptionMapper<E> {
        @Context
        private UriInfo uri;

        @Context
        private ServletContext servlet;

        @Override
        public Response toResponse(E error) {
            return respond(error, uri, servlet);
        }
    }

    @Priority(Priorities.USER - 100)
    public static class AnyError extends Mapper<Throwable> {
    }

    @Priority(Priorities.USER - 100)
    public static class RestError extends Mapper<RestException> {
    }

    @Priority(Priorities.USER - 100)
    public static class EngineError extends Mapper<ProcessEngineException> {
    }

    @Priority(Priorities.USER - 100)
    public static class JsonMappingError extends Mapper<JsonMappingException> {
    }

    @Priority(Priorities.USER - 100)
    public static class JsonParseError extends Mapper<JsonParseException> {
    }
}
