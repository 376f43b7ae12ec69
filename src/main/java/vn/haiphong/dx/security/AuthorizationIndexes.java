package vn.haiphong.dx.security;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An index the engine lacks for this application's authorization checks. Every task has a grant for its
 * candidate group, so ACT_RU_AUTHORIZATION grows with the open tasks; a task query checks "the user's own grants
 * or its groups' grants", and without an index on USER_ID_ PostgreSQL reads the whole table for it. Measured by
 * the benchmark (README, "Benchmark") at 100,000 open tasks: 33 ms for that scan alone, 0.7 ms for the whole query
 * with the index. Created after the engine has created its tables, once.
 */
@Component
@Order(1)
class AuthorizationIndexes implements ApplicationRunner {

    static final String INDEX = "dx_idx_act_auth_user";

    private final JdbcClient jdbc;

    AuthorizationIndexes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        jdbc.sql("create index if not exists " + INDEX + " on act_ru_authorization (user_id_)").update();
    }
}
