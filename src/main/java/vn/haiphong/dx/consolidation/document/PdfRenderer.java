package vn.haiphong.dx.consolidation.document;

import static vn.haiphong.dx.consolidation.document.ReportLayout.mm;
import static vn.haiphong.dx.consolidation.document.ReportLayout.nfc;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import com.lowagie.text.pdf.draw.VerticalPositionMark;

/**
 * Renders a {@link ReportDocument} as a PDF laid out as Decree 30/2020/NĐ-CP, Appendix I asks: A4 portrait,
 * the two-column heading, a drawn bar chart, the "Nơi nhận" and signer block, page numbers centred at the
 * top from page 2.
 *
 * <p>The text is set in Liberation Serif, which has the metrics of Times New Roman and may be
 * redistributed; an agency that licenses Times New Roman can point the renderer at a directory with the
 * Windows font files instead. The font is embedded as a subset with Identity-H encoding, so every
 * Vietnamese letter prints and can be searched and copied.
 *
 * <p>The font files are read once, when the renderer is created; every {@link #render} call builds its own
 * font objects from them, so one renderer can serve concurrent calls.
 */
public final class PdfRenderer {

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

    /** Regular, bold, italic, bold italic. */
    private static final List<String> LIBERATION = List.of("LiberationSerif-Regular.ttf",
            "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf");
    private static final List<String> TIMES = List.of("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf");

    private static final float TEXT_WIDTH = PageSize.A4.getWidth()
            - mm(ReportLayout.MARGIN_LEFT_MM) - mm(ReportLayout.MARGIN_RIGHT_MM);
    private static final float FIRST_LINE_INDENT = mm(10f);
    private static final float SPACE_AFTER = 6f;
    private static final float AGENCY_RULE = 75f;
    private static final float SUBJECT_RULE = 140f;
    private static final float RULE_LEADING = 9f;
    private static final float CHART_ROW_HEIGHT = 20f;
    private static final float CHART_VALUE_ROOM = 50f;

    private static final Color HEADER_SHADE = new Color(0xD9, 0xD9, 0xD9);
    static final Color BAR = new Color(0x2F, 0x55, 0x97);
    static final Color BAR_TRACK = new Color(0xDD, 0xE3, 0xEE);

    /**
     * The four faces, read once: a font object holds only the file's tables. The glyphs a report uses, and so the
     * subset embedded in its file, belong to that report's writer, so one renderer serves concurrent calls.
     */
    private final Faces faces;

    /** A renderer that sets the text in Liberation Serif from the class path. */
    public PdfRenderer() {
        this(null);
    }

    /**
     * A renderer that sets the text in Times New Roman when {@code fontDirectory} holds {@code times.ttf},
     * {@code timesbd.ttf}, {@code timesi.ttf} and {@code timesbi.ttf} (names compared without regard to
     * case), and in Liberation Serif otherwise.
     *
     * @param fontDirectory a directory with licensed Times New Roman files, or null
     */
    public PdfRenderer(Path fontDirectory) {
        Faces times = fontDirectory == null ? null : readTimes(fontDirectory);
        if (times != null) {
            faces = times;
            log.info("PDF reports use Times New Roman from {}", fontDirectory);
        } else {
            faces = faces(LIBERATION, readLiberation());
        }
    }

    public byte[] render(ReportDocument doc) {
        Objects.requireNonNull(doc, "doc");
        Document document = new Document(PageSize.A4, mm(ReportLayout.MARGIN_LEFT_MM), mm(ReportLayout.MARGIN_RIGHT_MM),
                mm(ReportLayout.MARGIN_TOP_MM), mm(ReportLayout.MARGIN_BOTTOM_MM));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new PageMarks(faces, doc.heading().draft()));
            document.addTitle(nfc(doc.subject()));
            document.addAuthor(nfc(doc.heading().agencyName()));
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("vi-VN"));
            document.open();
            Content content = new Content(document, writer, faces);
            content.heading(doc.heading());
            content.title(doc);
            if (doc.sections() != null) {
                for (ReportDocument.Section section : doc.sections()) {
                    content.section(section);
                }
            }
            content.closing(doc);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not lay out the PDF report", e);
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- fonts

    private static List<byte[]> readLiberation() {
        try {
            return LIBERATION.stream().map(PdfRenderer::classPathFont).toList();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("Liberation Serif is missing from the class path (openpdf-fonts-extra)", e);
        }
    }

    private static byte[] classPathFont(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/liberation/" + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("No /liberation/" + name));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The four Times New Roman faces of the directory, or null (with a warning) when they cannot be used. */
    private static Faces readTimes(Path directory) {
        if (!Files.isDirectory(directory)) {
            log.warn("Font directory {} does not exist; PDF reports use Liberation Serif", directory);
            return null;
        }
        Map<String, Path> files = new HashMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.filter(Files::isRegularFile)
                    .forEach(file -> files.putIfAbsent(file.getFileName().toString().toLowerCase(Locale.ROOT), file));
        } catch (IOException e) {
            log.warn("Cannot list font directory {}; PDF reports use Liberation Serif", directory, e);
            return null;
        }
        if (!files.keySet().containsAll(TIMES)) {
            log.warn("Font directory {} lacks one of {}; PDF reports use Liberation Serif", directory, TIMES);
            return null;
        }
        try {
            List<byte[]> bytes = new ArrayList<>();
            for (String name : TIMES) {
                bytes.add(Files.readAllBytes(files.get(name)));
            }
            return faces(TIMES, bytes);
        } catch (IOException | RuntimeException e) {
            log.warn("Cannot use the Times New Roman files in {}; PDF reports use Liberation Serif", directory, e);
            return null;
        }
    }

    private static Faces faces(List<String> names, List<byte[]> files) {
        BaseFont[] fonts = new BaseFont[4];
        for (int i = 0; i < 4; i++) {
            try {
                // Not in OpenPDF's static cache, which is keyed by name: the renderer keeps its own.
                fonts[i] = BaseFont.createFont(names.get(i), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                        files.get(i), null);
            } catch (DocumentException | IOException e) {
                throw new IllegalStateException("Cannot load font " + names.get(i), e);
            }
        }
        return new Faces(fonts[0], fonts[1], fonts[2], fonts[3]);
    }

    private record Faces(BaseFont regular, BaseFont bold, BaseFont italic, BaseFont boldItalic) {
        Font font(float size, boolean isBold, boolean isItalic) {
            BaseFont base = isBold ? (isItalic ? boldItalic : bold) : (isItalic ? italic : regular);
            return new Font(base, size);
        }

        Font plain(float size) {
            return font(size, false, false);
        }

        Font strong(float size) {
            return font(size, true, false);
        }
    }

    /** Line height of single spacing in Times New Roman (ascent + descent + gap ≈ 1.15 em). */
    private static float single(float size) {
        return size * 1.15f;
    }

    /** Line height of "1.15 lines" as a word processor sets it. */
    private static float bodyLeading(float size) {
        return single(size) * 1.15f;
    }

    // ---------------------------------------------------------------- page marks

    /** The "DỰ THẢO" box on page 1 of a draft and the page numbers from page 2, in the top margin. */
    private static final class PageMarks extends PdfPageEventHelper {
        private final Faces faces;
        private final boolean draft;

        PageMarks(Faces faces, boolean draft) {
            this.faces = faces;
            this.draft = draft;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            float top = document.getPageSize().getHeight();
            int page = writer.getPageNumber();
            if (page == 1 && draft) {
                Font font = faces.strong(13);
                float textWidth = faces.bold().getWidthPoint(ReportLayout.DRAFT_MARK, 13);
                float left = document.left();
                float bottom = top - mm(15.5f);
                float height = 20f;
                float width = textWidth + 16f;
                canvas.saveState();
                canvas.setLineWidth(1f);
                canvas.rectangle(left, bottom, width, height);
                canvas.stroke();
                canvas.restoreState();
                ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(ReportLayout.DRAFT_MARK, font),
                        left + width / 2, bottom + 6f, 0);
            }
            if (page >= 2) {
                float centre = (document.left() + document.right()) / 2;
                ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
                        new Phrase(String.valueOf(page), faces.plain(13)), centre, top - mm(12f), 0);
            }
        }
    }

    // ---------------------------------------------------------------- content

    /** The state of one render call: the document, its writer and its fonts. */
    private static final class Content {
        private final Document document;
        private final PdfWriter writer;
        private final Faces faces;

        Content(Document document, PdfWriter writer, Faces faces) {
            this.document = document;
            this.writer = writer;
            this.faces = faces;
        }

        void heading(ReportDocument.Heading heading) throws DocumentException {
            float[] shares = {ReportLayout.HEADING_LEFT_SHARE, 1 - ReportLayout.HEADING_LEFT_SHARE};
            PdfPTable table = layoutTable(shares);
            float leftWidth = TEXT_WIDTH * shares[0];
            float rightWidth = TEXT_WIDTH * shares[1];

            PdfPCell left = layoutCell();
            left.addElement(centred(upper(heading.superiorName()), faces.plain(13), single(13)));
            left.addElement(centred(upper(heading.agencyName()), faces.strong(13), single(13)));
            left.addElement(rule(AGENCY_RULE / leftWidth, faces.plain(6)));
            Paragraph number = centred(heading.number(), faces.plain(13), single(13));
            number.setSpacingBefore(6f);
            left.addElement(number);
            table.addCell(left);

            PdfPCell right = layoutCell();
            right.addElement(centred(ReportLayout.NATIONAL_NAME, faces.strong(13), single(13)));
            right.addElement(centred(ReportLayout.NATIONAL_MOTTO, faces.strong(14), single(14)));
            float motto = faces.bold().getWidthPoint(ReportLayout.NATIONAL_MOTTO, 14);
            right.addElement(rule(motto / rightWidth, faces.plain(6)));
            Paragraph date = centred(heading.placeAndDate(), faces.font(14, false, true), single(14));
            date.setSpacingBefore(6f);
            right.addElement(date);
            table.addCell(right);
            document.add(table);
        }

        void title(ReportDocument doc) throws DocumentException {
            space(18f);
            document.add(centred(doc.title(), faces.strong(14), single(14)));
            document.add(centred(doc.subject(), faces.strong(14), single(14)));
            document.add(rule(SUBJECT_RULE / TEXT_WIDTH, faces.plain(6)));
            space(12f);
        }

        void section(ReportDocument.Section section) throws DocumentException {
            if (section.heading() != null && !section.heading().isBlank()) {
                // A heading never ends a page: it needs room for itself and two lines of what follows.
                keepRoom(4 * bodyLeading(14));
                space(6f);
                document.add(bodyParagraph(section.heading(), faces.strong(14)));
                space(SPACE_AFTER);
            }
            if (section.blocks() == null) {
                return;
            }
            for (ReportDocument.Block block : section.blocks()) {
                if (block instanceof ReportDocument.Paragraph paragraph) {
                    for (String line : ReportLayout.lines(paragraph.text())) {
                        document.add(bodyParagraph(line, faces.plain(14)));
                        space(SPACE_AFTER);
                    }
                } else if (block instanceof ReportDocument.Table table) {
                    table(table);
                } else if (block instanceof ReportDocument.BarChart chart) {
                    chart(chart);
                }
            }
        }

        private void table(ReportDocument.Table model) throws DocumentException {
            int columns = ReportLayout.columnCount(model);
            float size = columns > ReportLayout.WIDE_TABLE_COLUMNS ? 12 : 13;
            PdfPTable table = new PdfPTable(ReportLayout.columnWidths(model, TEXT_WIDTH, size, 2 * mm(1f)));
            table.setTotalWidth(TEXT_WIDTH);
            table.setLockedWidth(true);
            table.setHeaderRows(1);
            table.setSpacingAfter(SPACE_AFTER * 2);
            for (String text : ReportLayout.cells(model.header(), columns)) {
                PdfPCell cell = gridCell(text, faces.strong(size), Element.ALIGN_CENTER);
                cell.setBackgroundColor(HEADER_SHADE);
                table.addCell(cell);
            }
            for (List<String> row : ReportLayout.rows(model)) {
                addRow(table, ReportLayout.cells(row, columns), faces.plain(size));
            }
            if (model.footer() != null && !model.footer().isEmpty()) {
                addRow(table, ReportLayout.cells(model.footer(), columns), faces.strong(size));
            }

            Paragraph caption = null;
            float captionHeight = 0;
            if (model.caption() != null && !model.caption().isBlank()) {
                caption = centred(model.caption(), faces.strong(14), single(14));
                captionHeight = 6f + 2 * single(14);
            }
            // The caption stays with the header row and the first rows of the table.
            float start = captionHeight;
            for (int i = 0; i < Math.min(3, table.size()); i++) {
                start += table.getRowHeight(i);
            }
            keepRoom(start);
            if (caption != null) {
                document.add(caption);
                space(6f);
            }
            document.add(table);
        }

        private void addRow(PdfPTable table, List<String> cells, Font font) {
            for (String text : cells) {
                table.addCell(gridCell(text, font,
                        ReportLayout.looksNumeric(text) ? Element.ALIGN_CENTER : Element.ALIGN_LEFT));
            }
        }

        private void chart(ReportDocument.BarChart model) throws DocumentException {
            ReportLayout.checkChart(model);
            if (model.categories().isEmpty()) {
                return;
            }
            int scale = ReportLayout.chartScale(model);
            Font labelFont = faces.plain(12);
            // The label column fits the longest label on one line, within a quarter and 45 % of the width.
            float labels = 0;
            for (String category : model.categories()) {
                labels = Math.max(labels, TextMeasure.width(nfc(category), 12, false));
            }
            float labelWidth = Math.max(0.25f * TEXT_WIDTH, Math.min(0.45f * TEXT_WIDTH, labels + 10f));
            PdfPTable table = new PdfPTable(new float[] {labelWidth, TEXT_WIDTH - labelWidth});
            table.setTotalWidth(TEXT_WIDTH);
            table.setLockedWidth(true);
            table.setKeepTogether(true);
            table.setSpacingBefore(6f);
            table.setSpacingAfter(SPACE_AFTER * 2);
            for (int i = 0; i < model.categories().size(); i++) {
                PdfPCell label = new PdfPCell(new Phrase(nfc(model.categories().get(i)), labelFont));
                label.setBorder(Rectangle.NO_BORDER);
                label.setHorizontalAlignment(Element.ALIGN_RIGHT);
                label.setVerticalAlignment(Element.ALIGN_MIDDLE);
                label.setMinimumHeight(CHART_ROW_HEIGHT);
                label.setPaddingRight(6f);
                label.setUseAscender(true);
                label.setUseDescender(true);
                table.addCell(label);

                int value = ReportLayout.value(model, i);
                Integer maximum = ReportLayout.hasMaxima(model) ? model.maxima().get(i) : null;
                PdfPCell bar = new PdfPCell();
                bar.setBorder(Rectangle.NO_BORDER);
                bar.setMinimumHeight(CHART_ROW_HEIGHT);
                bar.setCellEvent(new Bar(value, maximum, scale, ReportLayout.barLabel(model, i), labelFont));
                table.addCell(bar);
            }
            String seriesLabel = nfc(model.seriesLabel());
            if (!seriesLabel.isBlank()) {
                PdfPCell legend = new PdfPCell(new Phrase(seriesLabel, labelFont));
                legend.setColspan(2);
                legend.setBorder(Rectangle.NO_BORDER);
                legend.setHorizontalAlignment(Element.ALIGN_CENTER);
                legend.setPaddingTop(6f);
                legend.setCellEvent(new LegendKey(faces.regular().getWidthPoint(seriesLabel, 12)));
                table.addCell(legend);
            }
            PdfPCell caption = new PdfPCell(new Phrase(nfc(model.caption()), faces.font(14, false, true)));
            caption.setColspan(2);
            caption.setBorder(Rectangle.NO_BORDER);
            caption.setHorizontalAlignment(Element.ALIGN_CENTER);
            caption.setPaddingTop(4f);
            caption.setLeading(0, 1.15f);
            table.addCell(caption);
            document.add(table);
        }

        void closing(ReportDocument doc) throws DocumentException {
            float[] shares = {ReportLayout.CLOSING_LEFT_SHARE, 1 - ReportLayout.CLOSING_LEFT_SHARE};
            PdfPTable table = layoutTable(shares);
            table.setKeepTogether(true);
            table.setSpacingBefore(12f);

            PdfPCell left = layoutCell();
            Paragraph recipients = new Paragraph(single(12), ReportLayout.RECIPIENTS, faces.font(12, true, true));
            left.addElement(recipients);
            if (doc.distribution() != null) {
                for (String line : doc.distribution()) {
                    left.addElement(new Paragraph(single(11), "- " + nfc(line), faces.plain(11)));
                }
            }
            table.addCell(left);

            PdfPCell right = layoutCell();
            ReportDocument.Signature signature = doc.signature();
            for (String line : nfc(signature.authority()).split("\\R")) {
                right.addElement(centred(line.strip(), faces.strong(14), single(14)));
            }
            right.addElement(centred(signature.title(), faces.strong(14), single(14)));
            Paragraph name = centred(signature.name(), faces.strong(14), single(14));
            name.setSpacingBefore(4 * single(14));
            right.addElement(name);
            table.addCell(right);
            document.add(table);
        }

        // ------------------------------------------------------------ helpers

        /** Starts a new page unless {@code height} points are left on this one. */
        private void keepRoom(float height) {
            float left = writer.getVerticalPosition(false) - document.bottom();
            if (left < height) {
                document.newPage();
            }
        }

        /**
         * Vertical space before the next element, unless the page has nothing on it yet. Not
         * {@code Paragraph.setSpacingBefore/After}: OpenPDF fills that space with a space character, which
         * text extraction then reads into the neighbouring line ("c hỉ tiêu").
         */
        private void space(float points) throws DocumentException {
            if (writer.getVerticalPosition(false) >= document.top() - 0.5f) {
                return;
            }
            Font font = faces.plain(1);
            Paragraph spacer = new Paragraph(points, "", font);
            Chunk mark = new Chunk(new VerticalPositionMark());
            mark.setFont(font);
            spacer.add(mark);
            document.add(spacer);
        }

        private Paragraph bodyParagraph(String text, Font font) {
            Paragraph p = new Paragraph(bodyLeading(14), nfc(text), font);
            p.setAlignment(Element.ALIGN_JUSTIFIED);
            p.setFirstLineIndent(FIRST_LINE_INDENT);
            return p;
        }

        private PdfPCell gridCell(String text, Font font, int alignment) {
            PdfPCell cell = new PdfPCell(new Phrase(nfc(text), font));
            cell.setHorizontalAlignment(alignment);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setBorderWidth(0.5f);
            cell.setPaddingLeft(mm(1f));
            cell.setPaddingRight(mm(1f));
            cell.setPaddingTop(3f);
            cell.setPaddingBottom(5f);
            cell.setUseAscender(true);
            cell.setUseDescender(true);
            cell.setLeading(0, 1.15f);
            return cell;
        }
    }

    private static PdfPTable layoutTable(float[] shares) {
        PdfPTable table = new PdfPTable(shares);
        table.setTotalWidth(TEXT_WIDTH);
        table.setLockedWidth(true);
        return table;
    }

    private static PdfPCell layoutCell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setUseAscender(true);
        return cell;
    }

    private static Paragraph centred(String text, Font font, float leading) {
        Paragraph p = new Paragraph(leading, nfc(text), font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    /**
     * A short centred line, {@code share} of the available width, under the line above and clear of its
     * diacritics. The font is only there so that no other font enters the PDF.
     */
    private static Paragraph rule(float share, Font font) {
        Paragraph p = new Paragraph(RULE_LEADING, "", font);
        Chunk line = new Chunk(new LineSeparator(0.6f, Math.min(100f, share * 100f), Color.BLACK, Element.ALIGN_CENTER, 0f));
        line.setFont(font);
        p.add(line);
        return p;
    }

    private static String upper(String text) {
        return nfc(text).toUpperCase(Locale.forLanguageTag("vi"));
    }

    /** Draws one bar: a pale track for the maximum, the value over it, and "value/maximum" after them. */
    private record Bar(int value, Integer maximum, int scale, String label, Font font) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            float left = position.getLeft();
            float full = position.getWidth() - CHART_VALUE_ROOM;
            float middle = (position.getTop() + position.getBottom()) / 2;
            float height = Math.min(12f, position.getHeight() - 6f);
            float valueEnd = full * Math.max(0, value) / scale;
            float trackEnd = maximum == null ? valueEnd : full * Math.max(0, maximum) / scale;
            canvas.saveState();
            if (trackEnd > 0) {
                canvas.setColorFill(BAR_TRACK);
                canvas.rectangle(left, middle - height / 2, trackEnd, height);
                canvas.fill();
            }
            if (valueEnd > 0) {
                canvas.setColorFill(BAR);
                canvas.rectangle(left, middle - height / 2, valueEnd, height);
                canvas.fill();
            }
            // The axis: one continuous line down the left edge of the bars.
            canvas.setLineWidth(0.6f);
            canvas.setColorStroke(Color.DARK_GRAY);
            canvas.moveTo(left, position.getTop());
            canvas.lineTo(left, position.getBottom());
            canvas.stroke();
            canvas.restoreState();
            ColumnText.showTextAligned(canvases[PdfPTable.TEXTCANVAS], Element.ALIGN_LEFT, new Phrase(label, font),
                    left + Math.max(valueEnd, trackEnd) + 4f, middle - 4f, 0);
        }
    }

    /** A small square in the bar colour before the series label. */
    private record LegendKey(float textWidth) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            float centre = (position.getLeft() + position.getRight()) / 2;
            float x = centre - textWidth / 2 - 14f;
            float y = position.getBottom() + cell.getPaddingBottom() + 1f;
            canvas.saveState();
            canvas.setColorFill(BAR);
            canvas.rectangle(x, y, 9f, 9f);
            canvas.fill();
            canvas.restoreState();
        }
    }
}
