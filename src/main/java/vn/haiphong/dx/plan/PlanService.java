package vn.haiphong.dx.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.haiphong.dx.Application;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanDefinition.Unit;
import vn.haiphong.dx.plan.PlanReviewProcess.Decisions;
import vn.haiphong.dx.plan.PlanIssuanceProcess.Vars;
import vn.haiphong.dx.plan.PlanRepository.Status;
import vn.haiphong.dx.plan.PlanRepository.VersionRow;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * A plan's life from its first draft to each issued version: bringing a plan in, the Office's revisions of a draft,
 * the review loop and issuance of every version (the original plan and each amendment), and what each step checks.
 */
@Service
public class PlanService {

    public static final ZoneId ZONE = ZoneId.of(Application.TIME_ZONE);
    private static final Logger LOG = LoggerFactory.getLogger(PlanService.class);
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("(\\d{1,5})/(.+)");

    /** A plan brought in, or its new draft, and the process that takes it through review. */
    public record Drafted(String planCode, int version, int revision, boolean amendment) {}

    private final Plans plans;
    private final PlanRepository repository;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;

    PlanService(Plans plans, PlanRepository repository, RuntimeService runtime, ApplicationEventPublisher events) {
        this.plans = plans;
        this.repository = repository;
        this.runtime = runtime;
        this.events = events;
    }

    /**
     * Brings a new plan in as a draft (version 1) and starts its issuance process: the draft task reaches the plan's
     * focal unit. The agency's groups, authorizations and Tasklist filters are set up by the listeners of
     * {@link PlanEvents.Registered}, in the same transaction.
     *
     * @param source where the text came from (a file name, an upload), kept with the revision
     */
    @Transactional
    public Drafted register(PlanReader.Read read, String source, String actor) {
        PlanDefinition plan = read.plan();
        if (repository.exists(plan.code())) {
            throw new InputRejectedException("Đã có kế hoạch mã «" + plan.code() + "»; để sửa dự thảo hoặc điều chỉnh kế hoạch đó, "
                    + "hãy tải tệp lên trang của kế hoạch");
        }
        checkUnitNames(plan);
        String sha = sha256(read.text());
        repository.insertPlan(plan, source, sha);
        repository.insertVersion(plan.code(), 1, read.text(), sha, source, actor);
        syncUnits(plan);
        events.publishEvent(new PlanEvents.Registered(plan));
        ProcessInstance instance = runtime.startProcessInstanceByKey(PlanIssuanceProcess.ID, plan.code(), Map.of(
                Vars.PLAN_CODE, plan.code(),
                Vars.PLAN_VERSION, 1,
                Vars.FOCAL_GROUP_ID, UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()),
                Vars.LEADERSHIP_GROUP_ID, UnitGroups.leadershipGroupId(plan.agency().code()),
                Vars.TASK_CONTEXT, plan.title()));
        repository.setProcessInstance(plan.code(), instance.getId());
        LOG.info("Plan {} registered as a draft from {}", plan.code(), source);
        return new Drafted(plan.code(), 1, 1, false);
    }

    /**
     * A new text for a plan the Office already has: the next revision of its draft (before submission, or after
     * leadership returned it), or, for an issued plan with no amendment under way, the draft of an amendment
     * (a new version) that goes through the same review and issuance.
     */
    @Transactional
    public Drafted revise(String planCode, PlanReader.Read read, String source, String actor) {
        PlanDefinition current = plans.get(planCode);
        PlanDefinition revised = read.plan();
        if (!revised.code().equals(planCode)) {
            throw new InputRejectedException("Tệp có mã kế hoạch «" + revised.code() + "», không phải «" + planCode + "»");
        }
        if (!revised.agency().code().equals(current.agency().code())) {
            throw new InputRejectedException("Không được đổi cơ quan ban hành của kế hoạch (" + current.agency().code() + ")");
        }
        if (!revised.focalUnit().equals(current.focalUnit())) {
            throw new InputRejectedException("Không được đổi đơn vị đầu mối của kế hoạch (" + current.focalUnit() + ")");
        }
        checkUnitNames(revised);
        VersionRow newest = repository.latestVersion(planCode).orElseThrow();
        String sha = sha256(read.text());
        switch (newest.status()) {
            case DRAFT, RETURNED -> {
                int revision = repository.revise(planCode, newest.version(), read.text(), sha, source, actor);
                if (newest.version() == 1) {
                    syncUnits(revised);
                }
                events.publishEvent(new PlanEvents.Registered(revised));
                return new Drafted(planCode, newest.version(), revision, newest.version() > 1);
            }
            case ISSUED -> {
                int version = newest.version() + 1;
                repository.insertVersion(planCode, version, read.text(), sha, source, actor);
                events.publishEvent(new PlanEvents.Registered(revised));
                ProcessInstance instance = runtime.startProcessInstanceByKey(PlanAmendmentProcess.ID, planCode, Map.of(
                        Vars.PLAN_CODE, planCode,
                        Vars.PLAN_VERSION, version,
                        Vars.FOCAL_GROUP_ID, UnitGroups.unitGroupId(current.agency().code(), current.focalUnit()),
                        Vars.LEADERSHIP_GROUP_ID, UnitGroups.leadershipGroupId(current.agency().code()),
                        Vars.TASK_CONTEXT, "điều chỉnh lần " + (version - 1) + " – " + current.title()));
                repository.setReviewInstance(planCode, version, instance.getId());
                LOG.info("Amendment {} of plan {} drafted from {}", version - 1, planCode, source);
                return new Drafted(planCode, version, 1, true);
            }
            default -> throw new InputRejectedException("Dự thảo kế hoạch đang chờ lãnh đạo phê duyệt hoặc chờ ban hành; "
                    + "chỉ sửa được khi dự thảo chưa trình hoặc đã được trả lại");
        }
    }

    public void submitDraft(String planCode, int version, String actor) {
        VersionRow row = version(planCode, version);
        if (!repository.changeVersionStatus(planCode, version, Status.DRAFT, Status.SUBMITTED)
                && !repository.changeVersionStatus(planCode, version, Status.RETURNED, Status.SUBMITTED)) {
            throw new InputRejectedException("Kế hoạch không ở trạng thái dự thảo nên không thể trình");
        }
        if (version == 1) {
            repository.changeStatus(planCode, Status.DRAFT, Status.SUBMITTED);
            repository.changeStatus(planCode, Status.RETURNED, Status.SUBMITTED);
        }
        repository.insertReview(planCode, version, row.revision(), "SUBMITTED", null, actor);
    }

    public void review(String planCode, int version, String decision, String comments, String actor) {
        if (Decisions.RETURN.equals(decision) && comments == null) {
            throw new InputRejectedException("Khi trả lại dự thảo, «Ý kiến của lãnh đạo» là bắt buộc để đơn vị biết cần sửa gì");
        }
        boolean approve = Decisions.APPROVE.equals(decision);
        Status next = approve ? Status.APPROVED : Status.RETURNED;
        if (!repository.changeVersionStatus(planCode, version, Status.SUBMITTED, next)) {
            throw new InputRejectedException("Dự thảo kế hoạch không ở trạng thái chờ phê duyệt");
        }
        if (version == 1) {
            repository.changeStatus(planCode, Status.SUBMITTED, next);
        }
        repository.insertReview(planCode, version, version(planCode, version).revision(), approve ? "APPROVED" : "RETURNED",
                comments, actor);
    }

    /**
     * Freezes the approved version as issued, with its number and date: from now on it is the plan that runs.
     * Listeners of {@link PlanEvents.VersionIssued} (the report forms of this version) run in the same transaction.
     */
    public void issue(String planCode, int version, String documentNumber, LocalDate issuedOn, String signerName,
                      String signerTitle, String actor) {
        PlanDefinition plan = plans.version(planCode, version);
        var number = DOCUMENT_NUMBER.matcher(documentNumber == null ? "" : documentNumber);
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
        if (version > 1) {
            LocalDate previous = version(planCode, version - 1).issuedOn();
            if (previous != null && issuedOn.isBefore(previous)) {
                throw new InputRejectedException("«Ngày ban hành» của kế hoạch điều chỉnh không được trước ngày ban hành bản trước ("
                        + Texts.DATE.format(previous) + ")");
            }
        }
        if (repository.documentNumberTaken(plan.agency().code(), documentNumber)) {
            throw new InputRejectedException("«Số, ký hiệu» " + documentNumber + " đã được dùng cho một kế hoạch khác");
        }
        String signer = signerName == null ? plan.leadership().signerName() : signerName;
        String title = signerTitle == null ? plan.leadership().signerTitle() : signerTitle;
        if (!repository.issueVersion(planCode, version, documentNumber, issuedOn, signer, title, actor)) {
            throw new InputRejectedException("Kế hoạch chưa được phê duyệt hoặc đã ban hành");
        }
        if (version == 1 && !repository.recordIssuance(planCode, documentNumber, issuedOn, signer, title, actor)) {
            throw new InputRejectedException("Kế hoạch chưa được phê duyệt hoặc đã ban hành");
        }
        syncUnits(plan);
        repository.updateUnitCount(planCode, plan.units().size());
        events.publishEvent(new PlanEvents.VersionIssued(plan, version));
        LOG.info("Plan {} version {} issued as {}", planCode, version, documentNumber);
    }

    /** Keeps the generated forms' deployment with the version they were generated from. */
    public void recordFormDeployment(String planCode, int version, String deploymentId) {
        repository.setFormDeployment(planCode, version, deploymentId);
    }

    /** The units the plan is delegated to: the collection of the delegation multi-instance. */
    public List<String> unitCodes(String planCode) {
        return plans.get(planCode).units().stream().map(Unit::code).toList();
    }

    /** Who signs a version, as its file says (the Office may record another signer at issuance). */
    public record Signer(String name, String title) {}

    public Signer signer(String planCode, int version) {
        PlanDefinition plan = plans.version(planCode, version);
        return new Signer(plan.leadership().signerName(), plan.leadership().signerTitle());
    }

    /** What leadership and the focal unit read in the review forms: the version's content and, for an amendment, its changes. */
    public String summary(String planCode, int version) {
        return summary(plans.version(planCode, version));
    }

    /** What a version changes against the version in force (empty text for the first version). */
    public String changes(String planCode, int version) {
        if (version == 1) {
            return "Bản kế hoạch đầu tiên (chưa có bản đang có hiệu lực để so sánh).";
        }
        PlanDefinition inForce = plans.get(planCode);
        List<String> lines = PlanChanges.between(inForce, plans.version(planCode, version));
        return Texts.fitVariable(lines.isEmpty() ? "Không có thay đổi so với kế hoạch đang có hiệu lực."
                : "So với kế hoạch đang có hiệu lực:\n" + lines.stream().map(l -> "- " + l).collect(Collectors.joining("\n")));
    }

    /** Which revision of the draft is being submitted, for the review forms. */
    public String draftInfo(String planCode, int version) {
        VersionRow row = version(planCode, version);
        return (version == 1 ? "Dự thảo kế hoạch" : "Dự thảo kế hoạch điều chỉnh lần " + (version - 1))
                + ", bản sửa lần " + row.revision() + " (" + row.sha256().substring(0, 12) + ")";
    }

    public List<PlanRepository.ReviewRow> reviews(String planCode) {
        return repository.reviews(planCode);
    }

    public List<VersionRow> versions(String planCode) {
        return repository.versions(planCode);
    }

    public VersionRow version(String planCode, int version) {
        return repository.version(planCode, version)
                .orElseThrow(() -> new IllegalStateException("Plan " + planCode + " has no version " + version));
    }

    public List<PlanRepository.RevisionRow> revisions(String planCode, int version) {
        return repository.revisions(planCode, version);
    }

    public String revisionText(String planCode, int version, int revision) {
        return repository.revisionContent(planCode, version, revision);
    }

    /** The groups of the focal units of an agency's plans: its Office, which may bring in and revise its plans. */
    public List<String> officeGroups(String agencyCode) {
        return repository.officeGroups(agencyCode);
    }

    /** Whether a group is the Office (focal unit) of some agency's plan. */
    public boolean isOfficeGroup(String groupId) {
        return repository.isOfficeGroup(groupId);
    }

    /** The units (with names) and the task assignments of the version, as the tables the monitoring joins on. */
    private void syncUnits(PlanDefinition plan) {
        for (Unit unit : plan.units()) {
            repository.upsertUnit(plan.code(), unit.code(), unit.name(),
                    UnitGroups.unitGroupId(plan.agency().code(), unit.code()), unit.code().equals(plan.focalUnit()));
        }
        repository.replaceAssignments(plan);
    }

    /** One unit code of an agency is one group: its name must be the same in every plan of the agency. */
    private void checkUnitNames(PlanDefinition plan) {
        for (Unit unit : plan.units()) {
            repository.unitNameElsewhere(plan.agency().code(), unit.code(), plan.code())
                    .filter(name -> !name.equals(unit.name()))
                    .ifPresent(name -> {
                        throw new InputRejectedException("Đơn vị mã " + unit.code() + " đã có tên khác trong kế hoạch khác của cơ quan: «"
                                + name + "»; mỗi mã đơn vị là một nhóm người dùng, hãy dùng cùng tên hoặc mã khác");
                    });
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What leadership and the focal unit read in the review forms (kept under the engine's string limit). */
    static String summary(PlanDefinition plan) {
        StringBuilder s = new StringBuilder();
        s.append("Cơ quan ban hành: ").append(plan.agency().name()).append('\n');
        s.append("Thời gian thực hiện: ").append(plan.period().label()).append(" (")
                .append(Texts.DATE.format(plan.period().start())).append(" – ").append(Texts.DATE.format(plan.period().end())).append(")\n");
        plan.windows().forEach(w -> s.append(w.kind() == PlanDefinition.WindowKind.PEAK ? "Cao điểm: " : "Sự kiện: ")
                .append(w.name()).append(" (").append(Texts.DATE.format(w.start())).append(" – ").append(Texts.DATE.format(w.end())).append(")\n"));
        if (plan.theme() != null) {
            s.append("Chủ đề: ").append(plan.theme()).append('\n');
        }
        s.append("Đơn vị đầu mối: ").append(plan.focal().name()).append('\n');
        s.append("Đơn vị thực hiện (").append(plan.units().size()).append("): ")
                .append(plan.units().stream().map(Unit::name).collect(Collectors.joining("; "))).append('\n');
        s.append("Nhiệm vụ (").append(plan.tasks().size()).append("):\n");
        plan.tasks().forEach(t -> s.append("- ").append(t.title()).append('\n'));
        s.append("Chỉ số báo cáo (").append(plan.metrics().size()).append("): ")
                .append(plan.metrics().stream().map(PlanDefinition.Metric::label).collect(Collectors.joining("; "))).append('\n');
        s.append("Chỉ tiêu (").append(plan.targets().size()).append("):\n");
        plan.targets().forEach(t -> s.append("- ").append(t.description()).append('\n'));
        s.append("Báo cáo gửi: ").append(plan.recipients().stream().map(PlanDefinition.Recipient::name)
                .collect(Collectors.joining("; ")));
        return Texts.fitVariable(s.toString());
    }
}
