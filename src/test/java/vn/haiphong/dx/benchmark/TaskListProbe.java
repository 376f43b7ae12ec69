package vn.haiphong.dx.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;

import vn.haiphong.dx.unit.UnitGroups;

/**
 * The query a unit's Tasklist runs for "Việc của đơn vị" (its candidate groups, assigned tasks included, by due
 * date; a page of 15 and the filter's count) with the preset's open and historic tasks in the database. The
 * tasks are written in bulk with SQL in the shape the engine gives them: a task row, its candidate group link and
 * the group's TASK_WORK grant, ten per unit group; historic tasks as completed ones.
 */
final class TaskListProbe {

    record Figures(int openTasks, int historicTasks, double listP50, double listP95, double countP50, double countP95) {
    }

    static final String FILTER = "Việc của đơn vị";
    /** Ten open tasks per unit group. */
    private static final int TASKS_PER_GROUP = 10;
    private static final int RUNS = 300;

    private TaskListProbe() {
    }

    static void fill(Connection connection, BenchmarkPreset preset) throws SQLException {
        int groups = groups(preset);
        try (Statement sql = connection.createStatement()) {
            int permissions;
            try (ResultSet grant = sql.executeQuery("select perms_ from act_ru_authorization where resource_type_ = 7 and group_id_ is not null limit 1")) {
                permissions = grant.next() ? grant.getInt(1) : Integer.MAX_VALUE;
            }
            String definition;
            try (ResultSet latest = sql.executeQuery("select id_ from act_re_procdef where key_ = 'PeriodicReportProcess' order by version_ desc limit 1")) {
                latest.next();
                definition = latest.getString(1);
            }
            String each = " from generate_series(1, " + preset.openTasks + ") g";
            // One process instance per task, as PeriodicReportProcess has, with the task's context variable. Its
            // cached state says it has a task and variables (bits 2 and 5), or the engine would not look for them.
            sql.execute("insert into act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_, "
                    + "act_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_, "
                    + "sequence_counter_, proc_def_key_) select 'bench-execution-' || g, 1, 'bench-execution-' || g, "
                    + "'bench-execution-' || g, 'bench-plan-' || (g % " + groups + " / 10), '" + definition + "', "
                    + "'Task_SubmitPeriodicReport', true, false, true, false, 1, 18, 1, 'PeriodicReportProcess'" + each);
            sql.execute("insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, text_, "
                    + "var_scope_, sequence_counter_, is_concurrent_local_) select 'bench-variable-' || g, 1, 'string', 'taskContext', "
                    + "'bench-execution-' || g, 'bench-execution-' || g, '" + definition + "', 'tháng 01/" + PlanFiles.YEAR
                    + " – Đơn vị ' || (g % " + groups + "), 'bench-execution-' || g, 1, false" + each);
            // The key of the report form the task resolves when a list initialises form keys, as the plan's setup sets it.
            sql.execute("insert into act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, text_, "
                    + "var_scope_, sequence_counter_, is_concurrent_local_) select 'bench-form-' || g, 1, 'string', 'reportFormKey', "
                    + "'bench-execution-' || g, 'bench-execution-' || g, '" + definition + "', 'report-bench-plan-' || (g % " + groups
                    + " / 10), 'bench-execution-' || g, 1, false" + each);
            sql.execute("insert into act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, description_, "
                    + "priority_, create_time_, last_updated_, suspension_state_, task_def_key_, due_date_, task_state_) "
                    + "select 'bench-task-' || g, 1, 'bench-execution-' || g, 'bench-execution-' || g, '" + definition + "', "
                    + "'Nộp báo cáo định kỳ tháng 01/" + PlanFiles.YEAR + " – Đơn vị ' || (g % " + groups + "), 'tháng 01/" + PlanFiles.YEAR + "', 50, "
                    + "now() - g * interval '1 second', now(), 1, 'Task_SubmitPeriodicReport', now() + (g % 40) * interval '1 day', 'Created'" + each);
            sql.execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_) select 'bench-link-' || g, 1, "
                    + "'bench-unit-' || (g % " + groups + "), 'candidate', 'bench-task-' || g from generate_series(1, " + preset.openTasks + ") g");
            sql.execute("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_) "
                    + "select 'bench-grant-' || g, 1, 1, 'bench-unit-' || (g % " + groups + "), 7, 'bench-task-' || g, " + permissions
                    + " from generate_series(1, " + preset.openTasks + ") g");
            sql.execute("insert into act_hi_taskinst (id_, task_def_key_, proc_def_key_, name_, priority_, start_time_, end_time_, "
                    + "duration_, delete_reason_, task_state_) select 'bench-history-' || g, 'Task_SubmitPeriodicReport', 'PeriodicReportProcess', "
                    + "'Nộp báo cáo định kỳ – Đơn vị ' || (g % " + groups + "), 50, now() - interval '400 days' + g * interval '10 seconds', "
                    + "now() - interval '399 days' + g * interval '10 seconds', 86400000, 'completed', 'Completed' "
                    + "from generate_series(1, " + preset.historicTasks + ") g");
            // Each unit group may use Tasklist and read the shared filters, as the plans' unit groups may.
            sql.execute("insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_) "
                    + "select 'bench-access-' || g || '-' || a.id_, 1, a.type_, 'bench-unit-' || g, a.resource_type_, a.resource_id_, a.perms_ "
                    + "from act_ru_authorization a, generate_series(0, " + (groups - 1) + ") g where a.group_id_ = '"
                    + UnitGroups.unitGroupId("B0001", "CAX") + "' and a.resource_type_ in (0, 5, 6)");
            sql.execute("analyze");
        }
    }

    private static int groups(BenchmarkPreset preset) {
        return preset.openTasks / TASKS_PER_GROUP;
    }

    /** Runs the filter as random unit users, with their authorization checks. */
    static Figures measure(ProcessEngine engine, BenchmarkPreset preset) {
        FilterService filters = engine.getFilterService();
        IdentityService identity = engine.getIdentityService();
        int groups = groups(preset);
        String filter = filters.createFilterQuery().filterName(FILTER).singleResult().getId();
        List<Long> list = new ArrayList<>();
        List<Long> count = new ArrayList<>();
        for (int run = -30; run < RUNS; run++) {  // the first 30 warm up
            String group = "bench-unit-" + ThreadLocalRandom.current().nextInt(groups);
            identity.setAuthentication(group.replace('-', '.'), List.of(group));
            try {
                long start = System.nanoTime();
                int page = filters.listPage(filter, 0, 15).size();
                long listed = System.nanoTime();
                long total = filters.count(filter);
                long counted = System.nanoTime();
                if (page == 0 || total < page) {
                    throw new IllegalStateException("the unit " + group + " sees " + page + " of " + total + " tasks");
                }
                if (run >= 0) {
                    list.add(listed - start);
                    count.add(counted - listed);
                }
            } finally {
                identity.clearAuthentication();
            }
        }
        return new Figures(preset.openTasks, preset.historicTasks, Stats.percentileMillis(list, 50), Stats.percentileMillis(list, 95),
                Stats.percentileMillis(count, 50), Stats.percentileMillis(count, 95));
    }
}
