package vn.haiphong.dx.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up time and resident memory of the packaged application as the {@code Dockerfile} runs it: its own JVM with
 * the Dockerfile's options, on an empty database of the benchmark's server, once from the jar as built and once
 * from the extracted jar with the class-data-sharing archive that the Dockerfile makes at build time. The time runs
 * from launching the JVM until {@code /actuator/health} answers, which is after the seed plans are registered.
 */
final class ShippedStartup {

    /** The Dockerfile's JVM options (JAVA_TOOL_OPTIONS). */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-Duser.timezone=Asia/Ho_Chi_Minh");
    /** The training run's database: nothing on disk, nothing of the user's demo database touched. */
    static final String TRAINING_DATABASE = "jdbc:h2:mem:training";
    private static final Duration LIMIT = Duration.ofMinutes(2);

    private final Path jar;
    private final BenchmarkDatabase database;
    private final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private int databases;

    ShippedStartup(Path jar, BenchmarkDatabase database) {
        this.jar = jar;
        this.database = database;
    }

    /** One line per way of starting: the median of the runs' times, each run's time, the lowest and highest RSS. */
    List<String> measure(int runs) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(line("jar as built", List.of("-jar", jar.toString()), runs));
        Path extracted = jar.resolveSibling("benchmark-app");
        Path archive = extracted.resolve("application.jsa");
        Path extractedJar = extract(extracted);
        // The Dockerfile's training run: the default profile on an in-memory H2 database, stopped once the context is
        // refreshed.
        BenchmarkDatabase.run(command(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                "-jar", extractedJar.toString(), "--spring.datasource.url=" + TRAINING_DATABASE, "--server.port=0",
                "--logging.level.root=WARN")));
        // -Xshare:on, unlike the Dockerfile's default (auto), refuses to start without the archive: a figure that
        // silently fell back to loading every class would be wrong.
        lines.add(line("extracted, class-data sharing", List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on",
                "-jar", extractedJar.toString()), runs));
        return lines;
    }

    private Path extract(Path destination) throws IOException, InterruptedException {
        BenchmarkDatabase.run(command(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
                "--destination", destination.toString())));
        return destination.resolve(jar.getFileName());
    }

    private String line(String way, List<String> launch, int runs) throws Exception {
        List<Double> seconds = new ArrayList<>();
        List<Long> rss = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Start start = start(launch);
            seconds.add(start.seconds());
            rss.add(start.rssMegabytes());
        }
        List<String> each = seconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList();
        return String.format(Locale.ROOT, "start-up of the packaged application, %s: %.1f s (median of %s s), RSS after start %d–%d MB",
                way, Stats.median(seconds), String.join(", ", each),
                rss.stream().mapToLong(Long::longValue).min().orElse(-1), rss.stream().mapToLong(Long::longValue).max().orElse(-1));
    }

    private record Start(double seconds, long rssMegabytes) {
    }

    private Start start(List<String> launch) throws Exception {
        String url = database.create("dx_shipped_" + (++databases));
        int port = freePort();
        List<String> arguments = new ArrayList<>(launch);
        arguments.addAll(List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=" + port,
                "--app.admin.id=benchadmin", "--app.admin.password=QuanTri-Benchmark-2027!", "--logging.level.root=WARN"));
        Path log = Files.createTempFile("shipped-startup", ".log");
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command(arguments)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            while (!healthy(port)) {
                if (!process.isAlive() || System.nanoTime() - begin > LIMIT.toNanos()) {
                    throw new IllegalStateException("The packaged application did not start; its output:\n" + Files.readString(log));
                }
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            return new Start(seconds, rssMegabytes(process.pid()));
        } finally {
            process.destroy();
            process.waitFor();
            Files.deleteIfExists(log);
        }
    }

    private List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(arguments);
        return command;
    }

    private boolean healthy(int port) throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }
}
