package vn.haiphong.dx.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Every plan the system knows, read from the database: the version that runs now (the issued version in force,
 * or before the first issuance the draft under review) or a given version. Plan files are only ever imported
 * ({@link PlanFiles}, {@link PlanDrafts}); nothing reads them afterwards, so an issued plan runs as it was signed
 * whatever happens to its file. Parsed plans are cached by version and content hash.
 */
@Component
public class Plans {

    private record Key(String planCode, int version, String sha256) {}

    private final PlanRepository repository;
    private final Map<Key, PlanDefinition> parsed = new ConcurrentHashMap<>();

    Plans(PlanRepository repository) {
        this.repository = repository;
    }

    /** The plan as it runs now. */
    public PlanDefinition get(String planCode) {
        return find(planCode).orElseThrow(() -> new NoSuchPlanException(planCode));
    }

    public Optional<PlanDefinition> find(String planCode) {
        return repository.running(planCode).map(r -> parse(planCode, r.version(), r.sha256()));
    }

    /** The number of the version that runs now (see {@link #get}). */
    public int runningVersion(String planCode) {
        return repository.running(planCode).orElseThrow(() -> new NoSuchPlanException(planCode)).version();
    }

    /** A given version, as it was stored (issued versions never change). */
    public PlanDefinition version(String planCode, int version) {
        String sha = repository.versionSha(planCode, version).orElseThrow(() -> new NoSuchPlanException(planCode + " v" + version));
        return parse(planCode, version, sha);
    }

    /** Every plan as it runs now, in the order they were brought in. */
    public List<PlanDefinition> all() {
        return repository.planCodes().stream().flatMap(code -> find(code).stream()).toList();
    }

    public boolean exists(String planCode) {
        return repository.exists(planCode);
    }

    private PlanDefinition parse(String planCode, int version, String sha) {
        return parsed.computeIfAbsent(new Key(planCode, version, sha),
                key -> PlanReader.parseStored(repository.versionContent(planCode, version)));
    }

    /** A plan code the system does not know. */
    public static final class NoSuchPlanException extends IllegalArgumentException {
        NoSuchPlanException(String planCode) {
            super("Không có kế hoạch mã " + planCode);
        }
    }
}
