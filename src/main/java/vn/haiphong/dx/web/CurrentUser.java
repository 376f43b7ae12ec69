package vn.haiphong.dx.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.web.monitor.Navigation;
import vn.haiphong.dx.web.monitor.People;

/**
 * Who is logged in, as every page's layout shows it: the person's name, their units, the pages they may open; and
 * logout.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentUser {

    /** @param units the names of the person's groups (units, Office, leadership) */
    record View(String id, String displayName, String units, boolean mayImport, List<Navigation.Link> links) {}

    private final IdentityService identity;
    private final PlanAccess access;
    private final People people;
    private final Navigation navigation;

    CurrentUser(IdentityService identity, PlanAccess access, People people, Navigation navigation) {
        this.identity = identity;
        this.access = access;
        this.people = people;
        this.navigation = navigation;
    }

    @ModelAttribute("currentUser")
    View currentUser(HttpServletRequest request) {
        AppUser user = AppUser.of(request);
        if (user == null) {
            return null;
        }
        String units = ProcessContext.asEngine(identity, () -> identity.createGroupQuery().groupMember(user.id()).list().stream()
                .filter(g -> !"SYSTEM".equals(g.getType())).map(Group::getName).collect(Collectors.joining("; ")));
        return new View(user.id(), people.names().of(user.id()), units, access.mayImportAny(user), navigation.links(user));
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
