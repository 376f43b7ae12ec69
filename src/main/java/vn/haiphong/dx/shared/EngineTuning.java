package vn.haiphong.dx.shared;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine lacks for this application, created after the engine has created its tables, once, before
 * the job executor starts. Each was found with the benchmark (README, "Benchmark"):
 * <ul>
 * <li>ACT_RU_AUTHORIZATION(USER_ID_): every task has a grant for its candidate group, so the table grows with the
 * open tasks; a task query's check of "the user's or its groups' grants" scanned the whole table: 33 ms for that
 * scan at 100,000 open tasks, 0.7 ms for the whole query with the index;</li>
 * <li>ACT_RU_TASK(PARENT_TASK_ID_): completing any task looks up its subtasks, a scan of every open task without
 * the index: 17 ms of PostgreSQL time per completed task at 100,000 open tasks;</li>
 * <li>ACT_RU_JOB(DUEDATE_): the job executor acquires due jobs in due-date order (application.yaml,
 * {@code jobExecutorAcquireByDueDate}) along this index; without it each acquisition scanned every waiting timer
 * (a city year keeps 15,000 of them): 9.7 ms per acquisition, a quarter of PostgreSQL's statement time.</li>
 * </ul>
 * Jobs written before {@code ensureJobDueDateNotNull} was on have no due date, and acquisition would no longer
 * see them: they are given their creation time.
 */
@Component
@Order(1)
class EngineTuning implements ApplicationRunner {

    static final String AUTHORIZATION_USER = "dx_idx_act_auth_user";
    static final String TASK_PARENT = "dx_idx_act_task_parent";
    static final String JOB_DUE_DATE = "dx_idx_act_job_due";

    private final JdbcClient jdbc;

    EngineTuning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("create index if not exists " + AUTHORIZATION_USER + " on act_ru_authorization (user_id_)").update();
        jdbc.sql("create index if not exists " + TASK_PARENT + " on act_ru_task (parent_task_id_)").update();
        jdbc.sql("create index if not exists " + JOB_DUE_DATE + " on act_ru_job (duedate_)").update();
        jdbc.sql("update act_ru_job set duedate_ = create_time_ where duedate_ is null").update();
    }
}
