package vn.haiphong.dx.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanReader;

/** The seed plans' files as the application reads them, for tests without an application context. */
public final class SeedPlans {

    private static final PlanReader READER = new PlanReader(List.of());

    private SeedPlans() {
    }

    public static PlanDefinition get(String planCode) {
        return read("/plans/" + planCode + ".yaml").plan();
    }

    /** A plan file of the test resources or the seeds, by its classpath name. */
    public static PlanReader.Read read(String resource) {
        try (InputStream in = SeedPlans.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No plan file " + resource);
            }
            return READER.read(resource.substring(resource.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
