package vn.haiphong.dx.shared;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Refused input is for the person to correct, not a fault of the system. The engine logs every exception that
 * ends a command at ERROR ("ENGINE-16004 Exception while closing command context"), so each mistyped figure
 * showed up in the operators' error log with a stack trace. For a {@link UserRefusal} (wrapped or not) that
 * entry is replaced by one INFO line with the message; every other engine error is logged as before.
 * Registered in {@code logback-spring.xml}.
 */
public class UserRefusalLogFilter extends TurboFilter {

    /** The logger of the engine's command context, which writes ENGINE-16004. */
    static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
    private static final org.slf4j.Logger REFUSALS = LoggerFactory.getLogger("vn.haiphong.dx.refusal");

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || !ENGINE_CONTEXT.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable refusal = refusal(t);
        if (refusal == null && params != null) {
            for (Object param : params) {
                refusal = param instanceof Throwable thrown ? refusal(thrown) : refusal;
            }
        }
        if (refusal == null) {
            return FilterReply.NEUTRAL;
        }
        REFUSALS.info("Input refused: {}", refusal.getMessage());
        return FilterReply.DENY;
    }

    private static Throwable refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserRefusal) {
                return cause;
            }
        }
        return null;
    }
}
