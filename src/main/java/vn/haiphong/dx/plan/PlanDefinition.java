package vn.haiphong.dx.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A plan (Kế hoạch) as its data file states it. Immutable; see {@code plans/SCHEMA.md}.
 * Nothing of a concrete plan is written in Java: this is only the shape.
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

    public record Agency(String code, String name, String superiorName, String place) {}

    public record Period(LocalDate start, LocalDate end, String label) {}

    public record Window(String code, String name, WindowKind kind, LocalDate start, LocalDate end, String location) {}

    public enum WindowKind { PEAK, EVENT }

    public record Leadership(String name, String signerAuthority, String signerTitle, String signerName) {}

    public record Unit(String code, String name, List<String> duties) {}

    public record Partner(String code, String name) {}

    public record Metric(String code, String label, String unit, MetricKind kind) {}

    public enum MetricKind { ACTIVITY, RESULT, PERCENT }

    public record Task(String code, String title, String description, List<String> lead, List<String> coordinating,
                       LocalDate start, LocalDate end, String window, List<String> targets) {}

    public record Target(String code, String description, List<String> metrics, Integer min, Integer max,
                         TargetPer per, String window, TargetScope scope, List<String> appliesTo) {}

    public enum TargetPer { MONTH, QUARTER, YEAR, WINDOW, PLAN }

    public enum TargetScope { UNIT, AGENCY }

    /**
     * @param consolidationDueDays days the Office has, after the units' due date, to submit the
     *                             consolidated report of a period (and of the whole plan)
     */
    public record Reporting(Cadence cadence, int dueDaysAfterPeriodEnd, int reminderDaysBeforeDue,
                            boolean createPastPeriods, int finalReportDueDaysAfterEnd, int consolidationDueDays) {}

    public enum Cadence { MONTHLY, QUARTERLY }

    public record Escalation(int officeAnswerWorkingDays, int unitInformationWorkingDays,
                             int leadershipDecisionWorkingDays, int cityDirectionFollowUpDays,
                             int unitConfirmationWorkingDays) {}

    /** Where consolidated reports are dispatched: the name printed in "Nơi nhận" and the receiving mailbox. */
    public record Recipient(String name, String purpose, String email) {}

    public Optional<Unit> unit(String unitCode) {
        return units.stream().filter(u -> u.code().equals(unitCode)).findFirst();
    }

    public Unit focal() {
        return unit(focalUnit).orElseThrow();
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
}
