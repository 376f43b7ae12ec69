package vn.haiphong.dx.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API is open by default in a starter application: require HTTP Basic authentication against the
 * engine's identity, so the engine knows the user and groups and applies its checks. Health stays open at
 * {@code /actuator/health}; the operators' metrics need an administrator or a member of the monitoring group.
 */
@Configuration
@EnableConfigurationProperties(AdminProperties.class)
class SecurityConfiguration {

    static final String METRICS = "/actuator/prometheus";

    /** Before everything else on the webapps' API, including the webapps' own filters. */
    @Bean
    FilterRegistrationBean<AdminSetupGuard> adminSetupGuardRegistration(AdminSetupGuard filter) {
        FilterRegistrationBean<AdminSetupGuard> registration = new FilterRegistrationBean<>(filter);
        registration.setName("admin-setup-guard");
        registration.addUrlPatterns("/camunda/api/*");
        registration.setOrder(Integer.MIN_VALUE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AppAuthenticationFilter> appAuthentication(AppAuthenticationFilter filter) {
        FilterRegistrationBean<AppAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("app-authentication");
        registration.addUrlPatterns("/api/*", "/monitor/*", "/plans/*", "/reports/*", "/evidence/*", "/notifications/*", "/logout", METRICS);
        registration.setOrder(2);
        return registration;
    }

    /** After the authentication: administrators and the monitoring group only. */
    @Bean
    FilterRegistrationBean<MetricsAccessFilter> metricsAccess(MetricsAccessFilter filter) {
        FilterRegistrationBean<MetricsAccessFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("metrics-access");
        registration.addUrlPatterns(METRICS);
        registration.setOrder(3);
        return registration;
    }
}
