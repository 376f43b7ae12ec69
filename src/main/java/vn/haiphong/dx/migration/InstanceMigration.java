package vn.haiphong.dx.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Moves the running instances of a process version to the newest version, with the engine's public migration API
 * (Camunda 7 CE has it; Cockpit's migration screens are Enterprise only). Activities are mapped to the activity of
 * the same id in the newest version; an activity where instances wait and that the newest version lacks cannot be
 * mapped, and then nothing is moved. The move runs as a batch, like Cockpit's.
 */
@Service
class InstanceMigration {

    /** Activity statistics name the body of a multi-instance activity with this suffix. */
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;

    InstanceMigration(RepositoryService repository, RuntimeService runtime, ManagementService management, HistoryService history) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
    }

    /** Every process with its versions and how many instances of each are running. */
    List<MigrationViews.Process> processes() {
        Map<String, Long> running = management.createProcessDefinitionStatisticsQuery().list().stream()
                .collect(Collectors.toMap(ProcessDefinitionStatistics::getId, s -> (long) s.getInstances()));
        Map<String, List<ProcessDefinition>> byKey = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().asc().list()
                .forEach(d -> byKey.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d));
        List<MigrationViews.Process> processes = new ArrayList<>();
        byKey.forEach((key, definitions) -> {
            ProcessDefinition latest = definitions.get(definitions.size() - 1);
            processes.add(new MigrationViews.Process(key, latest.getName(), latest.getVersion(), definitions.stream()
                    .map(d -> new MigrationViews.Version(d.getVersion(), d.getId(), d.getDeploymentId(), running.getOrDefault(d.getId(), 0L),
                            d == latest)).toList()));
        });
        return processes;
    }

    /** What moving the instances of a version to the newest version would do, and what cannot be mapped. */
    MigrationViews.Plan plan(String key, int version) {
        return prepare(key, version).view();
    }

    /** Starts moving the instances as a batch; refused when anything cannot be mapped. */
    MigrationViews.Started migrate(String key, int version, boolean skipCustomListeners) {
        Prepared prepared = prepare(key, version);
        MigrationViews.Plan view = prepared.view();
        if (!view.unmapped().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, view.message());
        }
        if (view.instances() == 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, view.message());
        }
        var builder = runtime.newMigration(prepared.plan)
                .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(prepared.source.getId()));
        if (skipCustomListeners) {
            builder.skipCustomListeners();
        }
        Batch batch = builder.executeAsync();
        return new MigrationViews.Started(batch.getId(), key, version, prepared.target.getVersion(), view.instances(),
                "Đã bắt đầu chuyển " + view.instances() + " quy trình đang chạy của " + key + " từ phiên bản " + version
                        + " sang phiên bản " + prepared.target.getVersion() + " (đợt xử lý " + batch.getId() + ").");
    }

    /** A batch's progress: its jobs, or its end once the engine has removed it. */
    MigrationViews.BatchProgress batch(String id) {
        BatchStatistics running = management.createBatchStatisticsQuery().batchId(id).singleResult();
        if (running != null) {
            return new MigrationViews.BatchProgress(id, running.getTotalJobs(), running.getCompletedJobs(), running.getFailedJobs(),
                    false, running.getFailedJobs() > 0
                            ? running.getFailedJobs() + " quy trình chưa chuyển được: xem sự cố của đợt xử lý trong Cockpit."
                            : "Đang chuyển: " + running.getCompletedJobs() + "/" + running.getTotalJobs() + " phần việc đã xong.");
        }
        HistoricBatch ended = history.createHistoricBatchQuery().batchId(id).singleResult();
        if (ended == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có đợt xử lý " + id + ".");
        }
        return new MigrationViews.BatchProgress(id, ended.getTotalJobs(), ended.getTotalJobs(), 0, ended.getEndTime() != null,
                ended.getEndTime() != null ? "Đã chuyển xong." : "Đang chuẩn bị.");
    }

    private Prepared prepare(String key, int version) {
        ProcessDefinition source = repository.createProcessDefinitionQuery().processDefinitionKey(key).processDefinitionVersion(version)
                .singleResult();
        if (source == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có quy trình " + key + " phiên bản " + version + ".");
        }
        ProcessDefinition target = repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
        if (target.getVersion() == version) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Phiên bản " + version + " của " + key + " đã là phiên bản mới nhất: không có gì để chuyển.");
        }
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Không lập được kế hoạch chuyển từ phiên bản " + version
                    + " sang phiên bản " + target.getVersion() + " của " + key + ": hai phiên bản khác nhau quá nhiều để ghép "
                    + "các hoạt động cùng mã (" + e.getValidationReport().getInstructionReports().size() + " chỉ dẫn không hợp lệ).");
        }
        return new Prepared(source, target, plan);
    }

    /** A version, the newest version and the engine's plan between them, with the instances it would move. */
    private final class Prepared {
        final ProcessDefinition source;
        final ProcessDefinition target;
        final MigrationPlan plan;

        Prepared(ProcessDefinition source, ProcessDefinition target, MigrationPlan plan) {
            this.source = source;
            this.target = target;
            this.plan = plan;
        }

        MigrationViews.Plan view() {
            Set<String> mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId).collect(Collectors.toSet());
            var sourceModel = repository.getBpmnModelInstance(source.getId());
            List<MigrationViews.Unmapped> unmapped = new ArrayList<>();
            for (ActivityStatistics activity : management.createActivityStatisticsQuery(source.getId()).list()) {
                if (activity.getInstances() > 0 && !mapped.contains(activity.getId())) {
                    String id = activity.getId().replace(MULTI_INSTANCE_BODY, "");
                    FlowElement element = sourceModel.getModelElementById(id);
                    unmapped.add(new MigrationViews.Unmapped(id, element == null ? null : element.getName(), activity.getInstances()));
                }
            }
            long instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
            List<MigrationViews.Mapping> mappings = plan.getInstructions().stream()
                    .map(i -> new MigrationViews.Mapping(i.getSourceActivityId(), i.getTargetActivityId())).toList();
            return new MigrationViews.Plan(source.getKey(), source.getVersion(), target.getVersion(), instances, mappings, unmapped,
                    message(instances, unmapped));
        }

        private String message(long instances, List<MigrationViews.Unmapped> unmapped) {
            String versions = " của " + source.getKey() + " từ phiên bản " + source.getVersion() + " sang phiên bản " + target.getVersion();
            if (!unmapped.isEmpty()) {
                return "Chưa thể chuyển các quy trình đang chạy" + versions + ": phiên bản " + target.getVersion()
                        + " không có hoạt động tương ứng với " + unmapped.stream().map(u -> (u.name() == null ? "" : "«" + u.name() + "» ")
                        + "(" + u.activityId() + "), nơi " + u.instances() + " quy trình đang dừng").collect(Collectors.joining("; "))
                        + ". Hãy giữ các hoạt động này (cùng mã) trong mô hình mới, hoặc để các quy trình này chạy hết trên phiên bản cũ.";
            }
            if (instances == 0) {
                return "Phiên bản " + source.getVersion() + " của " + source.getKey() + " không còn quy trình nào đang chạy.";
            }
            return "Có thể chuyển " + instances + " quy trình đang chạy" + versions + ".";
        }
    }
}
