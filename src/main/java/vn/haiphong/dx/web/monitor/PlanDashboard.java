package vn.haiphong.dx.web.monitor;

import java.util.List;

/**
 * The Office's and leadership's page of one plan ({@code monitor/dashboard.html}) and, sheet by sheet, its Excel
 * export: the same records feed both.
 *
 * @param overdue      what is past its due date, the longest overdue first
 * @param acknowledgedRatio units that acknowledged the plan out of all, "9/10"
 * @param reportChart  the matrix counted per period, as JSON for {@code js/charts.js}
 * @param targetChart  each unit's share of target evaluations met, as JSON for {@code js/charts.js}
 */
record PlanDashboard(PlanHeader plan, Filter filter, List<OverdueLine> overdue, Matrix matrix,
                     List<UnitTargetLine> unitTargets, List<AgencyTargetLine> agencyTargets, DifficultyBoard difficulties,
                     List<TaskLine> tasks, List<AcknowledgementLine> acknowledgements, String acknowledgedRatio, String acknowledged,
                     List<ConsolidatedLine> consolidated, String reportChart, String targetChart) {

    /** The filters as chosen (codes; null: all), their options, and the export with the same filters. */
    record Filter(String unit, String period, String status, List<Option> units, List<Option> periods,
                  List<Option> statuses, String exportHref, String description) {

        public boolean active() {
            return unit != null || period != null || status != null;
        }
    }

    record Option(String value, String label, boolean selected) {}

    /** @param due when it fell due; @param href where to act on it or read about it */
    record OverdueLine(String what, String holder, String due, String href) {}

    record Matrix(List<Column> columns, List<Row> rows, List<Legend> legend) {}

    record Column(String code, String label, String title, String due, String href) {}

    record Row(String unitCode, String unitName, boolean focal, String href, List<Cell> cells) {}

    record Cell(String periodCode, String state, String label, String css, String title, String href) {}

    record Legend(String label, String meaning, String css) {}

    /** A unit's target over the periods shown: how often it was evaluated and met, and the latest result. */
    record UnitTargetLine(String unitCode, String unitName, String target, String required, int evaluated, int met,
                          String latest, String verdict, String css, int percent) {}

    /** An agency-wide target in one period (or over the whole plan so far). */
    record AgencyTargetLine(String target, String period, String required, int actual, int percent, String verdict,
                            String css) {}

    record DifficultyBoard(List<StageLine> stages, List<DifficultyLine> open, int total, int openCount, int overdue,
                           String href) {}

    record StageLine(String stage, int urgent, int normal, int overdue, int total) {}

    record DifficultyLine(long id, String unitName, String description, String urgency, boolean urgent, String stage,
                          String due, boolean overdue, String reported) {}

    /** A plan task with the units that lead or coordinate it and what each last reported of its progress. */
    record TaskLine(String code, String title, String lead, String coordinating, String when, String summary,
                    List<TaskUnit> units) {}

    record TaskUnit(String unitName, String role, String status, String css, String period, String note) {}

    record AcknowledgementLine(String unitName, boolean focal, boolean acknowledged, String state, String person,
                               String contact, String by, String at, String href) {}

    record ConsolidatedLine(String subject, String status, String number, String sent, String pdf, String docx) {}
}
