package vn.haiphong.dx.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class ConnectionBudgetTests {

    @Test
    void aPoolWithNoMoreConnectionsThanJobThreadsIsRefusedWithBothSettingsNamed() {
        assertThatThrownBy(() -> ConnectionBudget.require(10, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("10 connections for 10 job threads")
                .hasMessageContaining("DB_POOL_SIZE").hasMessageContaining("JOB_THREADS")
                .hasMessageContaining("at least 11");
        assertThatThrownBy(() -> ConnectionBudget.require(3, 6)).hasMessageContaining("at least 7");
    }

    @Test
    void oneConnectionMoreThanJobThreadsIsEnough() {
        assertThatCode(() -> ConnectionBudget.require(7, 6)).doesNotThrowAnyException();
        assertThatCode(() -> ConnectionBudget.require(10, 6)).doesNotThrowAnyException();
    }

    @Test
    void theApplicationDoesNotStartWithTooSmallAPoolUnlessNoJobsRunInIt() {
        context(6, 6, true).run(app -> assertThat(app).hasFailed().getFailure()
                .rootCause().hasMessageContaining("6 connections for 6 job threads"));
        context(7, 6, true).run(app -> assertThat(app).hasNotFailed());
        context(2, 6, false).run(app -> assertThat(app).as("job executor off").hasNotFailed());
    }

    private static ApplicationContextRunner context(int connections, int jobThreads, boolean jobsRun) {
        return new ApplicationContextRunner()
                .withBean(HikariDataSource.class, () -> {
                    HikariDataSource pool = new HikariDataSource();
                    pool.setMaximumPoolSize(connections);
                    return pool;
                })
                .withBean(CamundaBpmProperties.class, () -> {
                    CamundaBpmProperties camunda = new CamundaBpmProperties();
                    camunda.getJobExecution().setMaxPoolSize(jobThreads);
                    camunda.getJobExecution().setEnabled(jobsRun);
                    return camunda;
                })
                .withBean(ConnectionBudget.class);
    }
}
