package vn.haiphong.dx.cluster;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Several nodes on one database: the {@link StartupLock} is taken before the engine (schema, deployment) and
 * Flyway touch the database. The job executor's lock time and polling are set in application.yaml
 * ({@code camunda.bpm.job-execution}).
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    static final String STARTUP_LOCK = "startupLock";

    @Bean(STARTUP_LOCK)
    StartupLock startupLock(DataSource dataSource) throws SQLException {
        return new StartupLock(dataSource);
    }

    @Bean
    static EngineAfterStartupLock engineAfterStartupLock() {
        return new EngineAfterStartupLock();
    }

    @Bean
    static FlywayAfterStartupLock flywayAfterStartupLock() {
        return new FlywayAfterStartupLock();
    }

    static final class EngineAfterStartupLock extends AbstractDependsOnBeanFactoryPostProcessor {
        EngineAfterStartupLock() {
            super(ProcessEngine.class, ProcessEngineFactoryBean.class, STARTUP_LOCK);
        }
    }

    static final class FlywayAfterStartupLock extends AbstractDependsOnBeanFactoryPostProcessor {
        FlywayAfterStartupLock() {
            // The migration initialiser takes the Flyway bean, so it follows too.
            super(Flyway.class, STARTUP_LOCK);
        }
    }
}
