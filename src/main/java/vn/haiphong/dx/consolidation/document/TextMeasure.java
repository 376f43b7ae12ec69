package vn.haiphong.dx.consolidation.document;

import java.io.IOException;
import java.io.InputStream;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;

/**
 * Widths of text in Times New Roman, taken from Liberation Serif, which has the same advance widths. Both
 * renderers size table columns with it, so a column is as wide in Word as in the PDF.
 *
 * <p>The fonts are parsed once and only read afterwards, which is safe from any thread.
 */
final class TextMeasure {

    private static final BaseFont REGULAR = load("LiberationSerif-Regular.ttf");
    private static final BaseFont BOLD = load("LiberationSerif-Bold.ttf");

    private TextMeasure() {}

    /** The width in points of {@code text} set on one line. */
    static float width(String text, float size, boolean bold) {
        return (bold ? BOLD : REGULAR).getWidthPoint(text, size);
    }

    /** The width in points of the longest word of {@code text}: a column narrower than this breaks a word. */
    static float longestWord(String text, float size, boolean bold) {
        float widest = 0;
        for (String word : text.split("\\s+")) {
            widest = Math.max(widest, width(word, size, bold));
        }
        return widest;
    }

    private static BaseFont load(String name) {
        try (InputStream in = TextMeasure.class.getResourceAsStream("/liberation/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Liberation Serif is missing from the class path (openpdf-fonts-extra): " + name);
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.NOT_EMBEDDED, false, in.readAllBytes(), null);
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
    }
}
