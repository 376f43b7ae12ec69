package vn.haiphong.dx.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} is valid for Docker Compose: checked with Debian's docker-compose ({@code config}, which
 * needs no Docker engine), installed by the build's own set-up (src/test/setup/test-tools.sh). Without the required
 * secrets the file refuses to start, naming them.
 */
class ComposeFileTests {

    @Test
    void theComposeFileIsValidAndNeedsItsSecrets() throws Exception {
        Result valid = compose(Map.of("DB_PASSWORD", "ci", "APP_ADMIN_ID", "ci", "APP_ADMIN_PASSWORD", "ci", "METRICS_PASSWORD", "ci"));
        assertThat(valid.exit()).as(valid.output()).isZero();

        Result withoutSecrets = compose(Map.of());
        assertThat(withoutSecrets.exit()).isNotZero();
        assertThat(withoutSecrets.output()).contains("DB_PASSWORD");
    }

    record Result(int exit, String output) {}

    private static Result compose(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "config", "-q")
                .directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.equals("DB_PASSWORD") || k.startsWith("APP_ADMIN") || k.equals("METRICS_PASSWORD"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose answers").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
