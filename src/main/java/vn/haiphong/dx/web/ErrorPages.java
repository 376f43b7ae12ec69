package vn.haiphong.dx.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What a person reads when a request to the project's pages or APIs (or any address the server does not know)
 * fails: a Vietnamese reason and message, in the JSON error body and on the error page ({@code templates/error.html}),
 * never Spring's English "Not Found" or an exception's text. A refusal that gave its own Vietnamese reason
 * ({@code ResponseStatusException}) keeps it.
 */
@Component
class ErrorPages extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options.including(ErrorAttributeOptions.Include.MESSAGE));
        int status = attributes.get("status") instanceof Integer code ? code : 500;
        Throwable error = getError(request);
        String reason = error instanceof org.springframework.web.server.ResponseStatusException refused && refused.getReason() != null
                ? refused.getReason() : message(status);
        attributes.put("error", title(status));
        attributes.put("message", reason);
        attributes.remove("trace");
        attributes.remove("exception");
        attributes.remove("errors");
        return attributes;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 401 -> "Chưa đăng nhập";
            case 403 -> "Không có quyền truy cập";
            case 404 -> "Không tìm thấy";
            case 405 -> "Thao tác không được hỗ trợ";
            case 413 -> "Tệp quá lớn";
            case 415 -> "Định dạng dữ liệu không được hỗ trợ";
            default -> status >= 500 ? "Lỗi hệ thống" : "Không thực hiện được yêu cầu";
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu gửi lên không hợp lệ nên chưa được thực hiện; chưa lưu gì.";
            case 401 -> "Vui lòng đăng nhập để tiếp tục.";
            case 403 -> "Bạn không có quyền xem hoặc thực hiện thao tác này.";
            case 404 -> "Không tìm thấy trang hoặc dữ liệu này. Hãy kiểm tra lại địa chỉ.";
            case 405 -> "Thao tác này không được hỗ trợ tại địa chỉ này.";
            case 413 -> "Tệp tải lên vượt quá giới hạn 10 MB; chưa lưu gì. Hãy nén hoặc chia nhỏ tệp rồi tải lại.";
            case 415 -> "Địa chỉ này không nhận dữ liệu ở định dạng đã gửi; chưa lưu gì. Hãy gửi dữ liệu dạng JSON "
                    + "(Content-Type: application/json), hoặc tệp kế hoạch dạng YAML khi đưa kế hoạch vào.";
            default -> status >= 500 ? "Hệ thống gặp lỗi khi xử lý yêu cầu; quản trị viên đã được ghi nhận lỗi. Vui lòng thử lại sau."
                    : "Không thực hiện được yêu cầu.";
        };
    }
}
