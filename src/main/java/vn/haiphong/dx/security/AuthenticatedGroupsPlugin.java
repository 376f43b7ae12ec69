package vn.haiphong.dx.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Authorization checks without the engine's "which groups have any grant at all" query. Before every
 * authorization check the engine reads {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION} (once per
 * command) to drop the user's groups that have no grant, which helps users with hundreds of directory groups.
 * Here a user has one or two groups, while every open task has a grant of its own: at 100,000 open tasks that
 * query reads the whole table for every command (README, "Benchmark"). A group without grants in the check's
 * list matches nothing, so the result of every check is the same; the user's groups are passed as they are.
 */
@Component
// On by default; the benchmark's vanilla run turns it off.
@ConditionalOnProperty(name = "app.authorization.unfiltered-groups", havingValue = "true", matchIfMissing = true)
class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new UnfilteredGroupsAuthorizationManager();
            }
        });
        configuration.setCustomSessionFactories(factories);
    }

    /** The engine's authorization manager, with the user's groups taken as they are. */
    static final class UnfilteredGroupsAuthorizationManager extends AuthorizationManager {

        @Override
        public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
            return authenticatedGroupIds == null ? Collections.emptyList() : authenticatedGroupIds;
        }
    }
}
