package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * CVE-2026-109432: an expression smuggled into a task query in any encoding a client can choose never runs. Each
 * probe is sent as raw bytes (so that nothing in the test client normalises it) to the REST API and to Tasklist's
 * own API (with a logged-in browser session); the canary bean counts every evaluation of its expression.
 * {@link SecurityProbeTests} shows that the canary does fire when an expression is evaluated (a stored filter).
 * Its own database: the REST API finds the engine by name, which in a test run is the newest context's engine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-query-guard;DB_CLOSE_DELAY=-1")
@ActiveProfiles("test")
@Import(SecurityProbeTests.CanaryConfiguration.class)
class QueryGuardTests {

    static final String EXPRESSION = "${canary.fire()}";

    @LocalServerPort int port;
    @Autowired SecurityProbeTests.Canary canary;
    @Autowired FilterService filters;

    /**
     * One way of sending a query. {@code expected} is the status a guarded server answers: 400 with the guard's
     * reason once the query reached the engine, or the API's own refusal before (a body it cannot read, a path it
     * does not serve, a content type it does not take).
     */
    record Probe(String name, String method, String path, String contentType, byte[] body, int expected, boolean reachesEngine) {
        Probe(String name, String method, String path, String contentType, byte[] body, int expected) {
            this(name, method, path, contentType, body, expected, expected == 400);
        }
    }

    @Test
    void noEncodingOfAnExpressionInATaskQueryRuns() throws Exception {
        canary.fired.set(0);
        String filterId = filters.createFilterQuery().filterName("Việc của đơn vị").singleResult().getId();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Api api : List.of(Api.rest(port), Api.tasklist(port))) {
            for (Probe probe : probes(filterId)) {
                HttpResponse<String> response = api.send(probe);
                sent++;
                String body = response.body();
                if (response.statusCode() != probe.expected()) {
                    failures.add(api.name + " · " + probe.name() + ": " + response.statusCode() + " " + body);
                } else if (probe.reachesEngine() && !body.contains("Truy vấn công việc không được chứa biểu thức")) {
                    failures.add(api.name + " · " + probe.name() + ": refused without the Vietnamese reason: " + body);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(canary.fired.get()).as("evaluations of the canary's expression after %d probes", sent).isZero();
        System.out.printf("Query guard: %d probes (%d encodings × 2 APIs), canary evaluations: %d%n", sent, sent / 2, canary.fired.get());
    }

    static List<Probe> probes(String filterId) throws IOException {
        String or = "{\"orQueries\":[{\"assigneeExpression\":\"" + EXPRESSION + "\"}]}";
        byte[] plain = or.getBytes(StandardCharsets.UTF_8);
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe("orQueries, plain JSON", "POST", "task", "application/json", plain, 400));
        probes.add(new Probe("orQueries, $ as a JSON unicode escape", "POST", "task", "application/json",
                or.replace("${", "\\u0024{").getBytes(StandardCharsets.UTF_8), 400));
        probes.add(new Probe("orQueries, every character of ${} escaped", "POST", "task", "application/json",
                or.replace("${", "\\u0024\\u007b").replace("()}", "()\\u007d").getBytes(StandardCharsets.UTF_8), 400));
        probes.add(new Probe("orQueries, UTF-16 body", "POST", "task", "application/json;charset=UTF-16",
                or.getBytes(StandardCharsets.UTF_16), 400));
        probes.add(new Probe("orQueries, UTF-16LE body without a charset", "POST", "task", "application/json",
                or.getBytes(StandardCharsets.UTF_16LE), 400));
        probes.add(new Probe("orQueries, UTF-32 body", "POST", "task", "application/json",
                or.getBytes(Charset.forName("UTF-32BE")), 400));
        probes.add(new Probe("orQueries, UTF-8 with a byte order mark", "POST", "task", "application/json",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, plain), 400));
        probes.add(new Probe("orQueries, path parameter task;x", "POST", "task;x", "application/json", plain, 400));
        probes.add(new Probe("orQueries, percent-encoded path %74ask", "POST", "%74ask", "application/json", plain, 404));
        probes.add(new Probe("orQueries, trailing slash", "POST", "task/", "application/json", plain, 400));
        probes.add(new Probe("orQueries, count", "POST", "task/count", "application/json", plain, 400));
        probes.add(new Probe("orQueries, deferred #{…}", "POST", "task", "application/json",
                or.replace("${", "#{").getBytes(StandardCharsets.UTF_8), 400));
        for (String field : List.of("candidateGroupExpression", "candidateUserExpression", "involvedUserExpression",
                "ownerExpression", "dueBeforeExpression", "followUpAfterExpression", "candidateGroupsExpression")) {
            probes.add(new Probe("orQueries, " + field, "POST", "task", "application/json",
                    ("{\"orQueries\":[{\"" + field + "\":\"" + EXPRESSION + "\"}]}").getBytes(StandardCharsets.UTF_8), 400));
        }
        probes.add(new Probe("orQueries given twice, the second one smuggled", "POST", "task", "application/json",
                ("{\"orQueries\":[],\"orQueries\":[{\"assigneeExpression\":\"" + EXPRESSION + "\"}]}").getBytes(StandardCharsets.UTF_8), 400));
        probes.add(new Probe("top-level expression", "POST", "task", "application/json",
                ("{\"assigneeExpression\":\"" + EXPRESSION + "\"}").getBytes(StandardCharsets.UTF_8), 400));
        probes.add(new Probe("filter list, extending query", "POST", "filter/" + filterId + "/list", "application/json", plain, 400));
        probes.add(new Probe("filter count, extending query", "POST", "filter/" + filterId + "/count", "application/json", plain, 400));
        probes.add(new Probe("filter singleResult, extending query", "POST", "filter/" + filterId + "/singleResult",
                "application/json", plain, 400));
        probes.add(new Probe("filter list, UTF-16 extending query", "POST", "filter/" + filterId + "/list",
                "application/json;charset=UTF-16", or.getBytes(StandardCharsets.UTF_16), 400));
        probes.add(new Probe("GET parameter", "GET", "task?assigneeExpression=" + URLEncoder.encode(EXPRESSION, StandardCharsets.UTF_8),
                null, null, 400));
        probes.add(new Probe("GET parameter on count, path parameter", "GET",
                "task;x/count?candidateGroupExpression=" + URLEncoder.encode(EXPRESSION, StandardCharsets.UTF_8), null, null, 400));
        probes.add(new Probe("form-encoded body", "POST", "task", "application/x-www-form-urlencoded",
                ("orQueries=" + URLEncoder.encode("[{\"assigneeExpression\":\"" + EXPRESSION + "\"}]", StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8), 415));
        probes.add(new Probe("text/plain body", "POST", "task", "text/plain", plain, 415));
        probes.add(new Probe("gzip body", "POST", "task", "application/json", gzip(plain), 400, false));
        return probes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    /** A client of one of the two APIs, sending bytes as they are. */
    static final class Api {
        final String name;
        final String base;
        final HttpClient client;
        final CookieManager cookies;
        final String authorization;

        private Api(String name, String base, CookieManager cookies, String authorization) {
            this.name = name;
            this.base = base;
            this.cookies = cookies;
            this.authorization = authorization;
            HttpClient.Builder builder = HttpClient.newBuilder();
            if (cookies != null) {
                builder.cookieHandler(cookies);
            }
            this.client = builder.build();
        }

        static Api rest(int port) {
            return new Api("REST /engine-rest", "http://localhost:" + port + "/engine-rest/", null,
                    "Basic " + Base64.getEncoder().encodeToString("kesat.cax:demo".getBytes(StandardCharsets.UTF_8)));
        }

        /** Tasklist's API with a logged-in session, echoing the CSRF cookie as Tasklist does. */
        static Api tasklist(int port) throws Exception {
            CookieManager cookies = new CookieManager();
            Api api = new Api("Tasklist /camunda/api/engine", "http://localhost:" + port + "/camunda/api/engine/engine/default/",
                    cookies, null);
            String root = "http://localhost:" + port;
            api.client.send(HttpRequest.newBuilder(URI.create(root + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<String> login = api.client.send(HttpRequest.newBuilder(
                            URI.create(root + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", api.xsrf())
                    .POST(HttpRequest.BodyPublishers.ofString("username=kesat.cax&password=demo")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            api.client.send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return api;
        }

        String xsrf() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
        }

        HttpResponse<String> send(Probe probe) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + probe.path()));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (cookies != null) {
                request.header("X-XSRF-TOKEN", xsrf());
            }
            if (probe.name().startsWith("gzip")) {
                request.header("Content-Encoding", "gzip");
            }
            if (probe.body() == null) {
                request.GET();
            } else {
                request.header("Content-Type", probe.contentType()).method(probe.method(), HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }
}
