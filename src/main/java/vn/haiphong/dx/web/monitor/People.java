package vn.haiphong.dx.web.monitor;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.shared.ProcessContext;

/** People's names as the pages show them: the engine user's first and last name, never the login id. */
@Component
public class People {

    private final IdentityService identity;

    People(IdentityService identity) {
        this.identity = identity;
    }

    /** A lookup for one page: each person is read once. */
    public Names names() {
        return new Names();
    }

    public final class Names {
        private final Map<String, String> known = new HashMap<>();

        private Names() {
        }

        /** "Phạm Thị Thu Hiền", or the id itself for a user without a name; "Hệ thống" for the engine's own steps. */
        public String of(String userId) {
            if (userId == null || userId.isBlank()) {
                return "Hệ thống";
            }
            return known.computeIfAbsent(userId, id -> ProcessContext.asEngine(identity, () -> {
                User user = identity.createUserQuery().userId(id).singleResult();
                String name = user == null ? "" : (nonNull(user.getFirstName()) + " " + nonNull(user.getLastName())).strip();
                return name.isEmpty() ? id : name;
            }));
        }

        private static String nonNull(String text) {
            return text == null ? "" : text;
        }
    }
}
