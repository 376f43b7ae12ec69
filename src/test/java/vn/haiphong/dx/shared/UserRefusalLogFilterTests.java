package vn.haiphong.dx.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;

import vn.haiphong.dx.form.InputRejectedException;

/** Only the engine's ERROR entries for refused input are replaced; every other error stays. */
class UserRefusalLogFilterTests {

    private final UserRefusalLogFilter filter = new UserRefusalLogFilter();
    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger engine = context.getLogger(UserRefusalLogFilter.ENGINE_CONTEXT);

    @Test
    void aRefusalWrappedByTheEngineIsNotAnError() {
        ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking the TaskListener",
                new InputRejectedException("«Tin, bài đăng trên Cổng thông tin điện tử» phải là số nguyên"));
        assertThat(decide(engine, Level.ERROR, wrapped)).isEqualTo(FilterReply.DENY);
        assertThat(decide(engine, Level.ERROR, new InputRejectedException("«Nội dung» là bắt buộc"))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void everyOtherErrorIsLoggedAsBefore() {
        assertThat(decide(engine, Level.ERROR, new ProcessEngineException("ENGINE-03004 Exception while executing Database Operation")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(engine, Level.ERROR, null)).isEqualTo(FilterReply.NEUTRAL);
        InputRejectedException refusal = new InputRejectedException("«Nội dung» là bắt buộc");
        assertThat(decide(context.getLogger("org.camunda.bpm.engine.rest"), Level.ERROR, refusal)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(engine, Level.WARN, refusal)).isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(Logger logger, Level level, Throwable thrown) {
        // The engine's loggers pass the exception as the last parameter of the message, not as the throwable.
        return filter.decide(null, logger, level, "ENGINE-16004 Exception while closing command context: {}",
                thrown == null ? new Object[] {"no exception"} : new Object[] {thrown.getMessage(), thrown}, null);
    }
}
