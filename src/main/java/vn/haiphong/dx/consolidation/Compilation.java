package vn.haiphong.dx.consolidation;

import java.time.LocalDate;
import java.util.List;

import vn.haiphong.dx.reporting.PeriodStatus;

/**
 * What a consolidated report was drafted from: the units' data at the time it was compiled. Stored with
 * the report as JSON, so that the approved document does not change when later data arrives.
 *
 * @param scopeLabel    what the report covers, e.g. "tháng 10/2025", "năm 2025"
 * @param units         one line per unit of the plan (for an ad-hoc report: per unit, its figures to date)
 * @param metrics       per metric, the units' figures (in the order of {@code units}) and the agency's total
 * @param agencyTargets the agency-wide targets measured in the period
 * @param planTargets   the final report's view of every target of the plan
 * @param difficulties  the difficulties raised in the period (for the final report: in the whole plan)
 * @param unitProposals the units' proposals, one line per unit
 * @param inputs        an ad-hoc report's inputs from the units asked
 * @param acknowledged  units that folded the plan into their work (acknowledged it)
 * @param tasks         the final report's outcome of every plan task, by the units that lead or coordinate it
 * @param evidence      the files units attached as evidence to the reports the report covers
 */
record Compilation(String scopeLabel, LocalDate from, LocalDate to, List<UnitLine> units, List<MetricLine> metrics,
                   List<TargetLine> agencyTargets, List<TargetLine> planTargets, List<DifficultyLine> difficulties,
                   List<String> unitProposals, List<InputLine> inputs, int acknowledged, int unitCount,
                   List<TaskOutcome> tasks, List<EvidenceLine> evidence) {

    /** Reports compiled before tasks and evidence were kept have neither (their stored JSON lacks both). */
    Compilation {
        tasks = tasks == null ? List.of() : tasks;
        evidence = evidence == null ? List.of() : evidence;
    }

    /** @param outcome per unit: "Phòng … (chủ trì): Hoàn thành – note", or that it gave no status */
    record TaskOutcome(String code, String title, List<String> outcome) {}

    record EvidenceLine(String unitName, String periodLabel, String fileName, String size, String link) {}

    /**
     * @param state          the unit's report on the period (or its final report); null for an ad-hoc report
     * @param targetsNotMet  descriptions of the unit's targets not met
     */
    record UnitLine(String code, String name, PeriodStatus.State state, int targetsMet, int targetsEvaluated,
                    List<String> targetsNotMet, String narrative) {

        /** Not reported, or returned for correction and not corrected yet: its figures are not counted. */
        boolean missing() {
            return state == PeriodStatus.State.MISSING || state == PeriodStatus.State.RETURNED;
        }

        boolean late() {
            return state == PeriodStatus.State.LATE;
        }

        boolean onTime() {
            return state == PeriodStatus.State.ON_TIME;
        }
    }

    record MetricLine(String code, String label, String unit, List<Integer> values, int total) {}

    /** A target as the report states it: what was required, what was achieved, met or not. */
    record TargetLine(String description, String required, String achieved, boolean met) {}

    record DifficultyLine(String unitName, String description, String status, String answer, boolean resolved) {}

    record InputLine(String unitName, String dueOn, boolean received, String content, String figures) {

        String state() {
            return received ? "Đã gửi" : "Chưa gửi";
        }
    }

    long count(java.util.function.Predicate<UnitLine> which) {
        return units.stream().filter(which).count();
    }

    int targetsMet() {
        return units.stream().mapToInt(UnitLine::targetsMet).sum();
    }

    int targetsEvaluated() {
        return units.stream().mapToInt(UnitLine::targetsEvaluated).sum();
    }
}
