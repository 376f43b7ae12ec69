package vn.haiphong.dx.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * One node at a time sets up a shared PostgreSQL database: the engine's schema creation and deployment, Flyway's
 * migrations and the start-up bootstraps (the {@code ApplicationRunner}s: administrator, groups, filters,
 * authorizations, plans). Two nodes started together on an empty database otherwise both create the schema
 * (duplicate key on {@code pg_type}) or the administrator's authorizations (on {@code act_uniq_auth_group}).
 *
 * <p>A session-level advisory lock on a connection of its own, outside the pool: taken before the engine and Flyway
 * initialise (see {@link ClusterConfiguration}), released when the application is ready (after every runner) or,
 * when start-up fails, when the context closes. If the node dies, PostgreSQL ends its session and the lock with it.
 * On any other database (the embedded H2 of the demo, one node only) nothing is locked.
 */
class StartupLock implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    /** The lock's key: "dx-start" in ASCII; {@code pg_locks} shows it as classid 1685597555, objid 1952543348. */
    static final long KEY = 0x64782d7374617274L;

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

    private final Connection connection;
    private final Duration waited;

    StartupLock(DataSource dataSource) throws SQLException {
        if (!(dataSource instanceof HikariDataSource pool) || pool.getJdbcUrl() == null
                || !pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            this.connection = null;
            this.waited = Duration.ZERO;
            return;
        }
        this.connection = ownConnection(pool);
        long start = System.nanoTime();
        try {
            if (!tryLock()) {
                LOG.info("Another node is starting on this database; waiting for it to finish (advisory lock {})", KEY);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select pg_advisory_lock(" + KEY + ")");
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        this.waited = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Start-up lock taken after {} ms; this node sets up the database", waited.toMillis());
    }

    /** How long this node waited for another node's start-up. */
    Duration waited() {
        return waited;
    }

    /** Whether this node holds the lock now. */
    boolean held() {
        try {
            return connection != null && !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    /** Start-up failed or the application stops: the lock must not outlive this node's start. */
    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        if (held()) {
            try {
                // Ending the session releases every session-level advisory lock it holds.
                connection.close();
                LOG.info("Start-up lock released");
            } catch (SQLException e) {
                LOG.warn("Closing the start-up lock's connection failed; PostgreSQL releases the lock when the session ends", e);
            }
        }
    }

    private boolean tryLock() throws SQLException {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    /** A connection like the pool's, but not from it: closing it ends the session, whatever the pool does. */
    private static Connection ownConnection(HikariDataSource pool) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), properties);
        connection.setAutoCommit(true);
        return connection;
    }
}
