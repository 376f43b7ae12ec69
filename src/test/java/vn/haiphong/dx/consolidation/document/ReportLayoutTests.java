package vn.haiphong.dx.consolidation.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static vn.haiphong.dx.consolidation.document.ReportFixtures.*;

import java.util.List;

import org.junit.jupiter.api.Test;

class ReportLayoutTests {

    private static final float TEXT_WIDTH = 467.72f;
    private static final float PADDING = 5.67f;

    @Test
    void numbersPercentagesAndRatiosAreNumeric() {
        assertThat(List.of("15", "81,6%", "12/15", "1.234", "-3", "-", "100,0%"))
                .allMatch(ReportLayout::looksNumeric);
        assertThat(List.of("Tổng cộng", "Chậm 1 kỳ", "STT", "Quý III", "", "10/2025 (ước)"))
                .noneMatch(ReportLayout::looksNumeric);
    }

    @Test
    void columnsFillTheTextWidthAndBreakNoWord() {
        for (ReportDocument.Table table : List.of(
                new ReportDocument.Table("", TABLE_1_HEADER, table1Rows(UNITS), table1Footer(UNITS)),
                new ReportDocument.Table("", TABLE_2_HEADER, table2Rows(UNITS), null))) {
            float size = table.header().size() > ReportLayout.WIDE_TABLE_COLUMNS ? 12 : 13;
            float[] widths = ReportLayout.columnWidths(table, TEXT_WIDTH, size, PADDING);
            float sum = 0;
            for (float width : widths) {
                sum += width;
            }
            assertThat(sum).isCloseTo(TEXT_WIDTH, within(0.01f));
            for (int i = 0; i < widths.length; i++) {
                assertThat(widths[i] - PADDING).as("column %s", table.header().get(i))
                        .isGreaterThanOrEqualTo(TextMeasure.longestWord(table.header().get(i), size, true));
            }
            float longestUnit = 0;
            for (UnitResult unit : UNITS) {
                longestUnit = Math.max(longestUnit, TextMeasure.width(unit.name(), size, false));
            }
            assertThat(widths[1] - PADDING).as("unit names stay on one line").isGreaterThanOrEqualTo(longestUnit);
        }
    }

    @Test
    void textIsMeasuredInTimesMetrics() {
        // Liberation Serif has the advance widths of Times New Roman: "Độc lập - Tự do - Hạnh phúc" in bold 14 pt.
        assertThat(TextMeasure.width(ReportLayout.NATIONAL_MOTTO, 14, true)).isCloseTo(171.3f, within(0.5f));
        assertThat(TextMeasure.longestWord("Chỉ tiêu được giao", 13, true))
                .isEqualTo(TextMeasure.width("được", 13, true));
    }
}
