package vn.haiphong.dx.notification;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import vn.haiphong.dx.consolidation.AdHocReportProcess;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.plan.PlanReviewProcess;
import vn.haiphong.dx.reporting.PeriodicReportProcess;

/**
 * What each kind of task means to the person it reaches, as a mail's subject says it ("Mở kỳ báo cáo định kỳ: …"),
 * with the lines of the process's data that person needs first (why a draft came back, what the answer was). A task
 * of a model this table does not know yet is announced as "Công việc mới" with its name.
 */
final class TaskKinds {

    /** What a mail says about one task: its subject's lead and extra lines for the body. */
    record Heading(String lead, List<String> lines) {}

    /**
     * A kind: its lead, or another when the process sent the work back (its decision variable has the return value, or,
     * without one, is set at all); the labelled variables to quote.
     */
    private record Kind(String lead, String returnedLead, String decisionVariable, String returnValue, Map<String, String> quoted) {

        static Kind of(String lead) {
            return new Kind(lead, null, null, null, Map.of());
        }

        static Kind quoting(String lead, String label, String variable) {
            return new Kind(lead, null, null, null, Map.of(label, variable));
        }
    }

    static final String NEW_TASK = "Công việc mới";

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry(PlanReviewProcess.Activities.SUBMIT_DRAFT, new Kind("Dự thảo kế hoạch cần hoàn thiện, trình lãnh đạo",
                    "Dự thảo kế hoạch bị trả lại để chỉnh sửa", PlanReviewProcess.Vars.REVIEW_DECISION,
                    PlanReviewProcess.Decisions.RETURN, Map.of("Ý kiến của lãnh đạo", PlanReviewProcess.Vars.REVIEW_COMMENTS))),
            Map.entry(PlanReviewProcess.Activities.REVIEW_DRAFT, Kind.of("Dự thảo kế hoạch chờ lãnh đạo xem xét, phê duyệt")),
            Map.entry(PlanReviewProcess.Activities.RECORD_ISSUANCE, Kind.of("Kế hoạch đã được phê duyệt, cần ghi nhận số, ngày ban hành")),
            Map.entry(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN, Kind.of("Kế hoạch mới giao nhiệm vụ cho đơn vị")),
            Map.entry(UnitPlanProcess.Activities.SUBMIT_FINAL_REPORT, Kind.of("Đến kỳ báo cáo kết quả thực hiện kế hoạch")),
            Map.entry(PeriodicReportProcess.Activities.SUBMIT_REPORT, new Kind("Mở kỳ báo cáo định kỳ",
                    "Báo cáo định kỳ bị trả lại để sửa", PeriodicReportProcess.Vars.CORRECTION_OF, null,
                    Map.of("Lý do trả lại", PeriodicReportProcess.Vars.OFFICE_NOTES))),
            Map.entry(PlanIssuanceProcess.Activities.URGE_LATE_UNITS, Kind.of("Các đơn vị chưa nộp báo cáo đúng hạn, cần đôn đốc")),
            Map.entry(PlanIssuanceProcess.Activities.URGE_ACKNOWLEDGEMENTS, Kind.of("Các đơn vị chưa tiếp nhận kế hoạch, cần đôn đốc")),
            Map.entry(DifficultyProcess.Activities.HANDLE, Kind.of("Khó khăn, vướng mắc của đơn vị cần xử lý")),
            Map.entry(DifficultyProcess.Activities.PROVIDE_INFORMATION, Kind.quoting("Đề nghị bổ sung thông tin về khó khăn, vướng mắc",
                    "Nội dung cần bổ sung", DifficultyProcess.Vars.INFORMATION_REQUEST)),
            Map.entry(DifficultyProcess.Activities.DECIDE, Kind.quoting("Khó khăn, vướng mắc chờ lãnh đạo cho ý kiến chỉ đạo",
                    "Ý kiến tham mưu của đơn vị đầu mối", DifficultyProcess.Vars.OFFICE_ADVICE)),
            Map.entry(DifficultyProcess.Activities.REPORT_TO_CITY, Kind.of("Khó khăn, vướng mắc cần báo cáo UBND thành phố")),
            Map.entry(DifficultyProcess.Activities.RECORD_CITY_DIRECTION, Kind.of("Chờ ghi nhận chỉ đạo của UBND thành phố")),
            Map.entry(DifficultyProcess.Activities.FOLLOW_UP_CITY, Kind.of("Cần đôn đốc UBND thành phố cho ý kiến chỉ đạo")),
            Map.entry(DifficultyProcess.Activities.CONFIRM_RESOLUTION, Kind.quoting("Khó khăn, vướng mắc đã được trả lời",
                    "Nội dung trả lời", DifficultyProcess.Vars.ANSWER_TEXT)),
            Map.entry(AdHocReportProcess.Activities.CHOOSE_UNITS, Kind.of("Yêu cầu báo cáo đột xuất mới")),
            Map.entry(AdHocReportProcess.Activities.PROVIDE_INPUT, Kind.of("Đề nghị cung cấp thông tin cho báo cáo đột xuất")),
            Map.entry(ConsolidatedReportProcess.Activities.COMPILE_REPORT, new Kind("Báo cáo tổng hợp cần hoàn thiện, trình lãnh đạo",
                    "Báo cáo tổng hợp bị trả lại để chỉnh sửa", ConsolidatedReportProcess.Vars.APPROVAL_DECISION,
                    ConsolidatedReportProcess.Decisions.RETURN,
                    Map.of("Ý kiến của lãnh đạo", ConsolidatedReportProcess.Vars.LEADERSHIP_COMMENT))),
            Map.entry(ConsolidatedReportProcess.Activities.APPROVE_REPORT, Kind.of("Báo cáo tổng hợp chờ lãnh đạo phê duyệt")));

    private TaskKinds() {
    }

    /**
     * The heading of a task of the model element {@code definitionKey}; {@code variable} reads the task's variables.
     * A draft or report that came back shows as returned, with the reason; other quoted variables only when given.
     */
    static Heading of(String definitionKey, Function<String, Object> variable) {
        Kind kind = KINDS.get(definitionKey);
        if (kind == null) {
            return new Heading(NEW_TASK, List.of());
        }
        boolean returned = kind.decisionVariable() != null && (kind.returnValue() == null
                ? variable.apply(kind.decisionVariable()) != null : kind.returnValue().equals(variable.apply(kind.decisionVariable())));
        List<String> lines = kind.quoted().entrySet().stream()
                .filter(q -> returned || kind.decisionVariable() == null)
                .filter(q -> text(variable.apply(q.getValue())) != null)
                .map(q -> q.getKey() + ": " + text(variable.apply(q.getValue())))
                .toList();
        return new Heading(returned ? kind.returnedLead() : kind.lead(), lines);
    }

    /** The model elements this table knows (for the tests that every user task of every model is here). */
    static java.util.Set<String> known() {
        return KINDS.keySet();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
