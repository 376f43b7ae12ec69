package vn.haiphong.dx.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Positions from the plans' signature blocks as a sentence writes them (demo users' names, the pages). */
class PositionTitleTests {

    @Test
    void aDeputysPositionKeepsItsCapital() {
        assertThat(IdentityBootstrap.capitalised("PHÓ CHỦ TỊCH")).isEqualTo("Phó Chủ tịch");
        assertThat(IdentityBootstrap.capitalised("PHÓ GIÁM ĐỐC")).isEqualTo("Phó Giám đốc");
        assertThat(IdentityBootstrap.capitalised("CHỦ TỊCH")).isEqualTo("Chủ tịch");
        assertThat(IdentityBootstrap.capitalised(" GIÁM ĐỐC ")).isEqualTo("Giám đốc");
    }
}
