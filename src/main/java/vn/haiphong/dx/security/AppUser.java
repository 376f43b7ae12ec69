package vn.haiphong.dx.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.authorization.Groups;

/** The person behind a request to the project's own views and APIs. */
public record AppUser(String id, List<String> groups) {

    static final String ATTRIBUTE = AppUser.class.getName();

    public boolean inAnyGroup(String... groupIds) {
        for (String groupId : groupIds) {
            if (groups.contains(groupId)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /** Set by {@link AppAuthenticationFilter} on every request it lets through. */
    public static AppUser of(HttpServletRequest request) {
        return (AppUser) request.getAttribute(ATTRIBUTE);
    }
}
