package vn.haiphong.dx.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates requests to the project's own views and APIs: the Camunda webapp session of someone logged
 * in to Tasklist or Cockpit, or HTTP Basic against the engine's identity. Anonymous requests get 401.
 * The engine is told who acts, so its own authorization checks apply during the request.
 */
@Component
class AppAuthenticationFilter extends OncePerRequestFilter {

    private static final String ENGINE = "default";
    /** The addresses of pages people open from links (Tasklist, e-mails): without a session, to the login. */
    private static final java.util.regex.Pattern PAGES = java.util.regex.Pattern.compile("/(plans|monitor|reports|evidence|notifications)(/|$)");

    private final IdentityService identity;

    AppAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AppUser> sessionUser = fromSession(request.getSession(false));
        if (sessionUser.isPresent() && !SAFE_METHODS.contains(request.getMethod()) && !sameOrigin(request)) {
            // A page of another site may not act with the person's session (cross-site request forgery).
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Yêu cầu đến từ một trang web khác nên bị từ chối; hãy thao tác trên trang của hệ thống.");
            return;
        }
        Optional<AppUser> user = sessionUser.or(() -> fromBasic(request));
        if (user.isEmpty() && "GET".equals(request.getMethod()) && PAGES.matcher(request.getRequestURI().substring(request.getContextPath().length())).lookingAt()
                && String.valueOf(request.getHeader("Accept")).contains("text/html")) {
            // A person following a link to a page: to the login (Tasklist's), not a bare 401.
            response.sendRedirect(request.getContextPath() + "/camunda/app/tasklist/");
            return;
        }
        if (user.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"dx\", charset=\"UTF-8\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Vui lòng đăng nhập (qua Tasklist hoặc tài khoản của hệ thống).");
            return;
        }
        request.setAttribute(AppUser.ATTRIBUTE, user.get());
        identity.setAuthentication(user.get().id(), user.get().groups());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS");

    /**
     * Whether a request that changes something comes from the application's own pages: its Origin (or, without one,
     * its Referer) names the host the request was sent to. Browsers always send one of them with such requests.
     */
    static boolean sameOrigin(HttpServletRequest request) {
        String source = request.getHeader("Origin");
        if (source == null || source.isBlank() || "null".equals(source)) {
            source = request.getHeader("Referer");
        }
        String host = request.getHeader("Host");
        if (source == null || host == null) {
            return false;
        }
        try {
            java.net.URI uri = java.net.URI.create(source.trim());
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<AppUser> fromSession(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications != null
                && authentications.getAuthenticationForProcessEngine(ENGINE) instanceof UserAuthentication auth) {
            return Optional.of(new AppUser(auth.getName(), List.copyOf(auth.getGroupIds())));
        }
        return Optional.empty();
    }

    private Optional<AppUser> fromBasic(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String userId = decoded.substring(0, colon);
        if (!identity.checkPassword(userId, decoded.substring(colon + 1))) {
            return Optional.empty();
        }
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        return Optional.of(new AppUser(userId, groups));
    }
}
