package vn.haiphong.dx.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code app.admin.*}: the first administrator. In production set {@code APP_ADMIN_ID} and
 * {@code APP_ADMIN_PASSWORD}; the demo profile supplies admin/admin and marks itself with {@code demo=true}.
 */
@ConfigurationProperties("app.admin")
record AdminProperties(String id, String password, boolean allowWeakPassword) {

    static final int MIN_LENGTH = 12;

    void check() {
        if (id == null || id.isBlank() || password == null || password.isBlank()) {
            throw new IllegalStateException("Chưa cấu hình tài khoản quản trị đầu tiên: đặt biến môi trường "
                    + "APP_ADMIN_ID và APP_ADMIN_PASSWORD (mật khẩu ít nhất " + MIN_LENGTH
                    + " ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt).");
        }
        if (!allowWeakPassword && (!strong(password) || password.toLowerCase().contains(id.toLowerCase()))) {
            throw new IllegalStateException("Mật khẩu quản trị (APP_ADMIN_PASSWORD) quá yếu: cần ít nhất " + MIN_LENGTH
                    + " ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt, và không chứa tên đăng nhập.");
        }
    }

    static boolean strong(String password) {
        return password.length() >= MIN_LENGTH
                && password.chars().anyMatch(Character::isUpperCase)
                && password.chars().anyMatch(Character::isLowerCase)
                && password.chars().anyMatch(Character::isDigit)
                && password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
    }
}
