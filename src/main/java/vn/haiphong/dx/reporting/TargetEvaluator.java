package vn.haiphong.dx.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanDefinition.Metric;
import vn.haiphong.dx.plan.PlanDefinition.MetricKind;
import vn.haiphong.dx.plan.PlanDefinition.Target;
import vn.haiphong.dx.plan.PlanDefinition.TargetScope;
import vn.haiphong.dx.plan.PlanDefinition.Window;
import vn.haiphong.dx.plan.PlanDefinition.WindowKind;
import vn.haiphong.dx.reporting.ReportingPeriod.Kind;

/**
 * Compares a unit's report with the plan's targets for that period, or the agency's added-up figures with
 * the agency-wide targets (for consolidated reports). Which report measures a target:
 * <ul>
 * <li>per MONTH: every monthly report;</li>
 * <li>per QUARTER: a quarterly report, or the report of a quarter's last month (or the plan's last), over that
 * quarter's months;</li>
 * <li>per HALF_YEAR: a half-yearly report, or the report that closes a half-year (its last month or quarter, or the
 * plan's last), over that half-year's reports;</li>
 * <li>per WINDOW: a peak window's own report; an event window in the report of the month it ends in;</li>
 * <li>per YEAR or PLAN: the final report, over every periodic report (peaks aside).</li>
 * </ul>
 * A target's bound is the one in force on the last day of the period it is measured over (a plan may change it over
 * the year).
 * Counts add up; a percentage is its latest reported value. Peak reports are not added to the months
 * (their days are already in the monthly reports).
 */
public final class TargetEvaluator {

    /** Sum of every ACTIVITY metric: "at least 1–2 activities a month". */
    public static final String ACTIVITIES_TOTAL = PlanDefinition.ACTIVITIES_TOTAL;

    public record Figures(ReportingPeriod period, Map<String, Integer> values) {}

    public record Result(String targetCode, String description, int actual, Integer min, Integer max, boolean met) {}

    private TargetEvaluator() {
    }

    /**
     * @param current  the report being submitted (for the final report: its period with no values)
     * @param earlier  the unit's earlier reports in this plan
     */
    public static List<Result> evaluate(PlanDefinition plan, String unitCode, Figures current, List<Figures> earlier) {
        return evaluate(plan, target -> target.scope() == TargetScope.UNIT && appliesTo(target, unitCode), current, earlier);
    }

    /**
     * The agency-wide targets, measured the same way over the agency's figures: every unit's figures of a
     * period added up.
     */
    public static List<Result> evaluateAgency(PlanDefinition plan, Figures current, List<Figures> earlier) {
        return evaluate(plan, target -> target.scope() == TargetScope.AGENCY, current, earlier);
    }

    private static List<Result> evaluate(PlanDefinition plan, java.util.function.Predicate<Target> evaluated, Figures current,
                                         List<Figures> earlier) {
        List<Result> results = new ArrayList<>();
        for (Target target : plan.targets()) {
            if (!evaluated.test(target)) {
                continue;
            }
            List<Figures> measured = measured(plan, target, current, earlier);
            if (measured == null) {
                continue;
            }
            int actual = 0;
            for (String metric : target.metrics()) {
                actual += aggregate(plan, metric, measured);
            }
            PlanDefinition.Bounds bounds = target.bounds(current.period().end());
            results.add(new Result(target.code(), plan.targetLabel(target), actual, bounds.min(), bounds.max(), bounds.met(actual)));
        }
        return results;
    }

    /** The reports a target is measured over in this report, or null if this report does not measure it. */
    private static List<Figures> measured(PlanDefinition plan, Target target, Figures current, List<Figures> earlier) {
        ReportingPeriod period = current.period();
        switch (target.per()) {
            case MONTH:
                return period.kind() == Kind.MONTH ? List.of(current) : null;
            case QUARTER:
                return closing(plan, period, Kind.QUARTER, 3, current, earlier);
            case HALF_YEAR:
                return closing(plan, period, Kind.HALF, 6, current, earlier);
            case WINDOW: {
                Window window = plan.windows().stream().filter(w -> w.code().equals(target.window())).findFirst().orElseThrow();
                if (window.kind() == WindowKind.PEAK) {
                    return window.code().equals(period.windowCode()) ? List.of(current) : null;
                }
                return period.kind() != Kind.PEAK && period.kind() != Kind.FINAL && period.contains(window.end())
                        ? List.of(current) : null;
            }
            case YEAR:
            case PLAN:
                if (period.kind() != Kind.FINAL) {
                    return null;
                }
                return earlier.stream().filter(f -> f.period().kind() != Kind.PEAK && f.period().kind() != Kind.FINAL).toList();
            default:
                return null;
        }
    }

    /**
     * A target per quarter or half-year: measured by a report of that span, or by the report that closes it (its last
     * month or quarter, or the plan's last) over every report of the span.
     */
    private static List<Figures> closing(PlanDefinition plan, ReportingPeriod period, Kind span, int months, Figures current,
                                         List<Figures> earlier) {
        if (period.kind() == span) {
            return List.of(current);
        }
        boolean shorter = period.kind() == Kind.MONTH || (period.kind() == Kind.QUARTER && span == Kind.HALF);
        boolean closes = shorter && (period.end().getMonthValue() % months == 0 || !period.end().isBefore(plan.period().end()));
        if (!closes) {
            return null;
        }
        int index = (period.end().getMonthValue() - 1) / months;
        List<Figures> reports = new ArrayList<>(earlier.stream()
                .filter(f -> f.period().kind() == period.kind()
                        && f.period().end().getYear() == period.end().getYear()
                        && (f.period().end().getMonthValue() - 1) / months == index)
                .toList());
        reports.add(current);
        return reports;
    }

    private static int aggregate(PlanDefinition plan, String metric, List<Figures> reports) {
        if (ACTIVITIES_TOTAL.equals(metric)) {
            int sum = 0;
            for (Metric m : plan.metrics()) {
                if (m.kind() == MetricKind.ACTIVITY) {
                    sum += aggregate(plan, m.code(), reports);
                }
            }
            return sum;
        }
        boolean percent = plan.metrics().stream().anyMatch(m -> m.code().equals(metric) && m.kind() == MetricKind.PERCENT);
        if (percent) {
            for (int i = reports.size() - 1; i >= 0; i--) {
                Integer value = reports.get(i).values().get(metric);
                if (value != null) {
                    return value;
                }
            }
            return 0;
        }
        return reports.stream().mapToInt(f -> f.values().getOrDefault(metric, 0)).sum();
    }

    private static boolean appliesTo(Target target, String unitCode) {
        return target.appliesTo().isEmpty() || target.appliesTo().contains(PlanDefinition.ALL_UNITS)
                || target.appliesTo().contains(unitCode);
    }
}
