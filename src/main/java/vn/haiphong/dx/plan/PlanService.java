package vn.haiphong.dx.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.haiphong.dx.Application;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanDefinition.Unit;
import vn.haiphong.dx.plan.PlanIssuanceProcess.Decisions;
import vn.haiphong.dx.plan.PlanIssuanceProcess.Vars;
import vn.haiphong.dx.plan.PlanRepository.Status;
import vn.haiphong.dx.unit.UnitGroups;
import vn.haiphong.dx.shared.Texts;

/** A plan's life from draft to issuance; the business rules of each step. */
@Service
public class PlanService {

    public static final ZoneId ZONE = ZoneId.of(Application.TIME_ZONE);
    private static final Logger LOG = LoggerFactory.getLogger(PlanService.class);
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("(\\d{1,5})/(.+)");

    private final PlanCatalog catalog;
    private final PlanRepository plans;
    private final RuntimeService runtime;

    PlanService(PlanCatalog catalog, PlanRepository plans, RuntimeService runtime) {
        this.catalog = catalog;
        this.plans = plans;
        this.runtime = runtime;
    }

    /**
     * Registers a plan file as a draft and starts its issuance process, once: a plan already known keeps
     * its state (a changed file is reported, not applied to a running plan).
     */
    @Transactional
    public boolean registerDraft(PlanDefinition plan) {
        PlanCatalog.Source source = catalog.source(plan.code());
        if (plans.exists(plan.code())) {
            warnIfChanged(plan, source);
            return false;
        }
        plans.insertPlan(plan, source);
        for (Unit unit : plan.units()) {
            plans.insertUnit(plan.code(), unit.code(), unit.name(),
                    UnitGroups.unitGroupId(plan.agency().code(), unit.code()), unit.code().equals(plan.focalUnit()));
        }
        for (PlanDefinition.Task task : plan.tasks()) {
            for (Unit unit : plan.units()) {
                plan.roleOf(unit.code(), task).ifPresent(role ->
                        plans.insertAssignment(plan.code(), task.code(), unit.code(), task.title(), role));
            }
        }
        ProcessInstance instance = runtime.startProcessInstanceByKey(PlanIssuanceProcess.ID, plan.code(), Map.of(
                Vars.PLAN_CODE, plan.code(),
                Vars.FOCAL_GROUP_ID, UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()),
                Vars.LEADERSHIP_GROUP_ID, UnitGroups.leadershipGroupId(plan.agency().code()),
                Vars.TASK_CONTEXT, plan.title(),
                Vars.PLAN_SUMMARY, summary(plan),
                Vars.SIGNER_NAME, plan.leadership().signerName(),
                Vars.SIGNER_TITLE, plan.leadership().signerTitle()));
        plans.setProcessInstance(plan.code(), instance.getId());
        LOG.info("Plan {} registered as a draft from {}", plan.code(), source.file());
        return true;
    }

    private void warnIfChanged(PlanDefinition plan, PlanCatalog.Source source) {
        // A running plan keeps the content it was registered with; a new plan needs a new file and code.
        if (!source.sha256().equals(plans.definitionHash(plan.code()))) {
            LOG.warn("Plan file {} changed after plan {} was registered; the running plan keeps its registered content. "
                    + "Give a revised plan a new code to register it.", source.file(), plan.code());
        }
    }

    public void submitDraft(String planCode, String actor) {
        if (!plans.changeStatus(planCode, Status.DRAFT, Status.SUBMITTED)
                && !plans.changeStatus(planCode, Status.RETURNED, Status.SUBMITTED)) {
            throw new InputRejectedException("Kế hoạch không ở trạng thái dự thảo nên không thể trình");
        }
        plans.insertReview(planCode, "SUBMITTED", null, actor);
    }

    public void review(String planCode, String decision, String comments, String actor) {
        if (Decisions.RETURN.equals(decision) && comments == null) {
            throw new InputRejectedException("Khi trả lại dự thảo, «Ý kiến của lãnh đạo» là bắt buộc để đơn vị biết cần sửa gì");
        }
        boolean approve = Decisions.APPROVE.equals(decision);
        if (!plans.changeStatus(planCode, Status.SUBMITTED, approve ? Status.APPROVED : Status.RETURNED)) {
            throw new InputRejectedException("Dự thảo kế hoạch không ở trạng thái chờ phê duyệt");
        }
        plans.insertReview(planCode, approve ? "APPROVED" : "RETURNED", comments, actor);
    }

    public void issue(String planCode, String documentNumber, LocalDate issuedOn, String signerName,
                      String signerTitle, String actor) {
        PlanDefinition plan = catalog.get(planCode);
        var number = DOCUMENT_NUMBER.matcher(documentNumber);
        if (!number.matches() || !number.group(2).equals(plan.documentSymbol())) {
            throw new InputRejectedException("«Số, ký hiệu» phải có dạng <số>/" + plan.documentSymbol()
                    + ", ví dụ 125/" + plan.documentSymbol());
        }
        if (issuedOn.isAfter(LocalDate.now(ZONE))) {
            throw new InputRejectedException("«Ngày ban hành» " + Texts.DATE.format(issuedOn) + " chưa đến");
        }
        LocalDate earliest = plan.period().start().minusYears(1);
        if (issuedOn.isBefore(earliest)) {
            throw new InputRejectedException("«Ngày ban hành» " + Texts.DATE.format(issuedOn) + " sớm hơn một năm trước khi kế hoạch "
                    + "bắt đầu (" + Texts.DATE.format(plan.period().start()) + "): hãy kiểm tra lại ngày ký ban hành");
        }
        if (plans.documentNumberTaken(plan.agency().code(), documentNumber)) {
            throw new InputRejectedException("«Số, ký hiệu» " + documentNumber + " đã được dùng cho một kế hoạch khác");
        }
        if (!plans.recordIssuance(planCode, documentNumber, issuedOn, signerName, signerTitle, actor)) {
            throw new InputRejectedException("Kế hoạch chưa được phê duyệt hoặc đã ban hành");
        }
    }

    /** The units the plan is delegated to: the collection of the delegation multi-instance. */
    public List<String> unitCodes(String planCode) {
        return plans.unitCodes(planCode);
    }

    /** What leadership and the focal unit read in the review forms (kept under the engine's string limit). */
    static String summary(PlanDefinition plan) {
        StringBuilder s = new StringBuilder();
        s.append("Cơ quan ban hành: ").append(plan.agency().name()).append('\n');
        s.append("Thời gian thực hiện: ").append(plan.period().label()).append(" (")
                .append(Texts.DATE.format(plan.period().start())).append(" – ").append(Texts.DATE.format(plan.period().end())).append(")\n");
        plan.windows().forEach(w -> s.append(w.kind() == PlanDefinition.WindowKind.PEAK ? "Cao điểm: " : "Sự kiện: ")
                .append(w.name()).append(" (").append(Texts.DATE.format(w.start())).append(" – ").append(Texts.DATE.format(w.end())).append(")\n"));
        s.append("Chủ đề: ").append(plan.theme()).append('\n');
        s.append("Đơn vị đầu mối: ").append(plan.focal().name()).append('\n');
        s.append("Đơn vị thực hiện (").append(plan.units().size()).append("): ")
                .append(plan.units().stream().map(Unit::name).collect(Collectors.joining("; "))).append('\n');
        s.append("Nhiệm vụ (").append(plan.tasks().size()).append("):\n");
        plan.tasks().forEach(t -> s.append("- ").append(t.title()).append('\n'));
        s.append("Chỉ tiêu (").append(plan.targets().size()).append("):\n");
        plan.targets().forEach(t -> s.append("- ").append(t.description()).append('\n'));
        s.append("Báo cáo gửi: ").append(plan.recipients().stream().map(PlanDefinition.Recipient::name)
                .collect(Collectors.joining("; ")));
        return Texts.fitVariable(s.toString());
    }
}
