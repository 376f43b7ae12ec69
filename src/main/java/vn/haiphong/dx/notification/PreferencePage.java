package vn.haiphong.dx.notification;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.shared.ProcessContext;

/**
 * The page where a person turns notification mail on or off ({@value #PATH}; each mail links to it). The form carries
 * a token kept in the person's session, so that another site cannot switch someone's mail off.
 */
@Controller
class PreferencePage {

    static final String PATH = "/notifications/preferences";
    private static final String TOKEN = PreferencePage.class.getName() + ".token";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** @param address the person's e-mail address, or null when they have none */
    record View(boolean emailEnabled, String address, String token, boolean saved) {}

    private final NotificationPreferences preferences;
    private final IdentityService identity;

    PreferencePage(NotificationPreferences preferences, IdentityService identity) {
        this.preferences = preferences;
        this.identity = identity;
    }

    @GetMapping(PATH)
    String page(HttpServletRequest request, @RequestParam(value = "saved", required = false) String saved, Model model) {
        AppUser user = AppUser.of(request);
        model.addAttribute("view", new View(preferences.emailEnabled(user.id()), address(identity, user.id()), token(request.getSession()),
                saved != null));
        return "notifications/preferences";
    }

    @PostMapping(PATH)
    String save(HttpServletRequest request, @RequestParam(value = "emailEnabled", required = false) String emailEnabled,
                @RequestParam(value = "token", required = false) String token) {
        HttpSession session = request.getSession(false);
        if (session == null || token == null || !token.equals(session.getAttribute(TOKEN))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Phiên làm việc đã hết hạn hoặc yêu cầu không đến từ trang này; hãy mở lại trang và lưu lần nữa.");
        }
        preferences.setEmailEnabled(AppUser.of(request).id(), emailEnabled != null);
        return "redirect:" + PATH + "?saved";
    }

    private static String token(HttpSession session) {
        Object token = session.getAttribute(TOKEN);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(TOKEN, token);
        }
        return token.toString();
    }

    static String address(IdentityService identity, String userId) {
        return ProcessContext.asEngine(identity, () -> {
            var user = identity.createUserQuery().userId(userId).singleResult();
            return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
        });
    }
}
