package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The documented TLS switch: Secure cookies, HSTS, and a Content-Security-Policy without 'unsafe-eval'. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:dx-tls;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"test", "tls"})
class TlsProfileTests {

    @Autowired TestRestTemplate http;

    @Test
    void webappsSendStrictHeadersAndSecureCookies() {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        HttpHeaders headers = page.getHeaders();
        assertThat(headers.getFirst("Strict-Transport-Security")).contains("max-age=31536000").contains("includeSubDomains");
        assertThat(headers.getFirst("Content-Security-Policy")).doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'").contains("'nonce-");
        List<String> cookies = headers.get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).isNotEmpty().allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }
}
