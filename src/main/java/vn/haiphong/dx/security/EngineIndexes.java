package vn.haiphong.dx.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine lacks for this application, created after the engine has created its tables, once. Both were
 * found with the benchmark (README, "Benchmark") at 100,000 open tasks:
 * <ul>
 * <li>ACT_RU_AUTHORIZATION(USER_ID_): every task has a grant for its candidate group, so the table grows with the
 * open tasks; a task query's check of "the user's or its groups' grants" scanned the whole table: 33 ms for that
 * scan, 0.7 ms for the whole query with the index;</li>
 * <li>ACT_RU_TASK(PARENT_TASK_ID_): completing any task looks up its subtasks, a scan of every open task without
 * the index: 17 ms of PostgreSQL time per completed task.</li>
 * </ul>
 */
@Component
@Order(1)
class EngineIndexes implements ApplicationRunner {

    static final String AUTHORIZATION_USER = "dx_idx_act_auth_user";
    static final String TASK_PARENT = "dx_idx_act_task_parent";

    private final JdbcClient jdbc;

    EngineIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("create index if not exists " + AUTHORIZATION_USER + " on act_ru_authorization (user_id_)").update();
        jdbc.sql("create index if not exists " + TASK_PARENT + " on act_ru_task (parent_task_id_)").update();
    }
}
