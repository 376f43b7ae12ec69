package vn.haiphong.dx.web.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Unit lists sort the Vietnamese way: letters with a diacritic after their base letter, tones after the base. */
class VietnameseOrderTests {

    @Test
    void lettersWithDiacriticsFollowTheirBaseLetter() {
        List<String> expected = List.of("An Dương", "Ăn Khê", "Ân Thi", "Dân vận", "Đoàn Thanh niên", "Em Bé", "Ê Đê",
                "Ong Vàng", "Ô Môn", "Ơn Nghĩa", "Phòng Văn hóa – Xã hội", "Uông Bí", "Ủy ban MTTQ", "Ưu tiên", "Văn phòng HĐND và UBND");
        assertThat(sorted(expected)).containsExactlyElementsOf(expected);
        assertThat(new ArrayList<>(expected).stream().sorted().toList()).as("String order, the bug the collator fixes")
                .isNotEqualTo(expected).endsWith("Ủy ban MTTQ");
    }

    @Test
    void tonesFollowTheBaseLetterInDictionaryOrder() {
        // ngang, huyền, hỏi, ngã, sắc, nặng; a tone decides only between otherwise equal words.
        List<String> expected = List.of("Ba", "Bà", "Bả", "Bã", "Bá", "Bạ", "Bác", "Bạc", "Bàn", "Bản");
        assertThat(sorted(expected)).containsExactlyElementsOf(expected);
    }

    @Test
    void decomposedTextSortsLikeComposedText() {
        String decomposed = Normalizer.normalize("Đoàn Thanh niên xã", Normalizer.Form.NFD);
        assertThat(sorted(List.of("Văn phòng", decomposed, "Công an xã", "Dân quân")))
                .containsExactly("Công an xã", "Dân quân", decomposed, "Văn phòng");
    }

    private static List<String> sorted(List<String> names) {
        List<String> shuffled = new ArrayList<>(names);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(VietnameseOrder.TEXT);
        return shuffled;
    }
}
