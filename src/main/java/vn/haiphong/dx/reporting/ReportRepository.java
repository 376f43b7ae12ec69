package vn.haiphong.dx.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports, their figures and target results, and urgings ({@code dx_report*}, {@code dx_urging}). */
@Repository
class ReportRepository {

    record NewReport(String planCode, String unitCode, ReportingPeriod period, int planVersion, String narrative, String evidenceLinks,
                     String selfAssessment, boolean hasDifficulty, String difficultyDescription,
                     String difficultyProposal, String submittedBy, OffsetDateTime submittedAt, boolean late) {}

    /** A stored report as the Office reads it. */
    record ReportRow(long id, String unitCode, String periodCode, String periodLabel, LocalDate dueOn, String narrative,
                     boolean hasDifficulty, String difficultyDescription, String difficultyProposal, String submittedBy,
                     OffsetDateTime submittedAt, boolean late, int targetsMet, int targetsEvaluated) {}

    /** Report ids per query when reading figures by key. */
    private static final int FIGURE_BATCH = 500;

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String planCode, String unitCode, String periodCode) {
        return jdbc.sql("select count(*) from dx_report where plan_code = ? and unit_code = ? and period_code = ?")
                .params(planCode, unitCode, periodCode).query(Integer.class).single() > 0;
    }

    long insert(NewReport r, Map<String, Integer> figures, List<TargetEvaluator.Result> results) {
        ReportingPeriod p = r.period();
        int met = (int) results.stream().filter(TargetEvaluator.Result::met).count();
        jdbc.sql("""
                insert into dx_report (plan_code, unit_code, period_code, period_kind, period_label, period_start, period_end,
                                       due_on, narrative, evidence_links, self_assessment, has_difficulty,
                                       difficulty_description, difficulty_proposal, submitted_by, submitted_at, late,
                                       targets_met, targets_evaluated, plan_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.planCode(), r.unitCode(), p.code(), p.kind().name(), p.label(), p.start(), p.end(), p.dueOn(),
                        r.narrative(), r.evidenceLinks(), r.selfAssessment(), r.hasDifficulty(), r.difficultyDescription(),
                        r.difficultyProposal(), r.submittedBy(), r.submittedAt(), r.late(), met, results.size(), r.planVersion())
                .update();
        long id = jdbc.sql("select id from dx_report where plan_code = ? and unit_code = ? and period_code = ?")
                .params(r.planCode(), r.unitCode(), p.code()).query(Long.class).single();
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
        jdbc.sql("select id, period_code from dx_report where plan_code = ? and unit_code = ? and period_kind <> 'FINAL' order by period_end, id")
                .params(planCode, unitCode)
                .query(rs -> {
                    reports.put(rs.getLong("id"), rs.getString("period_code"));
                });
        Map<Long, Map<String, Integer>> values = new HashMap<>();
        jdbc.sql("""
                select f.report_id, f.metric_code, f.amount from dx_report_figure f
                join dx_report r on r.id = f.report_id
                where r.plan_code = ? and r.unit_code = ?""")
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
        jdbc.sql("select r.id, r.period_code, r.unit_code from dx_report r where " + where)
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
                where r.plan_code = ?
                group by r.unit_code, t.target_code
                order by r.unit_code, t.target_code""")
                .param(planCode)
                .query((rs, n) -> new ReportingService.TargetTally(rs.getString("unit_code"), rs.getString("target_code"),
                        rs.getInt("evaluated"), rs.getInt("met")))
                .list();
    }

    List<ReportRow> reports(String planCode, String periodCode) {
        return jdbc.sql("select * from dx_report where plan_code = ? and period_code = ? order by unit_code")
                .params(planCode, periodCode)
                .query((rs, n) -> new ReportRow(rs.getLong("id"), rs.getString("unit_code"), rs.getString("period_code"),
                        rs.getString("period_label"), rs.getObject("due_on", LocalDate.class), rs.getString("narrative"),
                        rs.getBoolean("has_difficulty"), rs.getString("difficulty_description"),
                        rs.getString("difficulty_proposal"), rs.getString("submitted_by"),
                        rs.getObject("submitted_at", OffsetDateTime.class), rs.getBoolean("late"),
                        rs.getInt("targets_met"), rs.getInt("targets_evaluated")))
                .list();
    }

    List<TargetEvaluator.Result> targetResults(long reportId) {
        return jdbc.sql("select * from dx_report_target where report_id = ? order by target_code").param(reportId)
                .query((rs, n) -> new TargetEvaluator.Result(rs.getString("target_code"), rs.getString("description"),
                        rs.getInt("actual"), (Integer) rs.getObject("min_value"), (Integer) rs.getObject("max_value"),
                        rs.getBoolean("met")))
                .list();
    }

    void insertUrging(String planCode, String unitCode, String periodCode, String message, LocalDate extendedTo, String actor) {
        jdbc.sql("""
                insert into dx_urging (plan_code, unit_code, period_code, message, extended_to, urged_by, urged_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(planCode, unitCode, periodCode, message, extendedTo, actor, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    int urgings(String planCode, String unitCode, String periodCode) {
        return jdbc.sql("select count(*) from dx_urging where plan_code = ? and unit_code = ? and period_code = ?")
                .params(planCode, unitCode, periodCode).query(Integer.class).single();
    }

    /**
     * Locks the plan's row until the transaction ends, so that reports of one plan are counted one after
     * another: the last unit to report is the one that sees the period complete.
     */
    void lockPlan(String planCode) {
        jdbc.sql("update dx_plan set updated_at = updated_at where code = ?").param(planCode).update();
    }

    List<String> reportedPeriods(String planCode, String unitCode) {
        return jdbc.sql("select period_code from dx_report where plan_code = ? and unit_code = ?").params(planCode, unitCode)
                .query(String.class).list();
    }

    /** Read here so that reporting need not know the consolidation's classes: which periods were consolidated. */
    List<String> consolidatedPeriods(String planCode) {
        return jdbc.sql("select period_code from dx_consolidated_report where plan_code = ? and kind = 'PERIODIC'").param(planCode)
                .query(String.class).list();
    }

    int reportCount(String planCode, String periodCode) {
        return jdbc.sql("select count(*) from dx_report where plan_code = ? and period_code = ?")
                .params(planCode, periodCode).query(Integer.class).single();
    }

    /** Counts one more unit whose part is done; the row lock serialises units as for acknowledgements. */
    void countFinal(String planCode) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("update dx_plan set final_count = final_count + 1, updated_at = ? where code = ?").params(now, planCode).update();
        jdbc.sql("update dx_plan set all_final_at = ? where code = ? and final_count = unit_count and all_final_at is null")
                .params(now, planCode).update();
    }
}
