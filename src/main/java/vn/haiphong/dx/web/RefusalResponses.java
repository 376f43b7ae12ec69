package vn.haiphong.dx.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.shared.UserRefusal;

/**
 * Input the server refuses gets HTTP 400 and its own message from every endpoint of the REST API, and so in
 * Tasklist. The engine's REST layer answers 400 only where it expects form validation (task completion, form
 * submission) and prefixes its English "Cannot complete task …:"; a process started with {@code /start} got 500.
 * Any other exception is answered by the engine's own handler, unchanged.
 */
@Component
class RefusalResponses implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(WrappedRefusal.class);
        config.register(EngineRefusal.class);
    }

    static Response toResponse(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof UserRefusal) {
                ExceptionDto body = new ExceptionDto();
                body.setType(cause.getClass().getSimpleName());
                body.setMessage(cause.getMessage());
                return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }

    /** Chosen before the engine's mapper of the same type. */
    @Priority(Priorities.USER - 100)
    static class WrappedRefusal implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return RefusalResponses.toResponse(exception);
        }
    }

    @Priority(Priorities.USER - 100)
    static class EngineRefusal implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return RefusalResponses.toResponse(exception);
        }
    }
}
