package vn.haiphong.dx.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** No default or weak administrator outside the demo. */
class AdminPropertiesTests {

    @Test
    void missingCredentialsStopStartUpWithAClearMessage() {
        assertThatThrownBy(() -> new AdminProperties(null, null, false).check())
                .hasMessageContaining("APP_ADMIN_ID và APP_ADMIN_PASSWORD");
        assertThatThrownBy(() -> new AdminProperties("quantri", " ", false).check())
                .hasMessageContaining("APP_ADMIN_ID và APP_ADMIN_PASSWORD");
    }

    @Test
    void weakPasswordsAreRefused() {
        for (String weak : new String[] {"admin", "QuanTri2025x", "quantri-2025-hp", "QUANTRI-2025-HP", "QuanTri-HaiPhong", "Quantri-2025-x"}) {
            assertThatThrownBy(() -> new AdminProperties("quantri", weak, false).check()).as(weak)
                    .hasMessageContaining("quá yếu");
        }
        assertThatCode(() -> new AdminProperties("quantri", "HaiPhong-2025-So", false).check()).doesNotThrowAnyException();
        assertThatCode(() -> new AdminProperties("admin", "admin", true).check()).as("the demo only").doesNotThrowAnyException();
    }
}
