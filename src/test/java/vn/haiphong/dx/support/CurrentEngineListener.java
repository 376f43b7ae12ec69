package vn.haiphong.dx.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Points the REST API and the webapps at the engine of the test that runs. They find their engine by name in
 * Camunda's static registry ({@code ProcessEngines}, through the REST starter's {@code SpringBootProcessEngineProvider}),
 * where every Spring context of the test run registers its engine as "default", the newest replacing the others.
 * A test class that reuses a cached context after another context started would otherwise send its HTTP calls
 * (Tasklist in Chromium, {@code /engine-rest}) to the other context's engine and database: its tasks answer 404.
 * Registered for every Spring test in {@code META-INF/spring.factories}.
 */
public class CurrentEngineListener implements TestExecutionListener {

    @Override
    public void beforeTestClass(TestContext context) {
        register(context);
    }

    @Override
    public void beforeTestMethod(TestContext context) {
        register(context);
    }

    /** Only a context already loaded: a new one has just registered its engine itself, one that fails stays failing. */
    private static void register(TestContext context) {
        if (!context.hasApplicationContext()) {
            return;
        }
        ProcessEngine engine = context.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (engine != null && ProcessEngines.getProcessEngine(engine.getName()) != engine) {
            ProcessEngines.registerProcessEngine(engine);
        }
    }
}
