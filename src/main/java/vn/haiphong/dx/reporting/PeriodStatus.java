package vn.haiphong.dx.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Where every unit stands in one reporting period: what the Office monitors. */
public record PeriodStatus(String planCode, String periodCode, String periodLabel, LocalDate dueOn, List<UnitReport> units) {

    public enum State {
        ON_TIME("Đúng hạn"), LATE("Nộp muộn"), MISSING("Chưa nộp");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** How people read the state, in reports and on the monitoring pages. */
        public String label() {
            return label;
        }
    }

    public record UnitReport(String unitCode, String unitName, State state, String submittedBy, OffsetDateTime submittedAt,
                             int targetsMet, int targetsEvaluated, List<TargetEvaluator.Result> targets,
                             boolean hasDifficulty, String difficultyDescription, String difficultyProposal, int urgings,
                             String narrative) {}

    public long count(State state) {
        return units.stream().filter(u -> u.state() == state).count();
    }
}
