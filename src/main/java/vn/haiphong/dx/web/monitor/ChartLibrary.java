package vn.haiphong.dx.web.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where the pages load Apache ECharts from: the application itself (the {@code org.webjars.npm:echarts} webjar under
 * {@code /webjars/}), never the internet. The version is the webjar's own, so the pom names it once.
 */
@ControllerAdvice(basePackageClasses = ChartLibrary.class)
class ChartLibrary {

    private static final String PROPERTIES = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private final String url;

    ChartLibrary() {
        Properties webjar = new Properties();
        try (InputStream in = new ClassPathResource(PROPERTIES).getInputStream()) {
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The ECharts webjar is missing from the classpath", e);
        }
        // The "common" bundle: bar, line and pie charts with both renderers, two thirds of the full one.
        this.url = "/webjars/echarts/" + webjar.getProperty("version") + "/dist/echarts.common.min.js";
    }

    @ModelAttribute("chartLibrary")
    String url() {
        return url;
    }
}
