package vn.haiphong.dx.support;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

import vn.haiphong.dx.plan.PlanService;

/**
 * A test class marked {@link SeedPlansYear} starts each test on the engine clock of the seed plans' year, running
 * from 2 October 2025, 9:00 in Hải Phòng: the two seed plans report from October 2025 and their reporting closes in
 * January 2026, so on the wall clock of a later year every acknowledgement and report would be closed the moment it
 * opened. A test that needs another moment sets the clock itself in its {@code @BeforeEach}, which runs after this
 * listener. A clock set before (in {@code @BeforeAll}) is left as it is; the clock this listener set goes back to
 * the wall clock after the test. Registered for every Spring test in {@code META-INF/spring.factories}.
 */
public class SeedEraClock implements TestExecutionListener {

    /** The moment a test's engine clock starts from. */
    public static final Instant START = LocalDateTime.of(2025, 10, 2, 9, 0).atZone(PlanService.ZONE).toInstant();

    private static final String SET = SeedEraClock.class.getName() + ".set";

    @Override
    public void beforeTestMethod(TestContext context) {
        boolean wallClock = AnnotatedElementUtils.hasAnnotation(context.getTestClass(), SeedPlansYear.class)
                && Math.abs(ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis()) < 1000;
        if (wallClock) {
            ClockUtil.offset(Duration.between(Instant.now(), START).toMillis());
        }
        context.setAttribute(SET, wallClock);
    }

    @Override
    public void afterTestMethod(TestContext context) {
        if (Boolean.TRUE.equals(context.removeAttribute(SET))) {
            ClockUtil.reset();
        }
    }
}
