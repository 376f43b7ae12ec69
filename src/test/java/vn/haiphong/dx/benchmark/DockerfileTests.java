package vn.haiphong.dx.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The benchmark's start-up figures are for the image the Dockerfile builds: same JVM options, same archive recipe. */
class DockerfileTests {

    @Test
    void theBenchmarkStartsTheJarAsTheDockerfileDoes() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));

        assertThat(dockerfile).contains("JAVA_TOOL_OPTIONS=\"" + String.join(" ", ShippedStartup.JVM_OPTIONS) + "\"");
        assertThat(dockerfile).contains("-Djarmode=tools -jar target/dx-plan-workflow-*.jar extract");
        assertThat(dockerfile).contains("-XX:ArchiveClassesAtExit=/app/application.jsa -Dspring.context.exit=onRefresh",
                "--spring.datasource.url=" + ShippedStartup.TRAINING_DATABASE);
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/application.jsa\", \"-jar\", \"/app/app.jar\"]");
        assertThat(dockerfile.indexOf("ENV SPRING_PROFILES_ACTIVE=postgres"))
                .as("the training run uses the default profile, not PostgreSQL").isGreaterThan(dockerfile.indexOf("ArchiveClassesAtExit"));
    }
}
