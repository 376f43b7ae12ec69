package vn.haiphong.dx.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Every plan data file, loaded and validated once at start-up. A malformed file stops start-up.
 */
@Component
public class PlanCatalog {

    /** Where a plan came from: its file and the SHA-256 of the file's bytes. */
    public record Source(String file, String sha256) {}

    private final Map<String, PlanDefinition> plans;
    private final Map<String, Source> sources = new HashMap<>();

    public PlanCatalog(@Value("${app.plans.location:classpath*:plans/*.yaml}") String location) {
        this.plans = load(location, sources);
    }

    static Map<String, PlanDefinition> load(String location, Map<String, Source> sources) {
        Resource[] resources;
        try {
            resources = new PathMatchingResourcePatternResolver().getResources(location);
        } catch (IOException e) {
            throw new IllegalStateException("Không đọc được thư mục tệp kế hoạch " + location, e);
        }
        List<Resource> sorted = new ArrayList<>(List.of(resources));
        sorted.sort(Comparator.comparing(Resource::getFilename));
        Map<String, PlanDefinition> byCode = new LinkedHashMap<>();
        Map<String, String> unitNames = new HashMap<>();
        for (Resource resource : sorted) {
            String file = "plans/" + resource.getFilename();
            byte[] bytes = read(file, resource);
            PlanDefinition plan = parse(file, bytes);
            PlanValidator.validate(file, plan);
            sources.put(plan.code(), new Source(file, sha256(bytes)));
            if (byCode.putIfAbsent(plan.code(), plan) != null) {
                throw new PlanFileException(file, "code", "mã kế hoạch '" + plan.code() + "' đã dùng ở tệp khác");
            }
            for (PlanDefinition.Unit unit : plan.units()) {
                String key = plan.agency().code() + "/" + unit.code();
                String previous = unitNames.putIfAbsent(key, unit.name());
                if (previous != null && !previous.equals(unit.name())) {
                    throw new PlanFileException(file, "units", "đơn vị " + key + " đã có tên khác ở tệp khác: " + previous);
                }
            }
        }
        if (byCode.isEmpty()) {
            throw new IllegalStateException("Không tìm thấy tệp kế hoạch nào tại " + location);
        }
        return Collections.unmodifiableMap(byCode);
    }

    private static byte[] read(String file, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new PlanFileException(file, "không đọc được tệp: " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static PlanDefinition parse(String file, byte[] bytes) {
        try {
            return MAPPER.readValue(bytes, PlanDefinition.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new PlanFileException(file, field.isEmpty() ? "(gốc)" : field, e.getOriginalMessage());
        } catch (IOException e) {
            throw new PlanFileException(file, "không đọc được YAML: " + e.getMessage(), e);
        }
    }

    private static final ObjectMapper MAPPER = createMapper();

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // Optional lists may be left out of a file; absent means empty, never null.
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        return mapper;
    }

    public List<PlanDefinition> all() {
        return List.copyOf(plans.values());
    }

    public Source source(String planCode) {
        return sources.get(planCode);
    }

    public Optional<PlanDefinition> find(String planCode) {
        return Optional.ofNullable(plans.get(planCode));
    }

    public PlanDefinition get(String planCode) {
        return find(planCode).orElseThrow(() -> new IllegalArgumentException("Không có kế hoạch mã " + planCode));
    }
}
