package vn.haiphong.dx.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanDefinition.WindowKind;
import vn.haiphong.dx.shared.Texts;

/**
 * A period a unit reports on, derived from the plan data: each month (or quarter) of the plan's period,
 * each peak window on its own, and the unit's final report at the end of the plan.
 */
public record ReportingPeriod(String code, Kind kind, String label, LocalDate start, LocalDate end, LocalDate dueOn,
                              String windowCode) {

    public enum Kind { MONTH, QUARTER, HALF, YEAR, PEAK, FINAL }

    public static final String FINAL_CODE = "FINAL";
    private static final String[] QUARTERS = {"I", "II", "III", "IV"};

    /** Every periodic report of the plan, due as the plan says (without the working calendar). */
    public static List<ReportingPeriod> of(PlanDefinition plan) {
        return of(plan, java.util.function.UnaryOperator.identity());
    }

    /**
     * Every periodic report of the plan, in the order they fall due (the final report excluded).
     *
     * @param workingDay where a due date that falls on a day off goes (the next working day)
     */
    public static List<ReportingPeriod> of(PlanDefinition plan, java.util.function.UnaryOperator<LocalDate> workingDay) {
        List<ReportingPeriod> periods = new ArrayList<>();
        int months = switch (plan.reporting().cadence()) {
            case MONTHLY -> 1;
            case QUARTERLY -> 3;
            case HALF_YEARLY -> 6;
            case YEARLY -> 12;
        };
        LocalDate first = plan.period().start().withDayOfMonth(1);
        first = first.withMonth(((first.getMonthValue() - 1) / months) * months + 1);
        for (LocalDate start = first; !start.isAfter(plan.period().end()); start = start.plusMonths(months)) {
            LocalDate end = start.plusMonths(months).minusDays(1);
            LocalDate clippedStart = start.isBefore(plan.period().start()) ? plan.period().start() : start;
            LocalDate clippedEnd = end.isAfter(plan.period().end()) ? plan.period().end() : end;
            LocalDate due = workingDay.apply(plan.reporting().dueOn(clippedEnd));
            int year = start.getYear();
            periods.add(switch (months) {
                case 3 -> new ReportingPeriod(year + "-Q" + quarter(start), Kind.QUARTER,
                        "quý " + QUARTERS[quarter(start) - 1] + "/" + year, clippedStart, clippedEnd, due, null);
                case 6 -> new ReportingPeriod(year + "-H" + half(start), Kind.HALF,
                        (half(start) == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year, clippedStart, clippedEnd, due, null);
                case 12 -> new ReportingPeriod(String.valueOf(year), Kind.YEAR, "năm " + year, clippedStart, clippedEnd, due, null);
                default -> new ReportingPeriod(String.format("%d-%02d", year, start.getMonthValue()), Kind.MONTH,
                        String.format("tháng %02d/%d", start.getMonthValue(), year), clippedStart, clippedEnd, due, null);
            });
        }
        plan.windows().stream().filter(w -> w.kind() == WindowKind.PEAK).forEach(w -> periods.add(new ReportingPeriod(
                w.code(), Kind.PEAK, "đợt cao điểm " + Texts.DATE.format(w.start()) + " – " + Texts.DATE.format(w.end()),
                w.start(), w.end(), workingDay.apply(plan.reporting().dueOn(w.end())), w.code())));
        periods.sort(Comparator.comparing(ReportingPeriod::end).thenComparing(ReportingPeriod::kind));
        return periods;
    }

    /** The unit's final report: the whole plan, due some days after its end. */
    public static ReportingPeriod finalReport(PlanDefinition plan) {
        return finalReport(plan, java.util.function.UnaryOperator.identity());
    }

    public static ReportingPeriod finalReport(PlanDefinition plan, java.util.function.UnaryOperator<LocalDate> workingDay) {
        return new ReportingPeriod(FINAL_CODE, Kind.FINAL, "báo cáo kết quả thực hiện kế hoạch (" + plan.period().label() + ")",
                plan.period().start(), plan.period().end(),
                workingDay.apply(plan.period().end().plusDays(plan.reporting().finalReportDueDaysAfterEnd())), null);
    }

    public static Optional<ReportingPeriod> find(PlanDefinition plan, String code) {
        return find(plan, code, java.util.function.UnaryOperator.identity());
    }

    public static Optional<ReportingPeriod> find(PlanDefinition plan, String code, java.util.function.UnaryOperator<LocalDate> workingDay) {
        if (FINAL_CODE.equals(code)) {
            return Optional.of(finalReport(plan, workingDay));
        }
        return of(plan, workingDay).stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public LocalDate reminderOn(PlanDefinition plan) {
        return dueOn.minusDays(plan.reporting().reminderDaysBeforeDue());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    static int quarter(LocalDate day) {
        return (day.getMonthValue() - 1) / 3 + 1;
    }

    static int half(LocalDate day) {
        return day.getMonthValue() <= 6 ? 1 : 2;
    }
}
