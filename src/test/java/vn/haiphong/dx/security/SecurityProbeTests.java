package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.support.TasklistSession;

/**
 * Probes for the two holes reported against 7.24.0 (CVE-2026-109432, CVE-2026-77226), through both API
 * paths. The canary is a harmless bean that counts calls: it fires if an injected expression is evaluated.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-security;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(SecurityProbeTests.CanaryConfiguration.class)
class SecurityProbeTests {

    static final String CANARY = "${canary.fire()}";

    @TestConfiguration(proxyBeanMethods = false)
    static class CanaryConfiguration {
        @Bean
        Canary canary() {
            return new Canary();
        }
    }

    public static class Canary {
        final AtomicInteger fired = new AtomicInteger();

        public String fire() {
            fired.incrementAndGet();
            return "canary";
        }
    }

    @Autowired TestRestTemplate http;
    @Autowired Canary canary;
    @Autowired FilterService filters;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;

    @BeforeEach
    void reset() {
        canary.fired.set(0);
    }

    @Test
    void theCanaryFiresWhenAnExpressionIsEvaluated() {
        // Proof that the probe can fail: a stored filter (only administrators may create one) evaluates it.
        TaskQuery query = tasks.createTaskQuery();
        query.or().taskAssigneeExpression(CANARY).endOr();
        Filter filter = filters.saveFilter(filters.newTaskFilter("canary").setQuery(query));
        filters.count(filter.getId());
        filters.deleteFilter(filter.getId());
        assertThat(canary.fired.get()).isPositive();
    }

    @Test
    void adminSetupCannotCreateAnAdministratorEvenWithoutDirectAdminMembers() {
        identity.deleteMembership("admin", Groups.CAMUNDA_ADMIN);
        try {
            assertThat(identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isZero();
            Map<String, Object> attacker = Map.of("profile", Map.of("id", "keTanCong", "firstName", "Kẻ", "lastName", "Tấn công"),
                    "credentials", Map.of("password", "MatKhau-123456"));
            ResponseEntity<String> anonymous = TasklistSession.anonymous(http)
                    .exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST, attacker, String.class);
            ResponseEntity<String> direct = http.exchange("/camunda/api/admin/setup/default/user/create", HttpMethod.POST,
                    json(attacker), String.class);
            assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(identity.createUserQuery().userId("keTanCong").count()).as("no user was created").isZero();
        } finally {
            identity.createMembership("admin", Groups.CAMUNDA_ADMIN);
        }
    }

    @Test
    void onlyAdministratorsMayOpenAdminAndCockpit() {
        for (String app : List.of("admin", "cockpit")) {
            assertThat(webappLogin("kesat.cax", "demo", app)).as("a unit in %s", app).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(webappLogin("kesat.vhxh", "demo", app)).as("the Office in %s", app).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(webappLogin("admin", "admin", app)).as("admin in %s", app).isEqualTo(HttpStatus.OK);
        }
        assertThat(webappLogin("kesat.cax", "demo", "tasklist")).isEqualTo(HttpStatus.OK);
    }

    @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
    @Autowired AuthorizationBootstrap bootstrap;

    @Test
    void authorizationsFromThePlanDataAreCreatedOnce() {
        long before = authorizations.createAuthorizationQuery().count();
        bootstrap.run(null);
        bootstrap.run(null);
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("kesat-cax").count()).as("grants of one unit").isPositive();
    }

    private HttpStatus webappLogin(String user, String password, String app) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/" + app + "/default/", String.class);
        String xsrf = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
        String session = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElse("");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, xsrf + "; " + session);
        headers.add("X-XSRF-TOKEN", xsrf.substring("XSRF-TOKEN=".length()));
        return HttpStatus.valueOf(http.exchange("/camunda/api/admin/auth/user/default/login/" + app, HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class).getStatusCode().value());
    }

    private static void assertRefused(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("Truy vấn công việc không được chứa biểu thức");
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
