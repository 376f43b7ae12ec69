package vn.haiphong.dx.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes CVE-2026-77226: {@code /camunda/api/admin/setup/…} creates an administrator without authentication when
 * {@code camunda-admin} has no direct member. The first administrator always comes from configuration here
 * ({@code AdminBootstrap}, which also keeps that group's member), so the setup endpoint is switched off. The path
 * is the one the servlet container resolved: decoded, without path parameters ({@code setup;x}) or dot segments.
 */
@Component
class AdminSetupGuard extends OncePerRequestFilter {

    static final String SETUP = "/camunda/api/admin/setup";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                .replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        if (path.equals(SETUP) || path.startsWith(SETUP + "/")) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"type\":\"Refused\",\"message\":\"Chức năng tạo tài khoản quản trị qua giao diện "
                    + "đã bị tắt; tài khoản quản trị được tạo từ cấu hình.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
