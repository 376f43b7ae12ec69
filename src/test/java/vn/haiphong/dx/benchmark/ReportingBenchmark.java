package vn.haiphong.dx.benchmark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import vn.haiphong.dx.Application;
import vn.haiphong.dx.plan.Plans;

/**
 * A reporting year at city or national scale on a real PostgreSQL server, with the project's configuration and
 * with the Camunda starter's defaults, next to pgbench on the same server. Prints figures; asserts nothing but
 * that the year ran. {@code mvn -B -Pbenchmark package -DskipTests exec:exec -Dbenchmark.preset=city} (README, "Benchmark").
 */
public final class ReportingBenchmark {

    /** The starter's defaults for every setting the project tunes (application.yaml, "Throughput"). */
    static final Map<String, String> VANILLA = Map.of(
            "camunda.bpm.generic-properties.properties.historyRemovalTimeStrategy", "end",
            "app.authorization.unfiltered-groups", "false",
            "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "false",
            "camunda.bpm.generic-properties.properties.ensureJobDueDateNotNull", "false",
            "camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate", "false");

    /** The result of one configuration's year. */
    record Run(String configuration, YearWorkload workload, double yearSeconds, TaskListProbe.Figures taskList) {

        List<YearWorkload.Window> months() {
            return workload.windows.stream().filter(w -> w.name().matches("\\d\\d/\\d{4}")).toList();
        }

        /** A count over every window of the year, issuance included, per report. */
        double perReport(java.util.function.ToLongFunction<YearWorkload.Window> count) {
            return (double) workload.windows.stream().mapToLong(count).sum() / reports();
        }

        double median(ToDoubleFunction<YearWorkload.Window> figure) {
            List<Double> values = new ArrayList<>();
            months().forEach(window -> values.add(figure.applyAsDouble(window)));
            return Stats.median(values);
        }

        /** Rows the server wrote per second (median of months): what it does for the engine, next to pgbench. */
        double rowsWrittenPerSecond() {
            return median(w -> w.database().rowsWritten() / w.seconds());
        }

        int reports() {
            return workload.reports();
        }
    }

    private final BenchmarkPreset preset;
    private final int threads;
    private final boolean vanilla;
    private final PrintStream out;
    private final int pgbenchSeconds;
    /**
     * With a backlog, the open and historic tasks of the task-list probe are in the database during the whole year,
     * as the other agencies' work would be at national scale (4,100 agencies: 41,000 report tasks open at once).
     */
    private final boolean backlog = Boolean.getBoolean("benchmark.backlog");

    ReportingBenchmark(BenchmarkPreset preset, int threads, boolean vanilla, PrintStream out, int pgbenchSeconds) {
        this.preset = preset;
        this.threads = threads;
        this.vanilla = vanilla;
        this.out = out;
        this.pgbenchSeconds = pgbenchSeconds;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkPreset preset = BenchmarkPreset.valueOf(System.getProperty("benchmark.preset", "city").toUpperCase(Locale.ROOT));
        int threads = Integer.getInteger("benchmark.threads", 4);
        boolean vanilla = Boolean.parseBoolean(System.getProperty("benchmark.vanilla", "true"));
        new ReportingBenchmark(preset, threads, vanilla, System.out, 30).run();
        System.exit(0);
    }

    List<Run> run() throws Exception {
        List<Run> runs = new ArrayList<>();
        try (BenchmarkDatabase database = new BenchmarkDatabase(Boolean.getBoolean("benchmark.statements"))) {
            List<String> startup = new ArrayList<>();
            startup.add(startup(database));
            startup.addAll(shippedStartup(database));
            if (preset != BenchmarkPreset.SMOKE) {
                // A small year first, so that neither configuration pays for the JIT compiler's warm-up.
                year(database, "warmup", Map.of(), BenchmarkPreset.SMOKE);
            }
            // The second year in a JVM runs a little faster even after the warm-up: vanillaFirst swaps the order.
            if (vanilla && Boolean.getBoolean("benchmark.vanillaFirst")) {
                Run first = year(database, "vanilla", VANILLA, preset);
                runs.add(year(database, "project", Map.of(), preset));
                runs.add(first);
            } else {
                runs.add(year(database, "project", Map.of(), preset));
                if (vanilla) {
                    runs.add(year(database, "vanilla", VANILLA, preset));
                }
            }
            BenchmarkDatabase.Pgbench pgbench = database.pgbench(threads, pgbenchSeconds);
            print(runs, startup, pgbench, database.settings());
        }
        return runs;
    }

    /** Start-up time and resident memory of the application as shipped (seed plans, empty database). */
    private String startup(BenchmarkDatabase database) throws Exception {
        String url = database.create("dx_startup");
        long start = System.nanoTime();
        try (ConfigurableApplicationContext app = start(url, Map.of())) {
            double seconds = (System.nanoTime() - start) / 1e9;
            return String.format(Locale.ROOT, "start-up in the benchmark's JVM %.1f s (empty database: schema, deployment, 2 plans), RSS after start %d MB, heap used %d MB",
                    seconds, ShippedStartup.rssMegabytes(ProcessHandle.current().pid()), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
    }

    private Run year(BenchmarkDatabase database, String configuration, Map<String, String> overrides, BenchmarkPreset preset)
            throws Exception {
        String name = "dx_" + configuration;
        String url = database.create(name);
        Path plans = Files.createTempDirectory("benchmark-plans");
        Map<String, String> properties = new LinkedHashMap<>(overrides);
        properties.put("app.plans.location", PlanFiles.write(plans, preset.agencies));
        out.printf("[%s] year starting%n", configuration);
        long start = System.nanoTime();
        try (ConfigurableApplicationContext app = start(url, properties)) {
            double startSeconds = (System.nanoTime() - start) / 1e9;
            if (configuration.equals("vanilla")) {
                dropProjectIndexes(database, name);
            }
            out.printf("[%s] driver properties %s%n", configuration, app.getBean(HikariDataSource.class).getDataSourceProperties());
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            if (backlog) {
                fill(database, name, preset);
            }
            YearWorkload workload = new YearWorkload(engine, app.getBean(HikariDataSource.class), database, name, preset, threads, out,
                    app.getBean(Plans.class));
            database.resetStatements(name);
            workload.run();
            // The year's own time: start-up and the windows, without the backlog's bulk load and the pauses in
            // which the benchmark lets the server publish its statistics.
            double seconds = startSeconds + workload.windows.stream().mapToDouble(YearWorkload.Window::seconds).sum();
            int reports = workload.reports();
            database.tableRows(name, 20, reports).forEach(line -> out.printf("  [%s] %s%n", configuration, line));
            database.topStatements(name, Integer.getInteger("benchmark.statementLines", 25), reports)
                    .forEach(line -> out.printf("  [%s] %s%n", configuration, line));
            TaskListProbe.Figures taskList = null;
            if (Boolean.parseBoolean(System.getProperty("benchmark.taskList", "true"))) {
                if (!backlog) {
                    fill(database, name, preset);
                }
                taskList = TaskListProbe.measure(engine, preset);
            }
            // For looking at the filled database with psql (e.g. EXPLAIN of the task-list query).
            long keep = configuration.equals("warmup") ? 0 : Long.getLong("benchmark.keepMinutes", 0);
            if (keep > 0) {
                out.printf("database %s kept for %d min on port %d%n", name, keep, database.port());
                Thread.sleep(keep * 60_000);
            }
            return new Run(configuration, workload, seconds, taskList);
        } finally {
            ClockUtil.reset();
            FileSystemUtils.deleteRecursively(plans);
        }
    }

    private static void fill(BenchmarkDatabase database, String name, BenchmarkPreset preset) throws Exception {
        try (Connection connection = database.connect(name)) {
            TaskListProbe.fill(connection, preset);
        }
    }

    /** The indexes the project adds to the engine's tables (EngineTuning); a vanilla engine has none. */
    private static void dropProjectIndexes(BenchmarkDatabase database, String name) throws Exception {
        try (Connection connection = database.connect(name); java.sql.Statement sql = connection.createStatement()) {
            sql.execute("drop index dx_idx_act_auth_user");
            sql.execute("drop index dx_idx_act_task_parent");
            sql.execute("drop index dx_idx_act_job_due");
        }
    }

    private static ConfigurableApplicationContext start(String url, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("spring.datasource.url", url);
        all.put("spring.datasource.username", "postgres");
        all.put("spring.datasource.password", "");
        all.put("app.admin.id", "benchadmin");
        all.put("app.admin.password", "QuanTri-Benchmark-2027!");
        all.put("server.port", "0");
        all.put("logging.level.root", "WARN");
        all.putAll(properties);
        // As command-line arguments: they take precedence over the profile's files, as in a deployment.
        String[] arguments = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(Application.class).profiles("postgres").run(arguments);
    }

    /**
     * The packaged application in its own JVM, when the benchmark is given the jar ({@code -Dbenchmark.jar}, set by
     * the pom's benchmark profile after {@code package}).
     */
    private List<String> shippedStartup(BenchmarkDatabase database) throws Exception {
        String jar = System.getProperty("benchmark.jar", "");
        if (jar.isEmpty()) {
            return List.of();
        }
        if (!Files.isRegularFile(Path.of(jar))) {
            return List.of("start-up of the packaged application: not measured, " + jar + " is missing (run with package)");
        }
        return new ShippedStartup(Path.of(jar), database).measure(Integer.getInteger("benchmark.startupRuns", 3));
    }

    private void print(List<Run> runs, List<String> startup, BenchmarkDatabase.Pgbench pgbench, String server) {
        out.printf(Locale.ROOT, "%n=== Reporting benchmark: preset %s (%d agencies × %d units × %d months), %d user threads ===%n",
                preset.name().toLowerCase(Locale.ROOT), preset.agencies, BenchmarkPreset.UNITS_PER_AGENCY, BenchmarkPreset.MONTHS, threads);
        if (backlog) {
            out.printf(Locale.ROOT, "with a backlog: %,d open and %,d historic tasks of other agencies in the database during the year%n",
                    preset.openTasks, preset.historicTasks);
        }
        out.printf(Locale.ROOT, "machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        out.println("server: " + server);
        startup.forEach(out::println);
        for (Run run : runs) {
            YearWorkload workload = run.workload();
            out.printf(Locale.ROOT, "%n[%s]%n", run.configuration());
            for (YearWorkload.Window window : workload.windows) {
                BenchmarkDatabase.Counters db = window.database();
                out.printf(Locale.ROOT, "  %-30s %6d reports %6d tasks %8.1f s %7.1f cycles/s %7.1f tasks/s %8.1f write tx/s%n",
                        window.name(), window.reports(), window.tasks(), window.seconds(), window.cyclesPerSecond(),
                        window.tasksPerSecond(), db.writeTransactions() / window.seconds());
            }
            out.printf(Locale.ROOT, "  report cycles/s (median of months)         %.1f%n", run.median(YearWorkload.Window::cyclesPerSecond));
            out.printf(Locale.ROOT, "  task completions/s (median of months)      %.1f%n", run.median(YearWorkload.Window::tasksPerSecond));
            out.printf(Locale.ROOT, "  task completion latency p50/p95/p99        %.1f / %.1f / %.1f ms%n",
                    Stats.percentileMillis(workload.completionNanos, 50), Stats.percentileMillis(workload.completionNanos, 95),
                    Stats.percentileMillis(workload.completionNanos, 99));
            out.printf(Locale.ROOT, "  write transactions/s (median of months)    %.1f%n", run.median(w -> w.database().writeTransactions() / w.seconds()));
            out.printf(Locale.ROOT, "  per report cycle: commits %.1f, write transactions %.1f, rows written %.1f%n",
                    run.median(w -> (double) w.database().commits() / w.reports()), run.median(w -> (double) w.database().writeTransactions() / w.reports()),
                    run.median(w -> (double) w.database().rowsWritten() / w.reports()));
            out.printf(Locale.ROOT, "  CPU per report cycle: application %.1f ms, PostgreSQL %.1f ms%n",
                    run.median(w -> (double) w.appCpuMillis() / w.reports()), run.median(w -> (double) w.database().postgresCpuMillis() / w.reports()));
            out.printf(Locale.ROOT, "  WAL per report cycle: %.1f kB, %.1f full-page images; rows written/s (median of months) %.0f%n",
                    run.median(w -> w.database().walBytes() / 1024.0 / w.reports()),
                    run.median(w -> (double) w.database().walFullPageImages() / w.reports()), run.rowsWrittenPerSecond());
            out.printf(Locale.ROOT, "  whole year (start-up, issuance, 12 months, final reports; without the statistics pauses): %.1f s for %d reports%n", run.yearSeconds(), run.reports());
            // Rows do not depend on the machine's speed: what a change saves shows here first.
            out.printf(Locale.ROOT, "  whole year's work per report, issuance included: %.1f rows written, CPU application %.1f ms, PostgreSQL %.1f ms%n",
                    run.perReport(w -> w.database().rowsWritten()), run.perReport(YearWorkload.Window::appCpuMillis),
                    run.perReport(w -> w.database().postgresCpuMillis()));
            TaskListProbe.Figures list = run.taskList();
            if (list != null) {
                out.printf(Locale.ROOT, "  unit task list \"%s\" at %,d open / %,d historic tasks: page p50 %.1f ms, p95 %.1f ms; count p50 %.1f ms, p95 %.1f ms%n",
                        TaskListProbe.FILTER, list.openTasks(), list.historicTasks(), list.listP50(), list.listP95(), list.countP50(), list.countP95());
            }
        }
        Run project = runs.get(0);
        double projectWrites = project.median(w -> w.database().writeTransactions() / w.seconds());
        BenchmarkDatabase.Counters bench = pgbench.database();
        out.printf(Locale.ROOT, "%npgbench -N, %d clients, same server: %.0f TPS%n", threads, pgbench.tps());
        out.printf(Locale.ROOT, "  per transaction: %.1f rows written, PostgreSQL CPU %.2f ms, WAL %.2f kB; rows written/s %.0f%n",
                pgbench.perTransaction(bench.rowsWritten()), pgbench.perTransaction(bench.postgresCpuMillis()),
                pgbench.perTransaction(bench.walBytes()) / 1024, pgbench.rowsWrittenPerSecond());
        out.printf(Locale.ROOT, "engine write transactions / pgbench -N transactions: %.2f%n", projectWrites / pgbench.tps());
        // What the server does for each: a write transaction of the engine carries tens of rows, pgbench's two.
        out.printf(Locale.ROOT, "engine rows written/s / pgbench -N rows written/s: %.2f%n",
                project.rowsWrittenPerSecond() / pgbench.rowsWrittenPerSecond());
        if (runs.size() > 1) {
            out.printf(Locale.ROOT, "project / vanilla report cycles/s: %.2f%n",
                    project.median(YearWorkload.Window::cyclesPerSecond) / runs.get(1).median(YearWorkload.Window::cyclesPerSecond));
        }
    }
}
