package vn.haiphong.dx.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.util.List;

import vn.haiphong.dx.consolidation.ConsolidatedReportView;
import vn.haiphong.dx.consolidation.ConsolidationService;
import vn.haiphong.dx.delegation.UnitAcknowledgement;
import vn.haiphong.dx.escalation.DifficultyView;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.shared.Texts;

/**
 * The Office's monitoring pages, in Vietnamese: {@code /monitor/plans} and {@code /monitor/plans/{code}}.
 * Plain server-rendered HTML (every value escaped) that works for anyone logged in to Tasklist.
 */
@RestController
class PlanMonitorPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Map<String, String> STATUS = Map.of(
            "DRAFT", "Dự thảo", "SUBMITTED", "Chờ lãnh đạo phê duyệt", "RETURNED", "Trả lại để chỉnh sửa",
            "APPROVED", "Đã phê duyệt, chờ ban hành", "ISSUED", "Đã ban hành");


    private final PlanMonitor monitor;
    private final ConsolidationService consolidation;

    PlanMonitorPage(PlanMonitor monitor, ConsolidationService consolidation) {
        this.monitor = monitor;
        this.consolidation = consolidation;
    }

    @GetMapping(value = "/monitor/plans", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String plans(HttpServletRequest request) {
        StringBuilder html = page("Theo dõi kế hoạch");
        html.append("<table><thead><tr><th>Kế hoạch</th><th>Cơ quan</th><th>Trạng thái</th><th>Số, ký hiệu</th>"
                + "<th>Đơn vị đã tiếp nhận</th></tr></thead><tbody>");
        for (PlanMonitor.PlanOverview plan : monitor.visiblePlans(AppUser.of(request))) {
            html.append("<tr><td><a href=\"/monitor/plans/").append(esc(plan.code())).append("\">")
                    .append(esc(plan.title())).append("</a></td><td>").append(esc(plan.agency()))
                    .append("</td><td>").append(esc(STATUS.get(plan.status()))).append("</td><td>")
                    .append(esc(plan.documentNumber() == null ? "—" : plan.documentNumber()
                            + " ngày " + Texts.DATE.format(plan.issuedOn())))
                    .append("</td><td>").append(plan.acknowledgedCount()).append('/').append(plan.unitCount())
                    .append("</td></tr>");
        }
        return html.append("</tbody></table></main></body></html>").toString();
    }

    @GetMapping(value = "/monitor/plans/{code}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String plan(@PathVariable String code, HttpServletRequest request) {
        PlanMonitor.PlanUnits view = monitor.units(AppUser.of(request), code);
        PlanMonitor.PlanOverview plan = view.plan();
        StringBuilder html = page(plan.title());
        html.append("<p>").append(esc(plan.agency())).append(" · ").append(esc(STATUS.get(plan.status())));
        if (plan.documentNumber() != null) {
            html.append(" · Số ").append(esc(plan.documentNumber())).append(" ngày ").append(Texts.DATE.format(plan.issuedOn()));
        }
        html.append("</p><p class=\"summary\">Đã tiếp nhận: <strong>").append(plan.acknowledgedCount()).append('/')
                .append(plan.unitCount()).append("</strong> đơn vị");
        if (plan.allAcknowledgedAt() != null) {
            html.append(" — 100% đơn vị đã tiếp nhận lúc ").append(when(plan.allAcknowledgedAt()));
        }
        html.append("</p><table><thead><tr><th>Đơn vị</th><th>Tình trạng</th><th>Cán bộ phụ trách</th>"
                + "<th>Liên hệ</th><th>Thời điểm tiếp nhận</th></tr></thead><tbody>");
        for (UnitAcknowledgement unit : view.units()) {
            html.append("<tr class=\"").append(unit.acknowledged() ? "done" : "pending").append("\"><td>")
                    .append(esc(unit.unitName())).append(unit.focal() ? " (đầu mối)" : "").append("</td><td>")
                    .append(unit.acknowledged() ? "Đã tiếp nhận" : "Chưa tiếp nhận").append("</td><td>")
                    .append(esc(orDash(unit.personInCharge()))).append("</td><td>").append(esc(orDash(unit.contact())))
                    .append("</td><td>").append(unit.acknowledged() ? when(unit.acknowledgedAt()) : "—")
                    .append("</td></tr>");
        }
        html.append("</tbody></table><h2>Báo cáo định kỳ</h2><ul>");
        for (ReportingPeriod period : monitor.periods(AppUser.of(request), code)) {
            html.append("<li><a href=\"/monitor/plans/").append(esc(code)).append("/periods/").append(esc(period.code()))
                    .append("\">").append(esc(capitalised(period.label()))).append("</a> — hạn nộp ")
                    .append(Texts.DATE.format(period.dueOn())).append("</li>");
        }
        html.append("</ul><p><a href=\"/monitor/plans/").append(esc(code))
                .append("/difficulties\">Khó khăn, vướng mắc của các đơn vị</a></p>");
        html.append("<h2>Báo cáo tổng hợp</h2>");
        List<ConsolidatedReportView> reports = consolidation.reports(code);
        if (reports.isEmpty()) {
            html.append("<p>Chưa có báo cáo tổng hợp.</p>");
        } else {
            html.append("<table><thead><tr><th>Báo cáo</th><th>Tình trạng</th><th>Số, ngày</th><th>Đã gửi</th>"
                    + "<th>Tệp</th></tr></thead><tbody>");
            for (ConsolidatedReportView r : reports) {
                html.append("<tr><td>").append(esc(r.subject())).append("</td><td>").append(esc(r.statusLabel())).append("</td><td>")
                        .append(r.documentNumber() == null ? "—" : esc(r.documentNumber()) + " ngày " + Texts.DATE.format(r.issuedOn()))
                        .append("</td><td>").append(r.dispatches().isEmpty() ? "—" : esc(String.join("; ", r.dispatches().stream()
                                .map(d -> d.recipient() + ("EMAIL".equals(d.channel()) ? " (thư điện tử " + d.address() + ")" : " (chỉ ghi nhận)"))
                                .toList())))
                        .append("</td><td><a href=\"").append(esc(r.pdfUrl())).append("\">PDF</a> · <a href=\"")
                        .append(esc(r.docxUrl())).append("\">DOCX</a></td></tr>");
            }
            html.append("</tbody></table>");
        }
        return html.append("<p><a href=\"/monitor/plans\">← Danh sách kế hoạch</a></p></main></body></html>").toString();
    }

    @GetMapping(value = "/monitor/plans/{code}/difficulties", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String difficulties(@PathVariable String code, HttpServletRequest request) {
        List<DifficultyView> list = monitor.difficulties(AppUser.of(request), code);
        StringBuilder html = page("Khó khăn, vướng mắc");
        html.append("<p class=\"summary\">Tổng số: <strong>").append(list.size()).append("</strong> · Đang xử lý: <strong>")
                .append(list.stream().filter(d -> d.closedAt() == null).count()).append("</strong> · Quá hạn xử lý: <strong>")
                .append(list.stream().filter(DifficultyView::overdue).count()).append("</strong></p>");
        html.append("<table><thead><tr><th>Đơn vị</th><th>Nội dung</th><th>Tình trạng</th><th>Hạn xử lý</th><th>Diễn biến</th>"
                + "</tr></thead><tbody>");
        for (DifficultyView d : list) {
            html.append("<tr class=\"").append(d.overdue() ? "pending" : "done").append("\"><td>").append(esc(d.unitName()))
                    .append("<br><small>").append(when(d.reportedAt())).append("</small></td><td>").append(esc(d.description()))
                    .append(d.answer() == null ? "" : "<br><small>" + esc(d.answer()) + "</small>").append("</td><td>")
                    .append(esc(DifficultyProcess.Status.valueOf(d.status()).label())).append("</td><td>")
                    .append(d.stageDueAt() == null || d.closedAt() != null ? "—" : when(d.stageDueAt()) + (d.overdue() ? " (quá hạn)" : ""))
                    .append("</td><td>");
            d.history().forEach(step -> html.append("<div><small>").append(when(step.at())).append(" · ")
                    .append(esc(DifficultyProcess.Status.valueOf(step.status()).label()))
                    .append(step.actor() == null ? "" : " · " + esc(step.actor())).append("</small></div>"));
            html.append("</td></tr>");
        }
        return html.append("</tbody></table><p><a href=\"/monitor/plans/").append(esc(code))
                .append("\">← Kế hoạch</a></p></main></body></html>").toString();
    }

    @GetMapping(value = "/monitor/plans/{code}/periods/{period}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String period(@PathVariable String code, @PathVariable String period, HttpServletRequest request) {
        PeriodStatus status = monitor.period(AppUser.of(request), code, period);
        String label = status.periodLabel();
        StringBuilder html = page(label.startsWith("báo cáo") ? capitalised(label) : "Báo cáo " + label);
        html.append("<p class=\"summary\">Hạn nộp: hết ngày ").append(Texts.DATE.format(status.dueOn())).append(" · Đúng hạn: <strong>")
                .append(status.count(PeriodStatus.State.ON_TIME)).append("</strong> · Nộp muộn: <strong>")
                .append(status.count(PeriodStatus.State.LATE)).append("</strong> · Chưa nộp: <strong>")
                .append(status.count(PeriodStatus.State.MISSING)).append("</strong></p>");
        html.append("<table><thead><tr><th>Đơn vị</th><th>Tình trạng</th><th>Chỉ tiêu đạt</th><th>Chỉ tiêu chưa đạt</th>"
                + "<th>Khó khăn, đề xuất</th><th>Đôn đốc</th></tr></thead><tbody>");
        for (PeriodStatus.UnitReport unit : status.units()) {
            html.append("<tr class=\"").append(unit.state() == PeriodStatus.State.MISSING ? "pending" : "done").append("\"><td>")
                    .append(esc(unit.unitName())).append("</td><td>").append(unit.state().label());
            if (unit.submittedAt() != null) {
                html.append("<br><small>").append(when(unit.submittedAt())).append(" · ").append(esc(unit.submittedBy())).append("</small>");
            }
            html.append("</td><td>").append(unit.state() == PeriodStatus.State.MISSING ? "—"
                    : unit.targetsMet() + "/" + unit.targetsEvaluated()).append("</td><td>");
            unit.targets().stream().filter(t -> !t.met()).forEach(t -> html.append("<div>").append(esc(t.description()))
                    .append(" <small>(đạt ").append(t.actual()).append(")</small></div>"));
            html.append("</td><td>").append(unit.hasDifficulty() ? esc(unit.difficultyDescription())
                    + (unit.difficultyProposal() == null ? "" : "<br><small>Đề xuất: " + esc(unit.difficultyProposal()) + "</small>") : "—")
                    .append("</td><td>").append(unit.urgings() == 0 ? "—" : unit.urgings() + " lần").append("</td></tr>");
        }
        return html.append("</tbody></table><p><a href=\"/monitor/plans/").append(esc(code))
                .append("\">← Kế hoạch</a></p></main></body></html>").toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(title)).append("</title><link rel=\"stylesheet\" href=\"/monitor.css\"></head><body><main><h1>")
                .append(esc(title)).append("</h1>");
    }

    private static String when(OffsetDateTime time) {
        return WHEN.format(time.atZoneSameInstant(PlanService.ZONE));
    }

    private static String orDash(String text) {
        return text == null ? "—" : text;
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
