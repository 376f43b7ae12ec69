package vn.haiphong.dx.unit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.haiphong.dx.form.InputRejectedException;

class UnitGroupsTests {

    @Test
    void groupAndDemoUserIdsDeriveFromThePlanData() {
        org.assertj.core.api.Assertions.assertThat(UnitGroups.unitGroupId("SNNMT", "VP")).isEqualTo("snnmt-vp");
        org.assertj.core.api.Assertions.assertThat(UnitGroups.leadershipGroupId("KESAT")).isEqualTo("kesat-lanhdao");
        org.assertj.core.api.Assertions.assertThat(UnitGroups.demoUserId("kesat-cax")).isEqualTo("kesat.cax");
    }

    @Test
    void onlyMembersAndTheEngineActForAUnit() {
        assertThatCode(() -> UnitGroups.requireMember("kesat.cax", List.of("kesat-cax"), "kesat-cax", "Công an xã", "nộp báo cáo"))
                .doesNotThrowAnyException();
        assertThatCode(() -> UnitGroups.requireMember(null, List.of(), "kesat-cax", "Công an xã", "nộp báo cáo"))
                .as("timers and start-up act as the engine").doesNotThrowAnyException();
        assertThatThrownBy(() -> UnitGroups.requireMember("kesat.dtn", List.of("kesat-dtn"), "kesat-cax", "Công an xã", "nộp báo cáo"))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("Người dùng kesat.dtn không thuộc Công an xã nên không thể nộp báo cáo thay đơn vị");
    }
}
