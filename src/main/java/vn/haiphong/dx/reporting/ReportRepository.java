package vn.haiphong.dx.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reports, their figures and target results, and urgings ({@code dx_report*}, {@code dx_urging}). Every submission
 * is kept: the one that counts for a unit and period is the one in state {@code SUBMITTED}; a report the Office
 * returned for correction is {@code RETURNED} until its correction {@code REPLACED} it.
 */
@Repository
class ReportRepository {

    record NewReport(String planCode, String unitCode, ReportingPeriod period, int planVersion, String narrative, String evidenceLinks,
                     String selfAssessment, boolean hasDifficulty, String difficultyDescription,
                     String difficultyProposal, String submittedBy, OffsetDateTime submittedAt, boolean late) {}

    /** A stored report as the Office reads it. */
    record ReportRow(long id, String unitCode, String periodCode, String periodLabel, LocalDate dueOn, String narrative,
                     boolean hasDifficulty, String difficultyDescription, String difficultyProposal, String submittedBy,
                     OffsetDateTime submittedAt, boolean late, int targetsMet, int targetsEvaluated, String state,
                     int revision, String returnedReason, String evidenceLinks, String planCode, int planVersion) {}

    static final String SUBMITTED = "SUBMITTED";
    static final String RETURNED = "RETURNED";

    /** Report ids per query when reading figures by key. */
    private static final int FIGURE_BATCH = 500;

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the unit's report of the period stands (submitted and not returned). */
    boolean exists(String planCode, String unitCode, String periodCode) {
        return jdbc.sql("select count(*) from dx_report where plan_code = ? and unit_code = ? and period_code = ? and state = 'SUBMITTED'")
                .params(planCode, unitCode, periodCode).query(Integer.class).single() > 0;
    }

    /** The unit's report of the period that waits for its correction, if any. */
    Optional<ReportRow> returned(String planCode, String unitCode, String periodCode) {
        return jdbc.sql("select * from dx_report where plan_code = ? and unit_code = ? and period_code = ? and state = 'RETURNED'")
                .params(planCode, unitCode, periodCode).query(ReportRepository::row).optional();
    }

    /** The unit's report of the period as it stands, if any. */
    Optional<ReportRow> current(String planCode, String unitCode, String periodCode) {
        return jdbc.sql("select * from dx_report where plan_code = ? and unit_code = ? and period_code = ? and state = 'SUBMITTED'")
                .params(planCode, unitCode, periodCode).query(ReportRepository::row).optional();
    }

    Optional<ReportRow> report(long id) {
        return jdbc.sql("select * from dx_report where id = ?").param(id).query(ReportRepository::row).optional();
    }

    /** Every submission of the unit for the period, the first first: the history a correction keeps. */
    List<ReportRow> revisions(String planCode, String unitCode, String periodCode) {
        return jdbc.sql("select * from dx_report where plan_code = ? and unit_code = ? and period_code = ? order by revision_no")
                .params(planCode, unitCode, periodCode).query(ReportRepository::row).list();
    }

    /** Marks a standing report returned; false when it no longer stands (returned or replaced meanwhile). */
    boolean markReturned(long id, String reason, String actor) {
        return jdbc.sql("""
                update dx_report set state = 'RETURNED', returned_reason = ?, returned_by = ?, returned_at = ?
                where id = ? and state = 'SUBMITTED'""")
                .params(reason, actor, OffsetDateTime.now(ZoneOffset.UTC), id).update() == 1;
    }

    /** The figures a report gave, by metric code. */
    Map<String, Integer> reportFigures(long reportId) {
        Map<String, Integer> figures = new LinkedHashMap<>();
        jdbc.sql("select metric_code, amount from dx_report_figure where report_id = ?").param(reportId)
                .query(rs -> {
                    figures.put(rs.getString("metric_code"), rs.getInt("amount"));
                });
        return figures;
    }

    long insert(NewReport r, Map<String, Integer> figures, List<TargetEvaluator.Result> results) {
        ReportingPeriod p = r.period();
        int met = (int) results.stream().filter(TargetEvaluator.Result::met).count();
        int revision = jdbc.sql("select coalesce(max(revision_no), 0) + 1 from dx_report where plan_code = ? and unit_code = ? and period_code = ?")
                .params(r.planCode(), r.unitCode(), p.code()).query(Integer.class).single();
        // A correction replaces the returned report; the unique key refuses a second report made at the same time.
        jdbc.sql("update dx_report set state = 'REPLACED' where plan_code = ? and unit_code = ? and period_code = ? and state = 'RETURNED'")
                .params(r.planCode(), r.unitCode(), p.code()).update();
        jdbc.sql("""
                insert into dx_report (plan_code, unit_code, period_code, period_kind, period_label, period_start, period_end,
                                       due_on, narrative, evidence_links, self_assessment, has_difficulty,
                                       difficulty_description, difficulty_proposal, submitted_by, submitted_at, late,
                                       targets_met, targets_evaluated, plan_version, revision_no, state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')""")
                .params(r.planCode(), r.unitCode(), p.code(), p.kind().name(), p.label(), p.start(), p.end(), p.dueOn(),
                        r.narrative(), r.evidenceLinks(), r.selfAssessment(), r.hasDifficulty(), r.difficultyDescription(),
                        r.difficultyProposal(), r.submittedBy(), r.submittedAt(), r.late(), met, results.size(), r.planVersion(), revision)
                .update();
        long id = jdbc.sql("select id from dx_report where plan_code = ? and unit_code = ? and period_code = ? and revision_no = ?")
                .params(r.planCode(), r.unitCode(), p.code(), revision).query(Long.class).single();
        figures.forEach((metric, value) -> jdbc.sql("insert into dx_report_figure (report_id, metric_code, amount) values (?, ?, ?)")
                .params(id, metric, value).update());
        for (TargetEvaluator.Result t : results) {
            jdbc.sql("""
                    insert into dx_report_target (report_id, target_code, description, actual, min_value, max_value, met)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, t.targetCode(), t.description(), t.actual(), t.min(), t.max(), t.met())
                    .update();
        }
        return id;
    }

    /** The unit's reports in this plan, oldest period first, with their figures. */
    List<TargetEvaluator.Figures> figures(String planCode, String unitCode, java.util.function.Function<String, ReportingPeriod> periods) {
        Map<Long, String> reports = new LinkedHashMap<>();
        jdbc.sql("select id, period_code from dx_report where plan_code = ? and unit_code = ? and period_kind <> 'FINAL' and state = 'SUBMITTED' order by period_end, id")
                .params(planCode, unitCode)
                .query(rs -> {
                    reports.put(rs.getLong("id"), rs.getString("period_code"));
                });
        Map<Long, Map<String, Integer>> values = new HashMap<>();
        jdbc.sql("""
                select f.report_id, f.metric_code, f.amount from dx_report_figure f
                join dx_report r on r.id = f.report_id
                where r.plan_code = ? and r.unit_code = ? and r.state = 'SUBMITTED'""")
                .params(planCode, unitCode)
                .query(rs -> {
                    values.computeIfAbsent(rs.getLong("report_id"), k -> new HashMap<>())
                            .put(rs.getString("metric_code"), rs.getInt("amount"));
                });
        List<TargetEvaluator.Figures> result = new ArrayList<>();
        reports.forEach((id, period) -> result.add(new TargetEvaluator.Figures(periods.apply(period),
                values.getOrDefault(id, Map.of()))));
        return result;
    }

    /** Every figure of the plan's periodic reports: period code → unit code → metric → amount. */
    Map<String, Map<String, Map<String, Integer>>> planFigures(String planCode) {
        return figures("r.plan_code = ? and r.period_kind <> 'FINAL'", planCode);
    }

    /** The figures of one period: unit code → metric → amount. */
    Map<String, Map<String, Integer>> periodFigures(String planCode, String periodCode) {
        return figures("r.plan_code = ? and r.period_code = ?", planCode, periodCode).getOrDefault(periodCode, Map.of());
    }

    /**
     * The reports are read first and their figures then by key: joined in one query, PostgreSQL hashes the whole
     * figure table of every agency (8.7 ms at 30 agencies, growing with each; 2 ms by key, README "Benchmark").
     */
    private Map<String, Map<String, Map<String, Integer>>> figures(String where, Object... params) {
        record Report(String periodCode, String unitCode) {}
        Map<Long, Report> reports = new HashMap<>();
        jdbc.sql("select r.id, r.period_code, r.unit_code from dx_report r where r.state = 'SUBMITTED' and " + where)
                .params(params)
                .query(rs -> {
                    reports.put(rs.getLong("id"), new Report(rs.getString("period_code"), rs.getString("unit_code")));
                });
        Map<String, Map<String, Map<String, Integer>>> all = new HashMap<>();
        List<Long> ids = new ArrayList<>(reports.keySet());
        for (int from = 0; from < ids.size(); from += FIGURE_BATCH) {
            jdbc.sql("select report_id, metric_code, amount from dx_report_figure where report_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + FIGURE_BATCH)))
                    .query(rs -> {
                        Report report = reports.get(rs.getLong("report_id"));
                        all.computeIfAbsent(report.periodCode(), k -> new HashMap<>())
                                .computeIfAbsent(report.unitCode(), k -> new HashMap<>())
                                .put(rs.getString("metric_code"), rs.getInt("amount"));
                    });
        }
        return all;
    }

    /** Per unit and target: in how many reports the target was evaluated and in how many it was met. */
    List<ReportingService.TargetTally> targetTallies(String planCode) {
        return jdbc.sql("""
                select r.unit_code, t.target_code, count(*) as evaluated,
                       sum(case when t.met then 1 else 0 end) as met
                from dx_report_target t join dx_report r on r.id = t.report_id
                where r.plan_code = ? and r.state = 'SUBMITTED'
                group by r.unit_code, t.target_code
                order by r.unit_code, t.target_code""")
                .param(planCode)
                .query((rs, n) -> new ReportingService.TargetTally(rs.getString("unit_code"), rs.getString("target_code"),
                        rs.getInt("evaluated"), rs.getInt("met")))
                .list();
    }

    /** The reports of a period as they stand: submitted, or returned and waiting for their correction. */
    List<ReportRow> reports(String planCode, String periodCode) {
        return jdbc.sql("select * from dx_report where plan_code = ? and period_code = ? and state <> 'REPLACED' order by unit_code")
                .params(planCode, periodCode)
                .query(ReportRepository::row)
                .list();
    }

    private static ReportRow row(ResultSet rs, int n) throws SQLException {
        return new ReportRow(rs.getLong("id"), rs.getString("unit_code"), rs.getString("period_code"),
                rs.getString("period_label"), rs.getObject("due_on", LocalDate.class), rs.getString("narrative"),
                rs.getBoolean("has_difficulty"), rs.getString("difficulty_description"),
                rs.getString("difficulty_proposal"), rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getBoolean("late"),
                rs.getInt("targets_met"), rs.getInt("targets_evaluated"), rs.getString("state"), rs.getInt("revision_no"),
                rs.getString("returned_reason"), rs.getString("evidence_links"), rs.getString("plan_code"), rs.getInt("plan_version"));
    }

    List<TargetEvaluator.Result> targetResults(long reportId) {
        return jdbc.sql("select * from dx_report_target where report_id = ? order by target_code").param(reportId)
                .query((rs, n) -> new TargetEvaluator.Result(rs.getString("target_code"), rs.getString("description"),
                        rs.getInt("actual"), (Integer) rs.getObject("min_value"), (Integer) rs.getObject("max_value"),
                        rs.getBoolean("met")))
                .list();
    }

    void insertProgress(long reportId, List<TaskProgress> progress) {
        for (TaskProgress p : progress) {
            jdbc.sql("insert into dx_task_progress (report_id, task_code, status, note) values (?, ?, ?, ?)")
                    .params(reportId, p.taskCode(), p.status().name(), p.note()).update();
        }
    }

    List<TaskProgress> progress(long reportId) {
        return jdbc.sql("select task_code, status, note from dx_task_progress where report_id = ? order by task_code").param(reportId)
                .query((rs, n) -> new TaskProgress(rs.getString("task_code"), TaskProgress.Status.valueOf(rs.getString("status")),
                        rs.getString("note")))
                .list();
    }

    /** One unit's status of one task in one period, from the report that stands. */
    record ProgressRow(String taskCode, String unitCode, String periodCode, String periodLabel, LocalDate periodEnd,
                       TaskProgress.Status status, String note, OffsetDateTime submittedAt) {}

    /** Every unit's status of every task over the plan's periods, oldest period first. */
    List<ProgressRow> planProgress(String planCode) {
        return jdbc.sql("""
                select p.task_code, r.unit_code, r.period_code, r.period_label, r.period_end, p.status, p.note, r.submitted_at
                from dx_task_progress p join dx_report r on r.id = p.report_id
                where r.plan_code = ? and r.state = 'SUBMITTED'
                order by p.task_code, r.period_end, r.unit_code""")
                .param(planCode)
                .query((rs, n) -> new ProgressRow(rs.getString("task_code"), rs.getString("unit_code"), rs.getString("period_code"),
                        rs.getString("period_label"), rs.getObject("period_end", LocalDate.class),
                        TaskProgress.Status.valueOf(rs.getString("status")), rs.getString("note"),
                        rs.getObject("submitted_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Locks the plan's row until the transaction ends, so that reports of one plan are counted one after
     * another: the last unit to report is the one that sees the period complete.
     */
    void lockPlan(String planCode) {
        jdbc.sql("update dx_plan set updated_at = updated_at where code = ?").param(planCode).update();
    }

    List<String> reportedPeriods(String planCode, String unitCode) {
        return jdbc.sql("select period_code from dx_report where plan_code = ? and unit_code = ? and state = 'SUBMITTED'").params(planCode, unitCode)
                .query(String.class).list();
    }

    /** Read here so that reporting need not know the consolidation's classes: which periods were consolidated. */
    List<String> consolidatedPeriods(String planCode) {
        return jdbc.sql("select period_code from dx_consolidated_report where plan_code = ? and kind = 'PERIODIC'").param(planCode)
                .query(String.class).list();
    }

    /** How many units' reports of the period stand. */
    int reportCount(String planCode, String periodCode) {
        return jdbc.sql("select count(*) from dx_report where plan_code = ? and period_code = ? and state = 'SUBMITTED'")
                .params(planCode, periodCode).query(Integer.class).single();
    }

    /**
     * Counts one more unit whose part is done; the row lock serialises units as for acknowledgements. Every unit still
     * in the plan (not released) having given its final report stamps the moment.
     */
    void countFinal(String planCode) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("update dx_plan set final_count = final_count + 1, updated_at = ? where code = ?").params(now, planCode).update();
        jdbc.sql("""
                update dx_plan set all_final_at = ?
                where code = ? and all_final_at is null and not exists (
                    select 1 from dx_plan_unit u where u.plan_code = dx_plan.code and u.released_at is null
                    and not exists (select 1 from dx_report r where r.plan_code = u.plan_code and r.unit_code = u.unit_code
                                    and r.period_kind = 'FINAL'))""")
                .params(now, planCode).update();
    }
}
