package vn.haiphong.dx.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 15 server for the benchmark (embedded binaries, commits durable as in production), one
 * database per configuration, and what the server itself can tell: transactions, rows written, its CPU time,
 * and pgbench's commit rate on the same server.
 */
final class BenchmarkDatabase implements AutoCloseable {

    /** Debian's PostgreSQL 15 client tools; pgbench is not part of the embedded binaries. */
    static final Path PGBENCH = Path.of("/usr/lib/postgresql/15/bin/pgbench");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /**
     * Counters of one database at one moment. The WAL figures are the server's ({@code pg_stat_wal}): the
     * benchmark runs one database at a time.
     *
     * @param walBytes           write-ahead log written
     * @param walFullPageImages  whole 8 kB pages logged because it was their first change since a checkpoint
     */
    record Counters(long writeTransactions, long commits, long rowsWritten, long postgresCpuMillis, long walBytes,
                    long walFullPageImages) {

        Counters minus(Counters before) {
            return new Counters(writeTransactions - before.writeTransactions, commits - before.commits,
                    rowsWritten - before.rowsWritten, postgresCpuMillis - before.postgresCpuMillis,
                    walBytes - before.walBytes, walFullPageImages - before.walFullPageImages);
        }
    }

    /** pgbench's run: its own TPS, and what the server counted meanwhile in its database. */
    record Pgbench(double tps, double seconds, Counters database) {

        double rowsWrittenPerSecond() {
            return database.rowsWritten() / seconds;
        }

        double perTransaction(long count) {
            return count / (tps * seconds);
        }
    }

    private final EmbeddedPostgres server;

    private final boolean statements;

    /** With statements, the server keeps pg_stat_statements (a little slower): {@link #topStatements}. */
    BenchmarkDatabase(boolean statements) throws IOException {
        this.statements = statements;
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                // Durable commits as in production: the embedded server's own defaults turn both off.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_connections", "100");
        if (statements) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        server = builder.start();
    }

    /** The server's version and the settings that decide what a commit costs, as it reports them. */
    String settings() throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select split_part(version(), ' ', 2), current_setting('fsync'), "
                     + "current_setting('synchronous_commit'), current_setting('full_page_writes'), current_setting('shared_buffers')")) {
            row.next();
            return String.format("PostgreSQL %s, fsync=%s, synchronous_commit=%s, full_page_writes=%s, shared_buffers=%s",
                    row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5));
        }
    }

    /** Forgets the statements so far (start-up, a backlog's bulk load). */
    void resetStatements(String database) throws SQLException {
        if (statements) {
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute("create extension if not exists pg_stat_statements");
                statement.execute("select pg_stat_statements_reset()");
            }
        }
    }

    /**
     * The statements that cost the server most time in the database since its creation, with calls and rows per
     * report cycle (empty without pg_stat_statements).
     */
    List<String> topStatements(String database, int limit, int reports) throws SQLException {
        List<String> lines = new ArrayList<>();
        if (!statements) {
            return lines;
        }
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("select sum(total_exec_time + total_plan_time), sum(calls), sum(rows) "
                    + "from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = current_database()")) {
                row.next();
                lines.add(String.format(java.util.Locale.ROOT, "%8.2f ms %6.2f calls %7.1f rows per cycle  all statements",
                        row.getDouble(1) / reports, (double) row.getLong(2) / reports, (double) row.getLong(3) / reports));
            }
            try (ResultSet row = statement.executeQuery("select total_exec_time + total_plan_time, calls, rows, "
                    + "regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements s join pg_database d on d.oid = s.dbid "
                    + "where d.datname = current_database() order by 1 desc limit " + limit)) {
                while (row.next()) {
                    String query = row.getString(4);
                    lines.add(String.format(java.util.Locale.ROOT, "%8.2f ms %6.2f calls %7.1f rows per cycle  %s",
                            row.getDouble(1) / reports, (double) row.getLong(2) / reports, (double) row.getLong(3) / reports,
                            query.length() > 160 ? query.substring(0, 160) + "…" : query));
                }
            }
        }
        return lines;
    }

    /**
     * The tables the server wrote most rows to in the database since its creation, per report cycle: inserted,
     * updated, deleted, and the table's indexes, primary key included (an inserted row adds an entry to each).
     * Printed with the statements ({@code -Dbenchmark.statements}), empty otherwise.
     */
    List<String> tableRows(String database, int limit, int reports) throws SQLException {
        List<String> lines = new ArrayList<>();
        if (!statements) {
            return lines;
        }
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del, "
                     + "(select count(*) from pg_index i where i.indrelid = t.relid) "
                     + "from pg_stat_user_tables t order by n_tup_ins + n_tup_upd + n_tup_del desc limit " + limit)) {
            while (row.next()) {
                lines.add(String.format(java.util.Locale.ROOT, "%6.1f inserted %6.1f updated %6.1f deleted per cycle, %2d indexes  %s",
                        (double) row.getLong(2) / reports, (double) row.getLong(3) / reports, (double) row.getLong(4) / reports,
                        row.getInt(5), row.getString(1)));
            }
        }
        return lines;
    }

    int port() {
        return server.getPort();
    }

    String create(String database) throws SQLException {
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            statement.execute("create database " + database);
        }
        return url(database);
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?user=postgres";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    /**
     * Write transactions are counted by transaction ids handed out (a read-only transaction gets none); commits
     * and rows from the statistics, which backends publish within a second, so the caller waits before reading.
     */
    Counters counters(String database) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint, "
                     + "xact_commit, tup_inserted + tup_updated + tup_deleted, w.wal_bytes::bigint, w.wal_fpi "
                     + "from pg_stat_database, pg_stat_wal w where datname = current_database()")) {
            row.next();
            return new Counters(row.getLong(1), row.getLong(2), row.getLong(3), postgresCpuMillis(), row.getLong(4), row.getLong(5));
        }
    }

    /** CPU time of every PostgreSQL process on this machine, ended backends included (the benchmark's server is the only one running). */
    static long postgresCpuMillis() {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    if (!Files.readString(process.resolve("comm")).trim().equals("postgres")) {
                        continue;
                    }
                    String stat = Files.readString(process.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // Own time, and that of ended children (the postmaster's: closed connections' backends).
                    for (int field = 11; field <= 14; field++) {
                        ticks += Long.parseLong(fields[field]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while being read
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks * 10;  // USER_HZ is 100 on Linux
    }

    /**
     * pgbench's simple-update workload (-N) with the given connections: its TPS, and the server's counters of
     * the run (its backends have ended, so their statistics are published).
     */
    Pgbench pgbench(int clients, int seconds) throws IOException, InterruptedException, SQLException {
        create("pgbench");
        run(List.of(PGBENCH.toString(), "-i", "-s", "10", "-q", "-h", "localhost", "-p", String.valueOf(port()), "-U", "postgres", "pgbench"));
        Counters before = counters("pgbench");
        String output = run(List.of(PGBENCH.toString(), "-N", "-c", String.valueOf(clients), "-j", String.valueOf(clients),
                "-T", String.valueOf(seconds), "-M", "prepared", "-h", "localhost", "-p", String.valueOf(port()), "-U", "postgres", "pgbench"));
        Thread.sleep(1_500);
        Counters run = counters("pgbench").minus(before);
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench printed no TPS:\n" + output);
        }
        return new Pgbench(Double.parseDouble(tps.group(1)), seconds, run);
    }

    /** Runs a command to its end; its output, or an exception with the output if it failed. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
