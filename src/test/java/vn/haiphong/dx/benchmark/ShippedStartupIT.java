package vn.haiphong.dx.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The packaged jar started the way the {@code Dockerfile} starts it: extracted, its class-data-sharing archive
 * recorded by a training run, then started with the archive required ({@code -Xshare:on}, which refuses to start
 * if the archive cannot be used) on PostgreSQL, until its health endpoint answers. Runs after {@code package}.
 */
class ShippedStartupIT {

    private static final Pattern LINE = Pattern.compile("start-up of the packaged application, (.+): ([\\d.]+) s .*RSS after start (\\d+)–(\\d+) MB");

    @Test
    void theJarStartsAsBuiltAndWithTheDockerfilesClassDataSharingArchive() throws Exception {
        Path jar = Path.of(System.getProperty("benchmark.jar"));
        assertThat(jar).isRegularFile();
        try (BenchmarkDatabase database = new BenchmarkDatabase(false)) {
            List<String> lines = new ShippedStartup(jar, database).measure(1);

            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains("jar as built");
            assertThat(lines.get(1)).contains("extracted, class-data sharing");
            for (String line : lines) {
                Matcher figures = LINE.matcher(line);
                assertThat(figures.find()).as(line).isTrue();
                assertThat(Double.parseDouble(figures.group(2))).as("seconds until healthy").isGreaterThan(0.5).isLessThan(120);
                assertThat(Long.parseLong(figures.group(3))).as("RSS of the started application (MB)").isBetween(100L, 1024L);
            }
            assertThat(jar.resolveSibling("benchmark-app").resolve("application.jsa")).isRegularFile();
            assertThat(Files.size(jar.resolveSibling("benchmark-app").resolve("application.jsa")))
                    .as("the archive holds the application's classes, not only the JDK's").isGreaterThan(20L << 20);
        }
    }
}
