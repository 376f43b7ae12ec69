package vn.haiphong.dx.notification;

import org.springframework.stereotype.Component;

/** Whether a person wants notification mail: yes unless they turned it off. */
@Component
class NotificationPreferences {

    private final NotificationRepository repository;

    NotificationPreferences(NotificationRepository repository) {
        this.repository = repository;
    }

    boolean emailEnabled(String userId) {
        return repository.emailEnabled(userId).orElse(true);
    }

    void setEmailEnabled(String userId, boolean enabled) {
        repository.setEmailEnabled(userId, enabled);
    }
}
