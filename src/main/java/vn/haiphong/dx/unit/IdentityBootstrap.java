package vn.haiphong.dx.unit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanEvents;

/**
 * Groups from the plan data (one per unit, one for leadership) and, in the demo only, one user per group.
 * Idempotent: runs at every start and whenever a plan is brought in or revised, and creates only what is missing.
 */
@Component
@Order(10)
class IdentityBootstrap implements ApplicationRunner {

    static final String TYPE_UNIT = "DX_UNIT";
    static final String TYPE_OFFICE = "DX_OFFICE";
    static final String TYPE_LEADERSHIP = "DX_LEADERSHIP";
    private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final IdentityService identity;
    private final Plans catalog;
    private final boolean demo;
    private final String demoPassword;

    IdentityBootstrap(IdentityService identity, Plans catalog,
                      @Value("${app.demo.enabled:false}") boolean demo,
                      @Value("${app.demo.password:demo}") String demoPassword) {
        this.identity = identity;
        this.catalog = catalog;
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        catalog.all().forEach(this::provision);
    }

    /** A plan brought in or revised while the application runs gets its groups (and demo users) at once. */
    @EventListener
    public void onRegistered(PlanEvents.Registered registered) {
        vn.haiphong.dx.shared.ProcessContext.asEngine(identity, () -> {
            provision(registered.plan());
            return null;
        });
    }

    private void provision(PlanDefinition plan) {
        String agency = plan.agency().code();
        for (PlanDefinition.Unit unit : plan.units()) {
            String groupId = UnitGroups.unitGroupId(agency, unit.code());
            ensureGroup(groupId, unit.name() + " – " + plan.agency().name(),
                    unit.code().equals(plan.focalUnit()) ? TYPE_OFFICE : TYPE_UNIT);
            if (demo) {
                ensureDemoUser(groupId, "Cán bộ", unit.name());
            }
        }
        String leadership = UnitGroups.leadershipGroupId(agency);
        ensureGroup(leadership, plan.leadership().name() + " – " + plan.agency().name(), TYPE_LEADERSHIP);
        if (demo) {
            ensureDemoUser(leadership, plan.leadership().signerName(), "(" + capitalised(plan.leadership().signerTitle()) + ")");
        }
    }

    private void ensureGroup(String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    private void ensureDemoUser(String groupId, String firstName, String lastName) {
        String userId = UnitGroups.demoUserId(groupId);
        User existing = identity.createUserQuery().userId(userId).singleResult();
        if (existing != null && (!firstName.equals(existing.getFirstName()) || !lastName.equals(existing.getLastName()))) {
            // A demo user keeps its password; its name follows the plan (and corrections of how it is written).
            existing.setFirstName(firstName);
            existing.setLastName(lastName);
            identity.saveUser(existing);
        }
        if (existing == null) {
            User user = identity.newUser(userId);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(userId + "@demo.invalid");
            user.setPassword(demoPassword);
            identity.saveUser(user);
            LOG.info("Demo user {} created for group {}", userId, groupId);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(userId, groupId);
        }
    }

    /**
     * A position as written in a sentence (Decree 30/2020, appendix II): "GIÁM ĐỐC" → "Giám đốc", "PHÓ CHỦ TỊCH" →
     * "Phó Chủ tịch" — the first word capitalised, and for a deputy (Phó) the position deputised too.
     */
    static String capitalised(String upper) {
        String lower = upper.strip().toLowerCase(java.util.Locale.forLanguageTag("vi"));
        String title = upperFirst(lower);
        return title.startsWith("Phó ") ? "Phó " + upperFirst(title.substring(4).strip()) : title;
    }

    private static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
