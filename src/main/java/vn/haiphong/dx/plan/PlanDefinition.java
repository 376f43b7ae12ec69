package vn.haiphong.dx.plan;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A plan (Kế hoạch) as its data file states it. Immutable; see {@code plans/SCHEMA.md}.
 * Nothing of a concrete plan is written in Java: this is only the shape, and the rules every plan shares
 * (which metrics a unit reports, which bound a target has in a period, when a report is due).
 */
public record PlanDefinition(
        String code,
        Agency agency,
        String title,
        String documentSymbol,
        String reportSymbol,
        String theme,
        List<String> slogans,
        List<String> legalBasis,
        List<String> purposes,
        Period period,
        List<Window> windows,
        String focalUnit,
        Leadership leadership,
        List<Unit> units,
        List<Partner> partners,
        List<Metric> metrics,
        List<Task> tasks,
        List<Target> targets,
        Reporting reporting,
        Escalation escalation,
        List<Recipient> recipients,
        List<String> distribution) {

    /** The token that stands for every unit of the plan in lead, coordinating and appliesTo lists. */
    public static final String ALL_UNITS = "ALL";

    /** Metrics computed by the system rather than reported by units. */
    public static final String ACTIVITIES_TOTAL = "activitiesTotal";
    public static final String UNITS_ACKNOWLEDGED_PERCENT = "unitsAcknowledgedPercent";
    public static final Set<String> DERIVED_METRICS = Set.of(ACTIVITIES_TOTAL, UNITS_ACKNOWLEDGED_PERCENT);

    public PlanDefinition {
        escalation = escalation == null ? Escalation.DEFAULT : escalation;
    }

    public record Agency(String code, String name, String superiorName, String place) {}

    public record Period(LocalDate start, LocalDate end, String label) {}

    public record Window(String code, String name, WindowKind kind, LocalDate start, LocalDate end, String location) {}

    public enum WindowKind { PEAK, EVENT }

    public record Leadership(String name, String signerAuthority, String signerTitle, String signerName) {}

    /** @param metrics metric codes the unit reports besides those of its targets */
    public record Unit(String code, String name, List<String> duties, List<String> metrics) {}

    public record Partner(String code, String name) {}

    /** @param max the largest figure a report may give (default {@link #DEFAULT_MAX}; a percentage at most 100) */
    public record Metric(String code, String label, String unit, MetricKind kind, Integer max) {
        public static final int DEFAULT_MAX = 1_000_000;

        public int upperBound() {
            return kind == MetricKind.PERCENT ? Math.min(100, max == null ? 100 : max) : max == null ? DEFAULT_MAX : max;
        }
    }

    public enum MetricKind { ACTIVITY, RESULT, PERCENT }

    public record Task(String code, String title, String description, List<String> lead, List<String> coordinating,
                       LocalDate start, LocalDate end, String window, List<String> targets) {}

    /**
     * @param description the Office's note on the target: how the plan's words were turned into a number; for the
     *                    people who keep the plan, never printed in a report
     * @param schedule    bounds that change over the plan: each step applies from its date on, instead of
     *                    {@code min}/{@code max}, to the periods that end on or after that date
     * @param label       how the target reads in reports and on pages (optional: else what its metrics measure)
     */
    public record Target(String code, String description, List<String> metrics, Integer min, Integer max,
                         TargetPer per, String window, TargetScope scope, List<String> appliesTo, List<Step> schedule,
                         String label) {

        /** The bound the target has for a period that ends on that day. */
        public Bounds bounds(LocalDate periodEnd) {
            Bounds bounds = new Bounds(min, max);
            for (Step step : schedule) {
                if (!step.from().isAfter(periodEnd)) {
                    bounds = new Bounds(step.min(), step.max());
                }
            }
            return bounds;
        }

        public boolean appliesTo(String unitCode) {
            return appliesTo.isEmpty() || appliesTo.contains(ALL_UNITS) || appliesTo.contains(unitCode);
        }
    }

    public record Step(LocalDate from, Integer min, Integer max) {}

    public record Bounds(Integer min, Integer max) {
        public boolean met(int actual) {
            return (min == null || actual >= min) && (max == null || actual <= max);
        }
    }

    public enum TargetPer { MONTH, QUARTER, HALF_YEAR, YEAR, WINDOW, PLAN }

    public enum TargetScope { UNIT, AGENCY }

    /**
     * When units report. The due date of a period is either some days after it ends or a fixed day of the month
     * after it ends ({@code dueDayOfFollowingMonth}, e.g. 19 for "trước ngày 20 hằng tháng").
     *
     * @param consolidationDueDays   days the Office has, after the units' due date, to submit the consolidated report
     * @param acknowledgementDueDays days a unit has, after issuance, to acknowledge the plan
     */
    public record Reporting(Cadence cadence, Integer dueDaysAfterPeriodEnd, Integer dueDayOfFollowingMonth,
                            Integer reminderDaysBeforeDue, boolean createPastPeriods, Integer finalReportDueDaysAfterEnd,
                            Integer consolidationDueDays, Integer acknowledgementDueDays) {

        public Reporting {
            reminderDaysBeforeDue = reminderDaysBeforeDue == null ? 2 : reminderDaysBeforeDue;
            finalReportDueDaysAfterEnd = finalReportDueDaysAfterEnd == null ? 10 : finalReportDueDaysAfterEnd;
            consolidationDueDays = consolidationDueDays == null ? 5 : consolidationDueDays;
            acknowledgementDueDays = acknowledgementDueDays == null ? 5 : acknowledgementDueDays;
        }

        /** The last day to report on a period that ends on that day. */
        public LocalDate dueOn(LocalDate periodEnd) {
            if (dueDayOfFollowingMonth != null) {
                YearMonth next = YearMonth.from(periodEnd).plusMonths(1);
                return next.atDay(Math.min(dueDayOfFollowingMonth, next.lengthOfMonth()));
            }
            return periodEnd.plusDays(dueDaysAfterPeriodEnd);
        }
    }

    public enum Cadence { MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY }

    public record Escalation(int officeAnswerWorkingDays, int unitInformationWorkingDays,
                             int leadershipDecisionWorkingDays, int cityDirectionFollowUpDays,
                             int unitConfirmationWorkingDays) {
        /** What a plan that says nothing about escalation gets. */
        public static final Escalation DEFAULT = new Escalation(3, 3, 5, 15, 3);
    }

    /**
     * Where consolidated reports go: the name printed in "Nơi nhận" and, when given, the mailbox they are sent to.
     * A recipient without a mailbox receives the report on paper (recorded, not mailed).
     */
    public record Recipient(String name, String purpose, String email) {}

    public Optional<Unit> unit(String unitCode) {
        return units.stream().filter(u -> u.code().equals(unitCode)).findFirst();
    }

    public Unit focal() {
        return unit(focalUnit).orElseThrow();
    }

    public Optional<Metric> metric(String metricCode) {
        return metrics.stream().filter(m -> m.code().equals(metricCode)).findFirst();
    }

    /** Role of a unit in a task: lead (chủ trì), coordinating (phối hợp), or none. */
    public enum Role { LEAD, COORDINATING }

    public Optional<Role> roleOf(String unitCode, Task task) {
        if (names(task.lead(), unitCode)) {
            return Optional.of(Role.LEAD);
        }
        if (names(task.coordinating(), unitCode)) {
            return Optional.of(Role.COORDINATING);
        }
        return Optional.empty();
    }

    private static boolean names(List<String> codes, String unitCode) {
        return codes.contains(ALL_UNITS) || codes.contains(unitCode);
    }

    /**
     * The metrics a unit's periodic report asks for, in the plan's order: the metrics of every target that measures
     * the unit (its own targets and the agency-wide ones it contributes to; "activities" means every activity metric)
     * and those the plan lists for the unit.
     */
    public List<Metric> metricsOf(String unitCode) {
        Set<String> asked = new LinkedHashSet<>();
        for (Target target : targets) {
            if (target.appliesTo(unitCode)) {
                target.metrics().forEach(code -> asked.addAll(expand(code)));
            }
        }
        unit(unitCode).ifPresent(u -> asked.addAll(u.metrics()));
        List<Metric> result = new ArrayList<>();
        for (Metric metric : metrics) {
            if (asked.contains(metric.code())) {
                result.add(metric);
            }
        }
        return result;
    }

    /**
     * How a target reads for people: its own label, else the labels of what it measures ("Tin, bài trên fanpage +
     * Tin, bài trên Cổng thông tin điện tử"). Never the target's description, which is the Office's working note.
     */
    public String targetLabel(Target target) {
        if (target.label() != null && !target.label().isBlank()) {
            return target.label();
        }
        return String.join(" + ", target.metrics().stream().map(this::metricLabel).toList());
    }

    private String metricLabel(String metricCode) {
        if (ACTIVITIES_TOTAL.equals(metricCode)) {
            return "Tổng số hoạt động tuyên truyền, hưởng ứng";
        }
        if (UNITS_ACKNOWLEDGED_PERCENT.equals(metricCode)) {
            return "Tỷ lệ đơn vị đã tiếp nhận kế hoạch (%)";
        }
        return metric(metricCode).map(Metric::label).orElse(metricCode);
    }

    /** The reported metrics a target's metric stands for: itself, or every activity metric for the activity total. */
    public List<String> expand(String metricCode) {
        if (ACTIVITIES_TOTAL.equals(metricCode)) {
            return metrics.stream().filter(m -> m.kind() == MetricKind.ACTIVITY).map(Metric::code).toList();
        }
        return UNITS_ACKNOWLEDGED_PERCENT.equals(metricCode) ? List.of() : List.of(metricCode);
    }

    /** The tasks a unit leads or coordinates, in the plan's order. */
    public List<Task> tasksOf(String unitCode) {
        return tasks.stream().filter(t -> roleOf(unitCode, t).isPresent()).toList();
    }
}
