package vn.haiphong.dx.web;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.shared.ProcessContext;

/** Who is logged in, as every page's layout shows it: the person's name, their units, what they may open; and logout. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUser {

    /** @param units the names of the person's groups (units, Office, leadership) */
    record View(String id, String displayName, String units, boolean mayImport) {}

    private final IdentityService identity;
    private final PlanAccess access;

    CurrentUser(IdentityService identity, PlanAccess access) {
        this.identity = identity;
        this.access = access;
    }

    @ModelAttribute("currentUser")
    View currentUser(HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        if (user == null) {
            return null;
        }
        return ProcessContext.asEngine(identity, () -> {
            User person = identity.createUserQuery().userId(user.id()).singleResult();
            String name = person == null ? user.id()
                    : (String.valueOf(person.getFirstName()) + " " + String.valueOf(person.getLastName())).replace("null", "").trim();
            String units = identity.createGroupQuery().groupMember(user.id()).list().stream()
                    .filter(g -> !"SYSTEM".equals(g.getType())).map(Group::getName).collect(Collectors.joining("; "));
            return new View(user.id(), name.isBlank() ? user.id() : name, units, access.mayImportAny(user));
        });
    }

    /** Ends the Tasklist session the pages share, and returns to Tasklist's login. */
    @Controller
    static class Logout {
        @PostMapping("/logout")
        String logout(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            return "redirect:/camunda/app/tasklist/";
        }
    }
}
