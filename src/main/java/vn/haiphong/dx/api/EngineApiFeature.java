package vn.haiphong.dx.api;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts {@link ClientInputFilter} and {@link EngineApiErrors} into every Jersey application of this server: the REST
 * API at {@code /engine-rest} and the webapps' own APIs, among them the engine API Tasklist uses at
 * {@code /camunda/api/engine}. Jersey finds it through {@code META-INF/services}, so the webapps' applications,
 * which the starter builds without Spring, get it too.
 */
public class EngineApiFeature implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        if (context.getConfiguration().isRegistered(ClientInputFilter.class)) {
            return;
        }
        context.register(ClientInputFilter.class);
        context.register(EngineApiErrors.AnyError.class);
        context.register(EngineApiErrors.RestError.class);
        context.register(EngineApiErrors.EngineError.class);
        context.register(EngineApiErrors.JsonMappingError.class);
        context.register(EngineApiErrors.JsonParseError.class);
    }
}
