package vn.haiphong.dx.migration;

import java.util.List;

/** The JSON of the migration tool ({@code /api/admin/migration}); a page can be built on the same records. */
final class MigrationViews {

    private MigrationViews() {
    }

    /** A process (definition key) and its deployed versions. */
    record Process(String key, String name, int latestVersion, List<Version> versions) {}

    record Version(int version, String definitionId, String deploymentId, long runningInstances, boolean latest) {}

    /** Moving a version's running instances to the newest version. */
    record Plan(String key, int sourceVersion, int targetVersion, long instances, List<Mapping> mappings,
                List<Unmapped> unmapped, String message) {}

    /** An activity of the old version and the one of the newest version its instances move to. */
    record Mapping(String sourceActivityId, String targetActivityId) {}

    /** An activity where instances are waiting and which the newest version lacks. */
    record Unmapped(String activityId, String name, long instances) {}

    record Started(String batchId, String key, int sourceVersion, int targetVersion, long instances, String message) {}

    record BatchProgress(String batchId, int totalJobs, int completedJobs, int failedJobs, boolean finished, String message) {}

    /** Options of a migration; an empty JSON object takes the defaults. */
    record Request(boolean skipCustomListeners) {}
}
