package vn.haiphong.dx.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** People a test adds to the demo users: a second member of a unit's or leadership's group. */
public final class TestUsers {

    private TestUsers() {
    }

    /** A colleague in the group, password "demo", with a demo address; {@link #remove} takes them out again. */
    public static void colleague(IdentityService identity, String id, String group) {
        User user = identity.newUser(id);
        user.setFirstName("Cán bộ");
        user.setLastName("thứ hai");
        user.setEmail(id + "@demo.invalid");
        user.setPassword("demo");
        identity.saveUser(user);
        identity.createMembership(id, group);
    }

    public static void remove(IdentityService identity, String... ids) {
        for (String id : ids) {
            if (identity.createUserQuery().userId(id).count() > 0) {
                identity.deleteUser(id);
            }
        }
    }
}
