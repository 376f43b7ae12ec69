package vn.haiphong.dx.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A browser's session in the Camunda webapps: logged in, with the CSRF cookie echoed as a header. */
public final class TasklistSession {

    private final TestRestTemplate http;
    private final List<String> cookies = new ArrayList<>();

    private TasklistSession(TestRestTemplate http) {
        this.http = http;
    }

    public static TasklistSession login(TestRestTemplate http, String user, String password) {
        TasklistSession session = new TasklistSession(http);
        session.keep(http.getForEntity("/camunda/app/tasklist/default/", String.class));
        HttpHeaders headers = session.headers();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>("username=" + user + "&password=" + password, headers), String.class);
        if (login.getStatusCode() != HttpStatus.OK) {
            throw new IllegalStateException("Tasklist login of " + user + " failed: " + login.getStatusCode());
        }
        session.keep(login);
        // The login starts a new session: a first call in it hands out that session's CSRF token.
        session.exchange("/camunda/api/admin/auth/user/default", HttpMethod.GET, null, String.class);
        return session;
    }

    /** An anonymous browser: only the CSRF cookie of a first page view. */
    public static TasklistSession anonymous(TestRestTemplate http) {
        TasklistSession session = new TasklistSession(http);
        session.keep(http.getForEntity("/camunda/app/tasklist/default/", String.class));
        return session;
    }

    public <T> ResponseEntity<T> exchange(String path, HttpMethod method, Object jsonBody, Class<T> type) {
        HttpHeaders headers = headers();
        if (jsonBody != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        ResponseEntity<T> response = http.exchange(path, method, new HttpEntity<>(jsonBody, headers), type);
        keep(response);
        return response;
    }

    /** A request with a body of any content type (e.g. a multipart deployment). */
    public <T> ResponseEntity<T> exchange(String path, HttpMethod method, Object body, MediaType contentType, Class<T> type) {
        HttpHeaders headers = headers();
        headers.setContentType(contentType);
        ResponseEntity<T> response = http.exchange(path, method, new HttpEntity<>(body, headers), type);
        keep(response);
        return response;
    }

    private void keep(ResponseEntity<?> response) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        if (set != null) {
            for (String cookie : set) {
                String pair = cookie.split(";", 2)[0];
                cookies.removeIf(c -> c.startsWith(pair.substring(0, pair.indexOf('=') + 1)));
                cookies.add(pair);
            }
        }
    }

    private HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        // As a browser on the application's own pages says where a request comes from (AppAuthenticationFilter checks it).
        headers.add(HttpHeaders.ORIGIN, http.getRootUri());
        cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .ifPresent(c -> headers.add("X-XSRF-TOKEN", c.substring("XSRF-TOKEN=".length())));
        return headers;
    }
}
