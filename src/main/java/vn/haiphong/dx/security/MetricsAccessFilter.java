package vn.haiphong.dx.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operators' metrics ({@code /actuator/prometheus}) are for administrators and the monitoring group, whose
 * member Prometheus logs in as; {@link AppAuthenticationFilter} has authenticated the request before. Everyone
 * else is refused: the figures describe every agency's work.
 */
@Component
class MetricsAccessFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AppUser user = AppUser.of(request);
        if (user != null && user.inAnyGroup(Groups.CAMUNDA_ADMIN, MonitoringBootstrap.GROUP)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Chỉ quản trị hệ thống và nhóm Giám sát vận hành (" + MonitoringBootstrap.GROUP
                + ") được xem số liệu vận hành.");
    }
}
