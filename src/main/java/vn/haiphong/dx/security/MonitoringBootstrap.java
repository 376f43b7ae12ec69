package vn.haiphong.dx.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The monitoring group, whose members may read the operators' metrics and nothing else (it has no grant in the
 * engine), and, when configured ({@code APP_METRICS_ID}, {@code APP_METRICS_PASSWORD}), the account Prometheus
 * scrapes with. The account is created once; change its password in Admin.
 */
@Component
@Order(6)
class MonitoringBootstrap implements ApplicationRunner {

    static final String GROUP = "dx-monitoring";
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringBootstrap.class);

    private final IdentityService identity;
    private final String userId;
    private final String password;

    MonitoringBootstrap(IdentityService identity, @Value("${app.metrics.user.id:}") String userId,
                        @Value("${app.metrics.user.password:}") String password) {
        this.identity = identity;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
            Group group = identity.newGroup(GROUP);
            group.setName("Giám sát vận hành");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        if (userId.isBlank()) {
            return;
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            if (password.isBlank()) {
                throw new IllegalStateException("APP_METRICS_ID được đặt nhưng thiếu APP_METRICS_PASSWORD cho tài khoản giám sát.");
            }
            User user = identity.newUser(userId);
            user.setFirstName("Giám sát");
            user.setLastName("vận hành");
            user.setPassword(password);
            identity.saveUser(user);
            LOG.info("Monitoring account {} created", userId);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(GROUP).count() == 0) {
            identity.createMembership(userId, GROUP);
        }
    }
}
