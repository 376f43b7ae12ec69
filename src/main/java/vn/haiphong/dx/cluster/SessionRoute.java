package vn.haiphong.dx.cluster;

import org.apache.catalina.Engine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Names the node in its session ids ({@code JSESSIONID=…​.app1}, Tomcat's jvmRoute) when {@code app.cluster.node}
 * ({@code NODE_NAME}) is set. The webapps keep their login in the session of the node that created it; the reverse
 * proxy sends each request back to that node by this suffix (ops/nginx/nginx.conf), and anyone without a session to
 * either node.
 */
@Component
class SessionRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final String node;

    SessionRoute(@Value("${app.cluster.node:}") String node) {
        this.node = node;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!node.isBlank()) {
            // The context is already in its host, and the host in the engine, when context customizers run.
            factory.addContextCustomizers(context -> ((Engine) context.getParent().getParent()).setJvmRoute(node));
        }
    }
}
