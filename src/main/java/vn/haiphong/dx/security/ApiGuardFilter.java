package vn.haiphong.dx.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes two holes reported against Camunda 7.24.0 and fixed only in paid patches, in front of both API
 * paths (the REST API and Tasklist's own {@code /camunda/api/engine}):
 * <ul>
 * <li>CVE-2026-109432: expressions smuggled into task queries through {@code orQueries} get evaluated.
 * Ad-hoc query requests (task, filter list/count, historic task) that carry an expression ({@code ${…}} or
 * {@code #{…}}) anywhere in their parameters or body are refused before they reach the engine. Stored
 * filters keep their expressions: only administrators may create them.</li>
 * <li>CVE-2026-77226: {@code /camunda/api/admin/setup/…} creates an administrator without authentication
 * when {@code camunda-admin} has no direct member. The first administrator always comes from configuration
 * here, so the setup endpoint is switched off.</li>
 * </ul>
 */
@Component
class ApiGuardFilter extends OncePerRequestFilter {

    static final Pattern QUERY_ENDPOINT = Pattern.compile(
            "^(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)"
                    + "/(task|task/count|filter/[^/]+/(list|count|singleResult)|history/task|history/task/count)/?$");
    static final Pattern ADMIN_SETUP = Pattern.compile("^/camunda/api/admin/setup(/.*)?$");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private static final int MAX_QUERY_BODY = 1 << 20;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ADMIN_SETUP.matcher(path).matches()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN,
                    "Chức năng tạo tài khoản quản trị qua giao diện đã bị tắt; tài khoản quản trị được tạo từ cấu hình.");
            return;
        }
        if (!QUERY_ENDPOINT.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_QUERY_BODY + 1);
        if (body.length > MAX_QUERY_BODY) {
            refuse(response, 413, "Truy vấn quá lớn.");
            return;
        }
        String query = request.getQueryString() == null ? "" : URLDecoder.decode(request.getQueryString(), StandardCharsets.UTF_8);
        if (EXPRESSION.matcher(query).find() || EXPRESSION.matcher(new String(body, StandardCharsets.UTF_8)).find()) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST,
                    "Truy vấn không được chứa biểu thức (${…} hoặc #{…}), kể cả trong orQueries.");
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"type\":\"Refused\",\"message\":\"" + message.replace("\"", "'") + "\"}");
    }

    /** The request with its body already read, so the API behind still gets it. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
