package vn.haiphong.dx.shared;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when the job executor may run more jobs at once than the database pool can serve.
 *
 * <p>A dispatch job holds two connections at once: its own transaction's, and a second one in which it records
 * each mail as soon as it has gone ({@code ReportDocuments}), so that a retry after a failed mail mails nobody
 * twice. With as many job threads as connections, every thread can hold one and wait for a second that never
 * comes: ten simultaneous dispatches on the default ten connections did, in the benchmark's town year. With at
 * least one connection more than job threads, some job always gets its second connection and gives both back;
 * people's requests hold one connection each and never wait while holding it. (The engine itself takes no
 * second connection: it records a failed job's retry after the job's transaction has ended.)
 */
@Component
class ConnectionBudget {

    ConnectionBudget(DataSource dataSource, CamundaBpmProperties camunda) {
        if (camunda.getJobExecution().isEnabled() && dataSource instanceof HikariDataSource pool) {
            require(pool.getMaximumPoolSize(), camunda.getJobExecution().getMaxPoolSize());
        }
    }

    static void require(int connections, int jobThreads) {
        if (connections < jobThreads + 1) {
            throw new IllegalStateException("The database pool (spring.datasource.hikari.maximum-pool-size, DB_POOL_SIZE) has "
                    + connections + " connections for " + jobThreads + " job threads (camunda.bpm.job-execution.max-pool-size, "
                    + "JOB_THREADS): a dispatch job holds two connections at once, so the pool needs at least " + (jobThreads + 1)
                    + "; leave more for people's requests.");
        }
    }
}
