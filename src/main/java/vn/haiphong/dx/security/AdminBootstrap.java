package vn.haiphong.dx.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator, from configuration ({@code APP_ADMIN_ID}, {@code APP_ADMIN_PASSWORD}).
 * Outside the demo there is no default: start-up stops if the credentials are missing or weak.
 */
@Component
@Order(5)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final AdminProperties admin;

    AdminBootstrap(IdentityService identity, AuthorizationService authorizations, AdminProperties admin) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.admin = admin;
    }

    @Override
    public void run(ApplicationArguments args) {
        admin.check();
        if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
            Group group = identity.newGroup(Groups.CAMUNDA_ADMIN);
            group.setName("Quản trị hệ thống");
            group.setType(Groups.GROUP_TYPE_SYSTEM);
            identity.saveGroup(group);
        }
        for (Resource resource : Resources.values()) {
            if (authorizations.createAuthorizationQuery().groupIdIn(Groups.CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(Authorization.ANY).count() == 0) {
                Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(Authorization.ANY);
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
        if (identity.createUserQuery().userId(admin.id()).count() == 0) {
            User user = identity.newUser(admin.id());
            user.setFirstName("Quản trị");
            user.setLastName("hệ thống");
            user.setPassword(admin.password());
            identity.saveUser(user);
            LOG.info("Administrator {} created", admin.id());
        }
        if (identity.createUserQuery().userId(admin.id()).memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(admin.id(), Groups.CAMUNDA_ADMIN);
        }
    }
}
