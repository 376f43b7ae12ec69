package vn.haiphong.dx.web;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The project's pages run no inline script: each response carries a Content-Security-Policy in the spirit of the
 * {@code tls} profile's policy for the Camunda webapps (scripts only with the page's nonce, and those they load —
 * {@code 'strict-dynamic'}), and the layout gives its script elements the nonce ({@code cspNonce}). Charts get their
 * data from {@code data-} attributes, never from script in the page.
 */
@Configuration
class PageSecurity implements WebMvcConfigurer {

    static final String NONCE = "cspNonce";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                byte[] bytes = new byte[18];
                RANDOM.nextBytes(bytes);
                String nonce = Base64.getEncoder().encodeToString(bytes);
                request.setAttribute(NONCE, nonce);
                response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'nonce-" + nonce
                        + "' 'strict-dynamic' 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
                return true;
            }
        }).addPathPatterns("/monitor", "/monitor/**", "/plans/**");
    }
}
