package vn.haiphong.dx.consolidation.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Layout decisions shared by the DOCX and the PDF renderer, so that both formats place the same things in
 * the same way: which cells are numbers, how wide the table columns are, how a chart is scaled and labelled.
 */
final class ReportLayout {

    /** A4 portrait in points. */
    static final float PAGE_WIDTH_PT = 595.28f;
    static final float PAGE_HEIGHT_PT = 841.89f;

    /** Decree 30/2020: top 20 mm, bottom 20 mm, left 30 mm, right 15 mm. */
    static final float MARGIN_TOP_MM = 20f;
    static final float MARGIN_BOTTOM_MM = 20f;
    static final float MARGIN_LEFT_MM = 30f;
    static final float MARGIN_RIGHT_MM = 15f;

    /** Share of the text width given to the left column of the heading and of the closing block. */
    static final float HEADING_LEFT_SHARE = 0.40f;
    static final float CLOSING_LEFT_SHARE = 0.45f;

    static final String NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc";
    static final String DRAFT_MARK = "DỰ THẢO";
    static final String RECIPIENTS = "Nơi nhận:";

    /** Tables with more columns than this are set one point smaller so that wide tables fit. */
    static final int WIDE_TABLE_COLUMNS = 6;

    /** Numbers, percentages, ratios and dashes, written the Vietnamese way ("1.234", "83,3%", "12/15"). */
    private static final Pattern NUMERIC = Pattern.compile(
            "[-+−]?\\d[\\d.,\\s]*(%|/\\s*\\d[\\d.,]*)?|[-–—]");

    private ReportLayout() {}

    static float mm(float millimetres) {
        return millimetres * 72f / 25.4f;
    }

    static int twips(float millimetres) {
        return Math.round(millimetres * 1440f / 25.4f);
    }

    /** Composed (NFC) text: precomposed Vietnamese letters exist in the fonts, combining marks may not shape well. */
    static String nfc(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The paragraphs of a text block: one per non-blank line. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : nfc(text).split("\\R")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    static boolean looksNumeric(String cell) {
        return cell != null && !cell.isBlank() && NUMERIC.matcher(cell.strip()).matches();
    }

    static int columnCount(ReportDocument.Table table) {
        int count = table.header() == null ? 0 : table.header().size();
        for (List<String> row : rows(table)) {
            count = Math.max(count, row.size());
        }
        if (table.footer() != null) {
            count = Math.max(count, table.footer().size());
        }
        return Math.max(count, 1);
    }

    static List<List<String>> rows(ReportDocument.Table table) {
        return table.rows() == null ? List.of() : table.rows();
    }

    /** The cells of a row padded (or cut) to the column count. */
    static List<String> cells(List<String> row, int columns) {
        List<String> cells = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            cells.add(row != null && i < row.size() && row.get(i) != null ? nfc(row.get(i)) : "");
        }
        return cells;
    }

    /**
     * Column widths in points that add up to {@code totalWidth}, chosen in three steps: every column first
     * gets room for its longest word (no word is broken); then, as far as the width allows, room to keep
     * each body cell (unit names, numbers) on one line; then room to keep each header on one line. Space
     * left over after that is shared in proportion. Header and footer are bold.
     *
     * @param padding the cell's left plus right padding in points
     */
    static float[] columnWidths(ReportDocument.Table table, float totalWidth, float size, float padding) {
        int columns = columnCount(table);
        float[] words = new float[columns];
        float[] cellsOnOneLine = new float[columns];
        float[] headerOnOneLine = new float[columns];
        List<String> header = cells(table.header(), columns);
        List<List<String>> body = new ArrayList<>();
        for (List<String> row : rows(table)) {
            body.add(cells(row, columns));
        }
        List<String> footer = table.footer() == null ? null : cells(table.footer(), columns);
        float slack = padding + 2f;
        for (int i = 0; i < columns; i++) {
            words[i] = TextMeasure.longestWord(header.get(i), size, true);
            float cells = 0;
            for (List<String> row : body) {
                cells = Math.max(cells, TextMeasure.width(row.get(i), size, false));
                words[i] = Math.max(words[i], TextMeasure.longestWord(row.get(i), size, false));
            }
            if (footer != null) {
                cells = Math.max(cells, TextMeasure.width(footer.get(i), size, true));
                words[i] = Math.max(words[i], TextMeasure.longestWord(footer.get(i), size, true));
            }
            words[i] += slack;
            cellsOnOneLine[i] = Math.max(words[i], cells + slack);
            headerOnOneLine[i] = Math.max(cellsOnOneLine[i], TextMeasure.width(header.get(i), size, true) + slack);
        }
        float[][] steps = {words, cellsOnOneLine, headerOnOneLine};
        if (sum(words) >= totalWidth) {
            return scaled(words, totalWidth);
        }
        for (int step = 1; step < steps.length; step++) {
            float[] from = steps[step - 1];
            float[] to = steps[step];
            if (sum(to) > totalWidth) {
                float share = (totalWidth - sum(from)) / (sum(to) - sum(from));
                float[] widths = new float[columns];
                for (int i = 0; i < columns; i++) {
                    widths[i] = from[i] + (to[i] - from[i]) * share;
                }
                return widths;
            }
        }
        return scaled(headerOnOneLine, totalWidth);
    }

    private static float[] scaled(float[] widths, float totalWidth) {
        float factor = totalWidth / sum(widths);
        float[] result = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            result[i] = widths[i] * factor;
        }
        return result;
    }

    private static float sum(float[] values) {
        float sum = 0;
        for (float value : values) {
            sum += value;
        }
        return sum;
    }

    /** The value a full-width bar stands for: the largest maximum, or the largest value without maxima. */
    static int chartScale(ReportDocument.BarChart chart) {
        int scale = 0;
        List<Integer> source = hasMaxima(chart) ? chart.maxima() : chart.values();
        for (Integer value : source) {
            if (value != null) {
                scale = Math.max(scale, value);
            }
        }
        for (Integer value : chart.values()) {
            if (value != null) {
                scale = Math.max(scale, value);
            }
        }
        return Math.max(scale, 1);
    }

    static boolean hasMaxima(ReportDocument.BarChart chart) {
        return chart.maxima() != null && chart.maxima().size() == chart.values().size();
    }

    static int value(ReportDocument.BarChart chart, int index) {
        Integer value = chart.values().get(index);
        return value == null ? 0 : value;
    }

    /** The text after a bar: "value/maximum", or the value alone when the chart has no maxima. */
    static String barLabel(ReportDocument.BarChart chart, int index) {
        String value = String.valueOf(value(chart, index));
        if (!hasMaxima(chart) || chart.maxima().get(index) == null) {
            return value;
        }
        return value + "/" + chart.maxima().get(index);
    }

    static void checkChart(ReportDocument.BarChart chart) {
        if (chart.categories() == null || chart.values() == null
                || chart.categories().size() != chart.values().size()) {
            throw new IllegalArgumentException("A bar chart needs exactly one value per category: " + chart.caption());
        }
    }
}
