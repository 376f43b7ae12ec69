package vn.haiphong.dx.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Makes the engine of the test class's application context the one the webapps and the REST API find. They look the
 * engine up by name ("default") in Camunda's static registry, where the context started last wins: a test class that
 * reuses a cached context after another context was started would otherwise drive Tasklist against the other
 * context's engine (and its database) and see none of its own tasks. Registered for every test class in
 * {@code META-INF/spring.factories}.
 */
public class CurrentEngineListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestClass(TestContext testContext) {
        testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                .ifAvailable(ProcessEngines::registerProcessEngine);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
