package vn.haiphong.dx.notification;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.security.AppUser;

/** The same choice as JSON: {@code GET} and {@code PUT /api/notifications/preferences}, always the caller's own. */
@RestController
class PreferenceApi {

    static final String PATH = "/api/notifications/preferences";

    record Preferences(String userId, Boolean emailEnabled, String address) {}

    private final NotificationPreferences preferences;
    private final IdentityService identity;

    PreferenceApi(NotificationPreferences preferences, IdentityService identity) {
        this.preferences = preferences;
        this.identity = identity;
    }

    @GetMapping(PATH)
    Preferences read(HttpServletRequest request) {
        String user = AppUser.of(request).id();
        return new Preferences(user, preferences.emailEnabled(user), PreferencePage.address(identity, user));
    }

    @PutMapping(PATH)
    Preferences change(HttpServletRequest request, @RequestBody Preferences change) {
        if (change == null || change.emailEnabled() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Thiếu «emailEnabled» (true hoặc false).");
        }
        preferences.setEmailEnabled(AppUser.of(request).id(), change.emailEnabled());
        return read(request);
    }
}
