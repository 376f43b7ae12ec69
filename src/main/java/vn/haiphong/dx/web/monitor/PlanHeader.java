package vn.haiphong.dx.web.monitor;

import java.time.LocalDate;
import java.util.List;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.reporting.ReportingPeriod;

/**
 * The head of every page about one plan: what it is, where it stands, and the links between its pages.
 *
 * @param today the plan's current day ("hôm nay" on the demo's compressed calendar is a plan day)
 * @param home  where the person's list of plans is: the monitored plans, or the unit's own pages
 * @param links the plan's pages the person may open
 */
record PlanHeader(String code, String title, String agency, String status, String document, String period, String focal,
                  String today, String home, List<Link> links) {

    record Link(String label, String href, boolean current) {}

    /**
     * @param current the period under way, the "Kỳ báo cáo" link's target
     * @param page    which of the plan's pages this is ("dashboard", "period", "difficulties", "unit")
     */
    static PlanHeader of(PlanDefinition plan, PlanRepository.PlanRow row, LocalDate today, ReportingPeriod current,
                         boolean monitors, String page) {
        String base = "/monitor/plans/" + plan.code();
        List<Link> links = monitors ? List.of(
                new Link("Tổng quan", base, "dashboard".equals(page)),
                new Link("Kỳ báo cáo", base + "/periods/" + current.code(), "period".equals(page)),
                new Link("Khó khăn, vướng mắc", base + "/difficulties", "difficulties".equals(page)),
                new Link("Tiến độ nhiệm vụ, minh chứng", base + "/tasks", "tasks".equals(page)),
                new Link("Tải Excel", base + "/export.xlsx", false))
                : List.of(new Link("Khó khăn, vướng mắc", base + "/difficulties", "difficulties".equals(page)));
        return new PlanHeader(plan.code(), plan.title(), plan.agency().name(), planStatus(row.status()),
                row.documentNumber() == null ? null : "Số " + row.documentNumber() + " ngày " + Formats.date(row.issuedOn()),
                plan.period().label(), plan.focal().name(), Formats.date(today), monitors ? "/monitor/plans" : "/monitor/unit", links);
    }

    static PlanHeader of(PlanSnapshot s, boolean monitors, String page) {
        return of(s.plan(), s.row(), s.today(), currentPeriod(s.periods(), s.today()), monitors, page);
    }

    static String planStatus(PlanRepository.Status status) {
        return switch (status) {
            case DRAFT -> "Dự thảo";
            case SUBMITTED -> "Chờ lãnh đạo phê duyệt";
            case RETURNED -> "Trả lại để chỉnh sửa";
            case APPROVED -> "Đã phê duyệt, chờ ban hành";
            case ISSUED -> "Đã ban hành, đang thực hiện";
            case SUPERSEDED -> "Đã được thay thế";
        };
    }

    /** The period under way (the latest periodic one that has opened), else the first. */
    static ReportingPeriod currentPeriod(List<ReportingPeriod> periods, LocalDate today) {
        ReportingPeriod current = periods.get(0);
        for (ReportingPeriod period : periods) {
            if (!today.isBefore(PlanSnapshot.opensOn(period)) && period.kind() != ReportingPeriod.Kind.FINAL) {
                current = period;
            }
        }
        return current;
    }

    /** A period's name in a column head: "T10/2025", "Quý IV/2025", "Cao điểm 01/10–31/10", "Cả kế hoạch". */
    static String shortLabel(ReportingPeriod period) {
        return switch (period.kind()) {
            case MONTH -> "T" + period.label().substring("tháng ".length());
            case QUARTER, HALF, YEAR -> Formats.capitalised(period.label());
            case PEAK -> "Cao điểm " + String.format("%02d/%02d–%02d/%02d", period.start().getDayOfMonth(),
                    period.start().getMonthValue(), period.end().getDayOfMonth(), period.end().getMonthValue());
            case FINAL -> "Cả kế hoạch";
        };
    }

    /** A period's page title: "Báo cáo tháng 10/2025", "Báo cáo kết quả thực hiện kế hoạch (quý IV/2025)". */
    static String reportTitle(ReportingPeriod period) {
        return period.label().startsWith("báo cáo") ? Formats.capitalised(period.label()) : "Báo cáo " + period.label();
    }
}
