package vn.haiphong.dx.security;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.QueryValidators;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.Validator;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.shared.UserRefusal;

/**
 * Closes CVE-2026-109432 inside the engine: an ad-hoc task query (built by a client through the REST API,
 * Tasklist's API or the Java API, including a query that extends a stored filter) may not carry an expression
 * anywhere, neither at its top level nor in any of its {@code orQueries}. The engine's own check looks at the top
 * level only, so an expression in an or-query was evaluated. Checked on the query object the engine is about to
 * run, after every decoding a client's request went through, and before any expression is evaluated.
 * Stored filters (only administrators may create them) keep their expressions.
 */
@Component
class TaskQueryGuardPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTaskService(new GuardedTaskService());
    }

    /** The engine's task service; every query it hands out is checked for expressions when it runs. */
    static final class GuardedTaskService extends TaskServiceImpl {
        @Override
        public TaskQuery createTaskQuery() {
            TaskQueryImpl query = (TaskQueryImpl) super.createTaskQuery();
            // Replaces the engine's ad-hoc check, which answers in English and misses or-queries.
            query.removeValidator(QueryValidators.AdhocQueryValidator.get());
            query.addValidator(NoExpressions.INSTANCE);
            return query;
        }
    }

    static final class NoExpressions implements Validator<AbstractQuery<?, ?>> {
        static final NoExpressions INSTANCE = new NoExpressions();

        @Override
        public void validate(AbstractQuery<?, ?> query) {
            boolean expressions = !query.getExpressions().isEmpty();
            if (query instanceof TaskQueryImpl task) {
                expressions |= task.getQueries().stream().anyMatch(or -> !or.getExpressions().isEmpty());
            }
            if (expressions) {
                throw new QueryRefusedException();
            }
        }
    }

    static final class QueryRefusedException extends BadUserRequestException implements UserRefusal {
        QueryRefusedException() {
            super("Truy vấn công việc không được chứa biểu thức (${…} hoặc #{…}), kể cả trong orQueries. Chưa thực hiện gì.");
        }
    }
}
