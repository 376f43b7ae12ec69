package vn.haiphong.dx.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's smoke preset, part of the test command: one agency's year on a real PostgreSQL server with the
 * project's and the vanilla configuration, pgbench on the same server, and the task-list probe. It proves that
 * the benchmark runs and counts what it claims; its figures are too small to mean anything.
 */
class ReportingBenchmarkSmokeTests {

    @Test
    void aSmallYearRunsWithBothConfigurationsAndPrintsEveryFigure() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<ReportingBenchmark.Run> runs = new ReportingBenchmark(BenchmarkPreset.SMOKE, 2, true,
                new PrintStream(printed, true, StandardCharsets.UTF_8), 3).run();

        assertThat(runs).extracting(ReportingBenchmark.Run::configuration).containsExactly("project", "vanilla");
        for (ReportingBenchmark.Run run : runs) {
            assertThat(run.months()).hasSize(BenchmarkPreset.MONTHS)
                    .allSatisfy(month -> assertThat(month.reports()).isEqualTo(BenchmarkPreset.UNITS_PER_AGENCY));
            assertThat(run.months()).as("each unit's report, the Office's and leadership's consolidation at least")
                    .allSatisfy(month -> assertThat(month.tasks()).isGreaterThanOrEqualTo(BenchmarkPreset.UNITS_PER_AGENCY + 2));
            assertThat(run.reports()).as("twelve months and the final reports").isEqualTo(13 * BenchmarkPreset.UNITS_PER_AGENCY);
            assertThat(run.median(w -> (double) w.database().writeTransactions() / w.reports()))
                    .as("a report cycle writes: its opening, the report, its share of the consolidation").isGreaterThanOrEqualTo(2);
            assertThat(run.median(w -> (double) w.database().rowsWritten() / w.reports())).isGreaterThan(10);
            assertThat(run.perReport(w -> w.database().rowsWritten())).as("the year's rows per report include the issuance's")
                    .isGreaterThan(run.median(w -> (double) w.database().rowsWritten() / w.reports()));
            assertThat(run.taskList().listP95()).isPositive();
        }
        String report = printed.toString(StandardCharsets.UTF_8);
        assertThat(report).as("the vanilla year runs with the driver's defaults")
                .contains("[project] driver properties {reWriteBatchedInserts=true}", "[vanilla] driver properties {reWriteBatchedInserts=false}");
        assertThat(report).as("durable commits, as in production").contains("server: PostgreSQL 15.", "fsync=on, synchronous_commit=on");
        assertThat(report).contains("preset smoke", "start-up", "RSS after start", "report cycles/s", "p50/p95/p99",
                "per report cycle: commits", "CPU per report cycle", "whole year", "whole year's work per report", "2,000 open / 20,000 historic",
                "pgbench -N, 2 clients", "engine write transactions / pgbench -N transactions", "project / vanilla report cycles/s",
                "WAL per report cycle", "engine rows written/s / pgbench -N rows written/s");
        assertThat(report).doesNotContain("NaN");
        // pgbench -N updates one account and inserts one history row per transaction: the server's counters cover the run.
        Matcher pgbench = Pattern.compile("per transaction: ([0-9.]+) rows written, PostgreSQL CPU ([0-9.]+) ms, WAL ([0-9.]+) kB").matcher(report);
        assertThat(pgbench.find()).as(report).isTrue();
        assertThat(Double.parseDouble(pgbench.group(1))).isBetween(1.8, 2.2);
        assertThat(Double.parseDouble(pgbench.group(2))).as("the server worked for pgbench").isPositive();
        assertThat(Double.parseDouble(pgbench.group(3))).isPositive();
        Matcher wal = Pattern.compile("\\[project\\]\\n(?s:.*?)WAL per report cycle: ([0-9.]+) kB").matcher(report);
        assertThat(wal.find()).as(report).isTrue();
        assertThat(Double.parseDouble(wal.group(1))).as("a report cycle writes rows, and rows are logged").isGreaterThan(1);
    }
}
