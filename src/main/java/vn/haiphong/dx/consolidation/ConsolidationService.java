package vn.haiphong.dx.consolidation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;

import vn.haiphong.dx.consolidation.Compilation.MetricLine;
import vn.haiphong.dx.consolidation.Compilation.UnitLine;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess.Decisions;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess.Kinds;
import vn.haiphong.dx.consolidation.ConsolidationRepository.Status;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.calendar.PlanCalendar;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * The life of a consolidated report: drafted from the units' data, completed by the Office, approved or
 * returned by leadership, numbered and dated on approval. Ad-hoc reports start with the city's request and
 * may collect input from chosen units first.
 */
@Service
public class ConsolidationService {

    /** What the Office's and leadership's tasks need after drafting. */
    record Draft(long reportId, String officeGroupId, String leadershipGroupId, String taskContext, Date dueAt,
                 String overview, String documentLinks, String summary, String proposals) {}

    /** A city's request for an ad-hoc report, as the Office enters it (or a client posts it). */
    public record AdHocRequest(String planCode, String subject, String requestedBy, String requestReference,
                               String details, LocalDate deadline) {}

    record Registered(long reportId, String planCode, String officeGroupId, String taskContext, String requestInfo,
                      String unitOptions) {}

    private final ConsolidationRepository reports;
    private final ReportCompiler compiler;
    private final Plans catalog;
    private final PlanRepository plans;
    private final PlanCalendar calendar;
    private final ObjectMapper json;
    private final vn.haiphong.dx.reporting.ReportingService reporting;

    private final vn.haiphong.dx.calendar.WorkingDays workingDays;

    ConsolidationService(ConsolidationRepository reports, ReportCompiler compiler, Plans catalog, PlanRepository plans,
                         PlanCalendar calendar, ObjectMapper json, vn.haiphong.dx.reporting.ReportingService reporting,
                         vn.haiphong.dx.calendar.WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.reporting = reporting;
        this.reports = reports;
        this.compiler = compiler;
        this.catalog = catalog;
        this.plans = plans;
        this.calendar = calendar;
        this.json = json;
    }

    /** When a period closes if not every unit has reported before: the end of the units' due date. */
    public Date periodClosesAt(String planCode, String periodCode) {
        return reporting.periodClosesAt(planCode, periodCode);
    }

    /**
     * Creates (or, when the step runs again, finds) the report and drafts it from the current data. For an
     * ad-hoc report the request already exists.
     */
    Draft draft(String planCode, String kind, String periodCode, Long adHocReportId, String processInstanceId) {
        PlanDefinition plan = catalog.get(planCode);
        long id;
        if (Kinds.AD_HOC.equals(kind)) {
            id = adHocReportId;
        } else {
            String code = Kinds.FINAL.equals(kind) ? ReportingPeriod.FINAL_CODE : periodCode;
            id = reports.find(planCode, kind, code).map(ConsolidationRepository.Row::id)
                    .orElseGet(() -> reports.insert(new ConsolidationRepository.NewReport(planCode, kind, code,
                            subjectOf(plan, kind, code), null, null, null, null, Status.DRAFTED, processInstanceId)));
        }
        ConsolidationRepository.Row existing = reports.find(id).orElseThrow();
        if (existing.status() != Status.DRAFTED && existing.status() != Status.REQUESTED && existing.status() != Status.COLLECTING) {
            // A report already submitted or approved is never drafted again (its number and text stay).
            throw new IllegalStateException("Consolidated report " + id + " is " + existing.status() + "; it cannot be drafted again");
        }
        Compilation compilation = compile(plan, existing);
        reports.compiled(id, write(compilation), Status.DRAFTED, catalog.runningVersion(planCode));
        reports.event(id, Status.DRAFTED, null, "Hệ thống lập dự thảo từ số liệu của các đơn vị");
        ConsolidationRepository.Row row = reports.find(id).orElseThrow();
        String agency = plan.agency().code();
        return new Draft(id, UnitGroups.unitGroupId(agency, plan.focalUnit()), UnitGroups.leadershipGroupId(agency),
                taskContext(plan, row), dueAt(plan, row), overview(compilation), documentLinks(id),
                autoSummary(row.kind(), compilation), autoProposals(compilation));
    }

    /**
     * The version of the plan a report was compiled by: its document keeps that version's names, signer and
     * recipients, whatever was amended after it was approved.
     */
    public PlanDefinition planOf(ConsolidationRepository.Row row) {
        return row.planVersion() == null ? catalog.get(row.planCode()) : catalog.version(row.planCode(), row.planVersion());
    }

    /** What leadership reads after the Office submitted: the texts as stored and the overview of the data as compiled. */
    record Submitted(String summary, String proposals, String overview) {}

    /**
     * The Office submits its text; the data is compiled again so that late reports are in. A summary or proposals the
     * Office left as the system drafted them are drafted again from the new data, so the report never contradicts its
     * own tables; text the Office wrote is kept as written.
     */
    Submitted submit(long id, String summary, String assessment, String proposals, String actor, List<String> actorGroups) {
        ConsolidationRepository.Row row = row(id);
        PlanDefinition plan = catalog.get(row.planCode());
        UnitGroups.requireMember(actor, actorGroups, UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()),
                plan.focal().name(), "trình báo cáo tổng hợp");
        if (row.status() != Status.DRAFTED && row.status() != Status.RETURNED) {
            throw new InputRejectedException("Báo cáo đang ở trạng thái «" + row.status().label + "», không thể trình");
        }
        require(summary, "«Tình hình, kết quả thực hiện»");
        require(assessment, "«Đánh giá chung»");
        Compilation drafted = compilation(row);
        Compilation now = compile(plan, row);
        String text = asDrafted(summary, autoSummary(row.kind(), drafted)) ? autoSummary(row.kind(), now) : summary;
        String proposed = asDrafted(proposals, autoProposals(drafted)) ? autoProposals(now) : proposals;
        reports.texts(id, text, assessment, proposed, Status.SUBMITTED);
        reports.compiled(id, write(now), Status.SUBMITTED, catalog.runningVersion(row.planCode()));
        reports.event(id, Status.SUBMITTED, actor, null);
        return new Submitted(text, proposed, overview(now));
    }

    /** Whether the Office's text is still the one the system drafted (line ends and outer spaces aside). */
    private static boolean asDrafted(String text, String drafted) {
        String a = text == null ? "" : text.replace("\r\n", "\n").strip();
        String b = drafted == null ? "" : drafted.replace("\r\n", "\n").strip();
        return a.equals(b);
    }

    /**
     * Leadership approves (the report gets its number and date) or returns it with comments. Returns the
     * document number on approval, else null.
     */
    String decide(long id, String decision, String comment, String actor, List<String> actorGroups) {
        ConsolidationRepository.Row row = row(id);
        PlanDefinition plan = catalog.get(row.planCode());
        UnitGroups.requireMember(actor, actorGroups, UnitGroups.leadershipGroupId(plan.agency().code()),
                plan.leadership().name(), "phê duyệt báo cáo tổng hợp");
        if (row.status() != Status.SUBMITTED) {
            throw new InputRejectedException("Báo cáo chưa được trình hoặc đã được xử lý");
        }
        if (Decisions.RETURN.equals(decision)) {
            require(comment, "«Ý kiến của lãnh đạo» (khi trả lại báo cáo)");
            reports.returned(id, comment);
            reports.event(id, Status.RETURNED, actor, comment);
            return null;
        }
        if (!Decisions.APPROVE.equals(decision)) {
            throw new InputRejectedException("«Ý kiến phê duyệt» là bắt buộc");
        }
        LocalDate today = calendar.today(plan);
        int number = reports.nextNumber(plan.agency().code(), plan.reportSymbol(), today.getYear());
        // Decree 30/2020: numbers below 10 take a leading zero ("01/BC-UBND").
        String documentNumber = String.format("%02d", number) + "/" + plan.reportSymbol();
        reports.approved(id, number, documentNumber, today, actor, comment);
        reports.event(id, Status.APPROVED, actor, "Số " + documentNumber + " ngày " + Texts.DATE.format(today)
                + (comment == null ? "" : ". " + comment));
        return documentNumber;
    }

    // --- ad-hoc reports ---

    /**
     * Records the city's request. The plan is the Office's own issued plan (its code is needed only when
     * the Office coordinates several).
     */
    Registered registerAdHoc(AdHocRequest request, String processInstanceId, String actor, List<String> actorGroups) {
        PlanDefinition plan = officePlan(request.planCode(), actor, actorGroups);
        require(request.subject(), "«Nội dung yêu cầu báo cáo»");
        require(request.requestedBy(), "«Cơ quan yêu cầu»");
        if (request.deadline() == null) {
            throw new InputRejectedException("«Hạn gửi báo cáo» là bắt buộc");
        }
        if (request.deadline().isBefore(calendar.today(plan))) {
            throw new InputRejectedException("«Hạn gửi báo cáo» không được trước ngày hôm nay");
        }
        long id = reports.insert(new ConsolidationRepository.NewReport(plan.code(), Kinds.AD_HOC, null, request.subject(),
                request.requestedBy(), request.requestReference(), request.details(), request.deadline(), Status.REQUESTED,
                processInstanceId));
        reports.event(id, Status.REQUESTED, actor, request.requestedBy() + (request.requestReference() == null ? ""
                : " – " + request.requestReference()));
        ConsolidationRepository.Row row = row(id);
        return new Registered(id, plan.code(), UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()),
                taskContext(plan, row), requestInfo(row), unitOptions(plan));
    }

    /** The Office asks chosen units for input by a day before the report's deadline. Returns the unit codes. */
    List<String> askUnits(long id, List<String> unitCodes, LocalDate dueOn, String actor, List<String> actorGroups) {
        ConsolidationRepository.Row row = row(id);
        PlanDefinition plan = catalog.get(row.planCode());
        UnitGroups.requireMember(actor, actorGroups, UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()),
                plan.focal().name(), "yêu cầu đơn vị cung cấp thông tin");
        if (unitCodes.isEmpty()) {
            throw new InputRejectedException("Chọn ít nhất một đơn vị cung cấp thông tin");
        }
        for (String unit : unitCodes) {
            if (plan.unit(unit).isEmpty()) {
                throw new InputRejectedException("Đơn vị «" + unit + "» không thuộc Kế hoạch");
            }
        }
        if (dueOn == null) {
            throw new InputRejectedException("«Hạn đơn vị gửi thông tin» là bắt buộc");
        }
        if (dueOn.isBefore(calendar.today(plan)) || dueOn.isAfter(row.deadline())) {
            throw new InputRejectedException("«Hạn đơn vị gửi thông tin» phải từ hôm nay đến hạn gửi báo cáo "
                    + Texts.DATE.format(row.deadline()));
        }
        List<String> distinct = unitCodes.stream().distinct().toList();
        distinct.forEach(unit -> reports.insertInput(id, unit, dueOn));
        reports.status(id, Status.COLLECTING);
        reports.event(id, Status.COLLECTING, actor, "Đề nghị " + distinct.size() + " đơn vị cung cấp thông tin trước hết ngày "
                + Texts.DATE.format(dueOn));
        return distinct;
    }

    /** The units asked for input, as the collection of the input multi-instance. */
    public List<String> inputUnits(long id) {
        return reports.inputs(id).stream().map(ConsolidationRepository.Input::unitCode).toList();
    }

    Date inputDueAt(long id, LocalDate dueOn) {
        return calendar.endOf(catalog.get(row(id).planCode()), dueOn);
    }

    /** A unit sends its input; only a unit asked, once. */
    void submitInput(long id, String unitCode, String content, String figures, String actor, List<String> actorGroups) {
        ConsolidationRepository.Row row = row(id);
        PlanDefinition plan = catalog.get(row.planCode());
        UnitGroups.requireMember(actor, actorGroups, UnitGroups.unitGroupId(plan.agency().code(), unitCode),
                plan.unit(unitCode).orElseThrow().name(), "cung cấp thông tin");
        require(content, "«Nội dung cung cấp»");
        if (!reports.submitInput(id, unitCode, content, figures, actor)) {
            throw new InputRejectedException("Đơn vị không được đề nghị hoặc đã gửi thông tin cho báo cáo này");
        }
    }

    public String unitGroupId(String planCode, String unitCode) {
        return UnitGroups.unitGroupId(catalog.get(planCode).agency().code(), unitCode);
    }

    public String inputContext(long id, String unitCode) {
        ConsolidationRepository.Row row = row(id);
        PlanDefinition plan = catalog.get(row.planCode());
        return "«" + row.subject() + "» – " + plan.unit(unitCode).orElseThrow().name();
    }

    // --- reading ---

    /** Every consolidated report of a plan, oldest first, with its history and dispatches. */
    public List<ConsolidatedReportView> reports(String planCode) {
        return reports.ofPlan(planCode).stream().map(this::view).toList();
    }

    public ConsolidatedReportView report(long id) {
        return view(row(id));
    }

    private ConsolidatedReportView view(ConsolidationRepository.Row r) {
        return new ConsolidatedReportView(r.id(), r.kind(), r.periodCode(), r.subject(), r.status().name(),
                r.status().label, r.documentNumber(), r.issuedOn(), r.createdAt(),
                "/api/reports/" + r.id() + "/document.pdf", "/api/reports/" + r.id() + "/document.docx",
                reports.events(r.id()).stream().map(e -> new ConsolidatedReportView.Step(e.status(), e.actor(), e.at(), e.note())).toList(),
                reports.dispatches(r.id()).stream().map(d -> new ConsolidatedReportView.Dispatch(d.recipient(), d.address(),
                        d.channel(), d.dispatchedAt(), d.reference())).toList());
    }

    ConsolidationRepository.Row row(long id) {
        return reports.find(id).orElseThrow(() -> new InputRejectedException("Không có báo cáo tổng hợp số " + id));
    }

    Compilation compilation(ConsolidationRepository.Row row) {
        try {
            return json.readValue(row.contentJson(), Compilation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored content of consolidated report " + row.id() + " is unreadable", e);
        }
    }

    List<ConsolidationRepository.Row> ofPlan(String planCode) {
        return reports.ofPlan(planCode);
    }

    List<ConsolidationRepository.Event> events(long id) {
        return reports.events(id);
    }

    List<ConsolidationRepository.Dispatch> dispatches(long id) {
        return reports.dispatches(id);
    }

    List<ConsolidationRepository.Input> inputs(long id) {
        return reports.inputs(id);
    }

    /** The plan's own number and date as issued, as a report cites it. */
    String planCitation(PlanDefinition plan) {
        return plans.find(plan.code())
                .filter(row -> row.documentNumber() != null)
                .map(row -> "Kế hoạch số " + row.documentNumber() + (row.issuedOn() == null ? "" : " ngày " + Texts.DATE.format(row.issuedOn())))
                .orElse("Kế hoạch");
    }

    // --- texts ---

    private Compilation compile(PlanDefinition plan, ConsolidationRepository.Row row) {
        return switch (row.kind()) {
            case Kinds.AD_HOC -> compiler.adHoc(plan, reports.inputs(row.id()));
            case Kinds.FINAL -> compiler.finalReport(plan);
            default -> compiler.periodic(plan, row.periodCode());
        };
    }

    private static String subjectOf(PlanDefinition plan, String kind, String periodCode) {
        return Kinds.FINAL.equals(kind) ? "Kết quả thực hiện " + plan.title()
                : "Kết quả thực hiện " + plan.title() + " " + period(plan, periodCode).label();
    }

    private static String taskContext(PlanDefinition plan, ConsolidationRepository.Row row) {
        return switch (row.kind()) {
            case Kinds.AD_HOC -> "đột xuất «" + row.subject() + "» – " + plan.agency().name();
            case Kinds.FINAL -> "kết quả thực hiện " + plan.title() + " – " + plan.agency().name();
            default -> period(plan, row.periodCode()).label() + " – " + plan.title();
        };
    }

    private Date dueAt(PlanDefinition plan, ConsolidationRepository.Row row) {
        LocalDate due = switch (row.kind()) {
            case Kinds.AD_HOC -> row.deadline();
            case Kinds.FINAL -> reporting.periodOf(plan, ReportingPeriod.FINAL_CODE).dueOn().plusDays(plan.reporting().consolidationDueDays());
            default -> reporting.periodOf(plan, row.periodCode()).dueOn().plusDays(plan.reporting().consolidationDueDays());
        };
        return calendar.endOf(plan, workingDays.onOrAfter(due));
    }

    static String documentLinks(long id) {
        return "**Báo cáo:** [Tải bản PDF](/api/reports/" + id + "/document.pdf) · [Tải bản DOCX để chỉnh sửa](/api/reports/" + id + "/document.docx)";
    }

    /** The draft of the Office's summary: facts only, for the Office to edit. */
    static String autoSummary(String kind, Compilation c) {
        StringBuilder s = new StringBuilder();
        if (Kinds.AD_HOC.equals(kind)) {
            long sent = c.inputs().stream().filter(Compilation.InputLine::received).count();
            s.append("Tính ").append(c.scopeLabel()).append(", ").append(c.acknowledged()).append('/').append(c.unitCount())
                    .append(" đơn vị đã tiếp nhận, triển khai Kế hoạch.");
            if (!c.inputs().isEmpty()) {
                s.append(' ').append(sent).append('/').append(c.inputs().size()).append(" đơn vị được đề nghị đã gửi thông tin.");
            }
        } else {
            String scope = Kinds.FINAL.equals(kind) ? "Kết thúc Kế hoạch (" + c.scopeLabel() + ")" : "Trong " + c.scopeLabel();
            s.append(scope).append(", ").append(c.count(UnitLine::onTime)).append('/').append(c.unitCount())
                    .append(" đơn vị nộp báo cáo đúng hạn, ").append(c.count(UnitLine::late)).append(" đơn vị nộp muộn, ")
                    .append(c.count(UnitLine::missing)).append(" đơn vị chưa nộp. Các đơn vị đạt ").append(c.targetsMet()).append('/')
                    .append(c.targetsEvaluated()).append(" lượt chỉ tiêu được đánh giá.");
        }
        List<String> totals = new ArrayList<>();
        for (MetricLine m : c.metrics()) {
            if (m.total() > 0) {
                totals.add(m.label() + ": " + m.total() + (m.unit() == null ? "" : " " + m.unit()));
            }
        }
        if (!totals.isEmpty()) {
            s.append("\nKết quả chính: ").append(String.join("; ", totals)).append('.');
        }
        if (!c.difficulties().isEmpty()) {
            s.append("\nCó ").append(c.difficulties().size()).append(" khó khăn, vướng mắc được báo cáo, đã giải quyết ")
                    .append(c.difficulties().stream().filter(Compilation.DifficultyLine::resolved).count()).append('.');
        }
        return Texts.fitVariable(s.toString());
    }

    private static String autoProposals(Compilation c) {
        return c.unitProposals().isEmpty() ? null
                : Texts.fitVariable(String.join("\n", c.unitProposals().stream().map(p -> "- " + p).toList()));
    }

    /** What the Office and leadership read in the task before opening the document. */
    private static String overview(Compilation c) {
        StringBuilder s = new StringBuilder();
        List<String> missing = c.units().stream().filter(UnitLine::missing).map(UnitLine::name).toList();
        List<String> late = c.units().stream().filter(UnitLine::late).map(UnitLine::name).toList();
        if (!missing.isEmpty()) {
            s.append("Chưa nộp báo cáo: ").append(String.join(", ", missing)).append('\n');
        }
        if (!late.isEmpty()) {
            s.append("Nộp muộn: ").append(String.join(", ", late)).append('\n');
        }
        List<String> shortfall = c.units().stream().filter(u -> !u.targetsNotMet().isEmpty()).map(UnitLine::name).toList();
        if (!shortfall.isEmpty()) {
            s.append("Chưa đạt chỉ tiêu: ").append(String.join(", ", shortfall)).append('\n');
        }
        c.agencyTargets().forEach(t -> s.append("Chỉ tiêu chung: ").append(t.description()).append(" – ")
                .append(t.met() ? "Đạt" : "Chưa đạt").append(" (").append(t.achieved()).append(")\n"));
        c.inputs().forEach(i -> s.append("Thông tin của ").append(i.unitName()).append(": ").append(i.state()).append('\n'));
        s.append("Khó khăn, vướng mắc: ").append(c.difficulties().size());
        return Texts.fitVariable(s.toString());
    }

    private static String requestInfo(ConsolidationRepository.Row row) {
        return Texts.fitVariable("Yêu cầu của: " + row.requestedBy()
                + (row.requestReference() == null ? "" : "\nVăn bản: " + row.requestReference())
                + "\nNội dung: " + row.subject()
                + (row.requestDetails() == null ? "" : "\nChi tiết: " + row.requestDetails())
                + "\nHạn gửi báo cáo: hết ngày " + Texts.DATE.format(row.deadline()));
    }

    /** The plan's units as checklist options for Camunda Forms. */
    private String unitOptions(PlanDefinition plan) {
        try {
            return json.writeValueAsString(plan.units().stream().map(u -> Map.of("label", u.name(), "value", u.code())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PlanDefinition officePlan(String planCode, String actor, List<String> actorGroups) {
        List<PlanDefinition> candidates = catalog.all().stream()
                .filter(p -> planCode == null || p.code().equals(planCode))
                .filter(p -> plans.find(p.code()).map(r -> r.status() == PlanRepository.Status.ISSUED).orElse(false))
                .filter(p -> actorGroups.contains(UnitGroups.unitGroupId(p.agency().code(), p.focalUnit())))
                .toList();
        if (candidates.isEmpty()) {
            throw new InputRejectedException("Người dùng " + actor + " không thuộc đơn vị đầu mối của kế hoạch đang thực hiện"
                    + (planCode == null ? "" : " có mã " + planCode));
        }
        if (candidates.size() > 1) {
            throw new InputRejectedException("Đơn vị đang điều phối nhiều kế hoạch: ghi «Mã kế hoạch» của kế hoạch được yêu cầu báo cáo");
        }
        return candidates.get(0);
    }

    private String write(Compilation compilation) {
        try {
            return json.writeValueAsString(compilation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void require(String value, String label) {
        if (value == null || value.isBlank()) {
            throw new InputRejectedException(label + " là bắt buộc");
        }
    }

    private static ReportingPeriod period(PlanDefinition plan, String periodCode) {
        return ReportingPeriod.find(plan, periodCode)
                .orElseThrow(() -> new IllegalStateException("Plan " + plan.code() + " has no reporting period " + periodCode));
    }
}
