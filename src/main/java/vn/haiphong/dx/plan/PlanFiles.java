package vn.haiphong.dx.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The plan files the application brings in when it starts: every file matched by {@code app.plans.location}, one or
 * more patterns separated by commas (e.g. {@code classpath*:plans/*.yaml,file:/etc/dx/plans/*.yaml}). Each file is
 * read and checked in full first; a bad file stops start-up naming the file, the line and the field, and nothing is
 * registered. A plan the system knows already keeps what it has: files are only ever a way in.
 */
@Component
class PlanFiles {

    /** A file read and checked, with the name it is known by. */
    record File(String name, PlanReader.Read read) {}

    private final String locations;
    private final PlanReader reader;

    PlanFiles(@Value("${app.plans.location:classpath*:plans/*.yaml}") String locations, PlanReader reader) {
        this.locations = locations;
        this.reader = reader;
    }

    List<File> read() {
        List<File> files = new ArrayList<>();
        Map<String, String> codes = new HashMap<>();
        Map<String, String> unitNames = new HashMap<>();
        for (Resource resource : resources()) {
            String name = name(resource);
            PlanReader.Read read = reader.read(name, bytes(name, resource));
            PlanDefinition plan = read.plan();
            String previous = codes.putIfAbsent(plan.code(), name);
            if (previous != null) {
                throw new PlanFileException(name, null, "code", "mã kế hoạch «" + plan.code() + "» đã dùng ở tệp " + previous);
            }
            for (PlanDefinition.Unit unit : plan.units()) {
                String key = plan.agency().code() + "/" + unit.code();
                String other = unitNames.putIfAbsent(key, unit.name());
                if (other != null && !other.equals(unit.name())) {
                    throw new PlanFileException(name, null, "units", "đơn vị " + key + " đã có tên khác ở tệp khác: " + other);
                }
            }
            files.add(new File(name, read));
        }
        return files;
    }

    private List<Resource> resources() {
        List<Resource> all = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (String location : locations.split(",")) {
            if (location.isBlank()) {
                continue;
            }
            try {
                List<Resource> found = new ArrayList<>(List.of(resolver.getResources(location.trim())));
                found.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
                all.addAll(found);
            } catch (IOException e) {
                throw new IllegalStateException("Không đọc được thư mục tệp kế hoạch " + location.trim() + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    /** {@code plans/<file>} for the bundled plans, the full path or URL for any other location. */
    private static String name(Resource resource) {
        String description = resource.getDescription();
        try {
            return resource.isFile() ? resource.getFile().getPath() : "plans/" + resource.getFilename();
        } catch (IOException e) {
            return description;
        }
    }

    private static byte[] bytes(String name, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PlanFileException(name, null, null, "không đọc được tệp: " + e.getMessage());
        }
    }
}
