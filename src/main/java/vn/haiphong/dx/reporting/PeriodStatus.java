package vn.haiphong.dx.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Where every unit stands in one reporting period: what the Office monitors. */
public record PeriodStatus(String planCode, String periodCode, String periodLabel, LocalDate dueOn, List<UnitReport> units) {

    public enum State {
        ON_TIME("Đúng hạn"), LATE("Nộp muộn"), MISSING("Chưa nộp"), RETURNED("Trả lại để sửa"),
        RELEASED("Không còn tham gia kế hoạch");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** How people read the state, in reports and on the monitoring pages. */
        public String label() {
            return label;
        }
    }

    /**
     * @param reportId the report as it stands (submitted, or returned for correction); null when there is none
     * @param progress the unit's status of each plan task it leads or coordinates, as the report gave it
     * @param note     why the report was returned, or why the unit was released from the plan
     * @param revision how many times the unit submitted the report (a correction is the second)
     */
    public record UnitReport(String unitCode, String unitName, State state, String submittedBy, OffsetDateTime submittedAt,
                             int targetsMet, int targetsEvaluated, List<TargetEvaluator.Result> targets,
                             boolean hasDifficulty, String difficultyDescription, String difficultyProposal, int urgings,
                             String narrative, Long reportId, List<TaskProgress> progress, String note, int revision) {}

    public long count(State state) {
        return units.stream().filter(u -> u.state() == state).count();
    }
}
