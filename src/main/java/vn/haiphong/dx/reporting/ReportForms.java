package vn.haiphong.dx.reporting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanEvents;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.shared.Texts;

/**
 * The periodic report forms of a plan, generated from the plan when a version of it is issued: one Camunda Form per
 * unit, {@code forms/periodicReportTemplate.form} with one number field per metric the plan asks of that unit (keyed
 * by the metric's code, labelled and bounded as the plan says) and, per plan task the unit leads or coordinates, its
 * status and a short note ({@link TaskProgress}). All forms of a version are deployed together; the
 * report task resolves its unit's form by key ({@code ${reportFormKey}}, binding {@code latest}) and the server checks
 * completions against it like any other form.
 */
@Component
public class ReportForms {

    static final String TEMPLATE = "periodicReportTemplate.form";
    static final String METRICS_GROUP = "Group_PlanMetrics";
    static final String PROGRESS_GROUP = "Group_TaskProgress";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RepositoryService repository;
    private final IdentityService identity;
    private final PlanService plans;
    private final JsonNode template;

    ReportForms(RepositoryService repository, IdentityService identity, PlanService plans) {
        this.repository = repository;
        this.identity = identity;
        this.plans = plans;
        try (InputStream in = new ClassPathResource(TEMPLATE).getInputStream()) {
            this.template = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form key of a unit's periodic report in a version of a plan. */
    public static String key(String planCode, int version, String unitCode) {
        return "periodicReport-" + planCode + "-v" + version + "-" + unitCode.toLowerCase(Locale.ROOT);
    }

    @EventListener
    public void onIssued(PlanEvents.VersionIssued issued) {
        plans.recordFormDeployment(issued.plan().code(), issued.version(), deploy(issued.plan(), issued.version()));
    }

    /** Deploys the version's forms (once: the same forms again are recognised and not deployed twice). */
    String deploy(PlanDefinition plan, int version) {
        return ProcessContext.asEngine(identity, () -> {
            DeploymentBuilder deployment = repository.createDeployment()
                    .name("Biểu mẫu báo cáo – " + plan.code() + " – bản " + version)
                    .source("dx-plan-forms").enableDuplicateFiltering(false);
            for (PlanDefinition.Unit unit : plan.units()) {
                deployment.addString(key(plan.code(), version, unit.code()) + ".form", form(plan, version, unit.code()));
            }
            return deployment.deploy().getId();
        });
    }

    /** The periodic report form of one unit, as JSON. */
    String form(PlanDefinition plan, int version, String unitCode) {
        ObjectNode form = template.deepCopy();
        form.put("id", key(plan.code(), version, unitCode));
        for (JsonNode component : form.withArray("components")) {
            if (METRICS_GROUP.equals(component.path("id").asText())) {
                fillMetrics((ObjectNode) component, plan, unitCode);
            }
            if (PROGRESS_GROUP.equals(component.path("id").asText())) {
                fillProgress((ObjectNode) component, plan, unitCode);
            }
        }
        removeEmptyGroups(form.withArray("components"));
        return form.toString();
    }

    private static void fillMetrics(ObjectNode group, PlanDefinition plan, String unitCode) {
        ArrayNode fields = group.putArray("components");
        for (PlanDefinition.Metric metric : plan.metricsOf(unitCode)) {
            ObjectNode field = fields.addObject();
            field.put("type", "number");
            field.put("id", "Field_" + metric.code());
            field.put("key", metric.code());
            field.put("label", metric.label() + (metric.unit() == null ? "" : " (" + metric.unit() + ")"));
            field.put("decimalDigits", 0);
            field.put("increment", "1");
            field.put("description", metric.kind() == PlanDefinition.MetricKind.PERCENT
                    ? "Tỷ lệ phần trăm, từ 0 đến " + metric.upperBound() + ". Để trống nghĩa là 0."
                    : "Số trong kỳ; để trống nghĩa là 0.");
            ObjectNode validate = field.putObject("validate");
            validate.put("min", 0);
            validate.put("max", metric.upperBound());
        }
    }

    private static void fillProgress(ObjectNode group, PlanDefinition plan, String unitCode) {
        ArrayNode fields = group.putArray("components");
        for (PlanDefinition.Task task : plan.tasksOf(unitCode)) {
            String role = plan.roleOf(unitCode, task).map(r -> r == PlanDefinition.Role.LEAD ? "chủ trì" : "phối hợp").orElse("");
            ObjectNode status = fields.addObject();
            status.put("type", "select");
            status.put("id", "Field_" + TaskProgress.statusKey(task.code()));
            status.put("key", TaskProgress.statusKey(task.code()));
            status.put("label", Texts.shorten(task.code() + ". " + task.title(), 180) + " (" + role + ")");
            ArrayNode values = status.putArray("values");
            for (TaskProgress.Status s : TaskProgress.Status.values()) {
                values.addObject().put("label", s.label()).put("value", s.name());
            }
            status.putObject("validate").put("required", true);
            ObjectNode note = fields.addObject();
            note.put("type", "textfield");
            note.put("id", "Field_" + TaskProgress.noteKey(task.code()));
            note.put("key", TaskProgress.noteKey(task.code()));
            note.put("label", "Ghi chú tiến độ " + task.code());
            note.put("description", "Việc đã làm, vướng mắc hoặc lý do chậm (nếu có). Tối đa " + TaskProgress.MAX_NOTE + " ký tự.");
            note.putObject("validate").put("maxLength", TaskProgress.MAX_NOTE);
        }
    }

    /** A group without fields (a unit with no metric, no task) is left out rather than shown empty. */
    private static void removeEmptyGroups(ArrayNode components) {
        for (int i = components.size() - 1; i >= 0; i--) {
            JsonNode component = components.get(i);
            if ("group".equals(component.path("type").asText()) && component.path("components").isEmpty()) {
                components.remove(i);
            }
        }
    }
}
