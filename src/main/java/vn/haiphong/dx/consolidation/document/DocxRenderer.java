package vn.haiphong.dx.consolidation.document;

import static vn.haiphong.dx.consolidation.document.ReportLayout.nfc;
import static vn.haiphong.dx.consolidation.document.ReportLayout.twips;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

import javax.xml.namespace.QName;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.main.CTShapeProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextFont;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTParaRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblCellMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * Renders a {@link ReportDocument} as a Word document laid out as Decree 30/2020/NĐ-CP, Appendix I asks:
 * A4 portrait, Times New Roman, the two-column heading, a native Word bar chart, the "Nơi nhận" and
 * signer block, page numbers centred at the top from page 2.
 *
 * <p>Stateless, hence safe to share between threads.
 */
public final class DocxRenderer {

    private static final String FONT = "Times New Roman";

    private static final int PAGE_WIDTH = 11906;
    private static final int PAGE_HEIGHT = 16838;
    private static final int MARGIN_TOP = twips(ReportLayout.MARGIN_TOP_MM);
    private static final int MARGIN_BOTTOM = twips(ReportLayout.MARGIN_BOTTOM_MM);
    private static final int MARGIN_LEFT = twips(ReportLayout.MARGIN_LEFT_MM);
    private static final int MARGIN_RIGHT = twips(ReportLayout.MARGIN_RIGHT_MM);
    private static final int TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    private static final int FIRST_LINE_INDENT = twips(10f);
    private static final int SPACE_AFTER = 120;
    /** "Multiple 1.15" in 240ths of a line. */
    private static final int LINE_115 = 276;
    private static final int SINGLE_LINE = 240;
    /** Left and right padding of a table cell: 1 mm. */
    private static final int CELL_MARGIN = twips(1f);

    /** Width of the rule under the national motto: the motto's width in Times New Roman bold 14 pt. */
    private static final int MOTTO_RULE = Math.round(TextMeasure.width(ReportLayout.NATIONAL_MOTTO, 14, true) * 20);
    private static final int AGENCY_RULE = 1500;
    private static final int SUBJECT_RULE = 2800;

    private static final long EMU_PER_CM = 360_000L;
    private static final String CHART_NAMESPACE = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static final String BAR_COLOUR = "2F5597";
    private static final String TRACK_COLOUR = "DDE3EE";
    private static final String HEADER_SHADE = "D9D9D9";

    public DocxRenderer() {}

    public byte[] render(ReportDocument doc) {
        Objects.requireNonNull(doc, "doc");
        try (XWPFDocument docx = new XWPFDocument()) {
            setUpPage(docx);
            setUpStyles(docx);
            addPageHeaders(docx, doc.heading());
            addHeading(docx, doc.heading());
            addTitle(docx, doc);
            if (doc.sections() != null) {
                for (ReportDocument.Section section : doc.sections()) {
                    addSection(docx, section);
                }
            }
            addClosing(docx, doc);
            docx.getProperties().getCoreProperties().setTitle(nfc(doc.subject()));
            docx.getProperties().getCoreProperties().setCreator(nfc(doc.heading().agencyName()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the DOCX report", e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("Could not create the chart of the DOCX report", e);
        }
    }

    // ---------------------------------------------------------------- page, styles, headers

    private static void setUpPage(XWPFDocument docx) {
        CTSectPr section = section(docx);
        CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
        size.setW(BigInteger.valueOf(PAGE_WIDTH));
        size.setH(BigInteger.valueOf(PAGE_HEIGHT));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(MARGIN_TOP));
        margins.setBottom(BigInteger.valueOf(MARGIN_BOTTOM));
        margins.setLeft(BigInteger.valueOf(MARGIN_LEFT));
        margins.setRight(BigInteger.valueOf(MARGIN_RIGHT));
        margins.setHeader(BigInteger.valueOf(twips(10f)));
        margins.setFooter(BigInteger.valueOf(twips(10f)));
        margins.setGutter(BigInteger.ZERO);
        // The first page has its own (number-less) header: page numbers start on page 2.
        if (!section.isSetTitlePg()) {
            section.addNewTitlePg();
        }
    }

    private static CTSectPr section(XWPFDocument docx) {
        var body = docx.getDocument().getBody();
        return body.isSetSectPr() ? body.getSectPr() : body.addNewSectPr();
    }

    private static void setUpStyles(XWPFDocument docx) {
        CTStyles styles = CTStyles.Factory.newInstance();
        CTDocDefaults defaults = styles.addNewDocDefaults();
        CTRPr defaultRun = defaults.addNewRPrDefault().addNewRPr();
        fonts(defaultRun.addNewRFonts());
        defaultRun.addNewSz().setVal(BigInteger.valueOf(28));
        defaultRun.addNewSzCs().setVal(BigInteger.valueOf(28));
        defaultRun.addNewLang().setVal("vi-VN");
        CTPPrGeneral defaultParagraph = defaults.addNewPPrDefault().addNewPPr();
        CTSpacing spacing = defaultParagraph.addNewSpacing();
        spacing.setAfter(BigInteger.valueOf(SPACE_AFTER));
        spacing.setLine(BigInteger.valueOf(LINE_115));
        spacing.setLineRule(STLineSpacingRule.AUTO);

        CTStyle normal = styles.addNewStyle();
        normal.setType(STStyleType.PARAGRAPH);
        normal.setStyleId("Normal");
        normal.setDefault(Boolean.TRUE);
        normal.addNewName().setVal("Normal");
        normal.addNewQFormat();
        CTRPr normalRun = normal.addNewRPr();
        fonts(normalRun.addNewRFonts());
        normalRun.addNewSz().setVal(BigInteger.valueOf(28));
        normalRun.addNewSzCs().setVal(BigInteger.valueOf(28));

        docx.createStyles().setStyles(styles);
    }

    private static void addPageHeaders(XWPFDocument docx, ReportDocument.Heading heading) {
        XWPFHeader first = docx.createHeader(HeaderFooterType.FIRST);
        XWPFParagraph firstParagraph = first.getParagraphs().isEmpty() ? first.createParagraph() : first.getParagraphs().get(0);
        compact(firstParagraph, ParagraphAlignment.LEFT);
        if (heading.draft()) {
            // A boxed "DỰ THẢO" at the top left of the first page, above the national heading.
            firstParagraph.setIndentationRight(TEXT_WIDTH - twips(30f));
            CTPBdr box = borders(firstParagraph);
            for (CTBorder side : new CTBorder[] {box.addNewTop(), box.addNewLeft(), box.addNewBottom(), box.addNewRight()}) {
                line(side, 12, 2);
            }
            firstParagraph.setAlignment(ParagraphAlignment.CENTER);
            run(firstParagraph, ReportLayout.DRAFT_MARK, 13, true, false);
        }

        XWPFHeader other = docx.createHeader(HeaderFooterType.DEFAULT);
        XWPFParagraph number = other.getParagraphs().isEmpty() ? other.createParagraph() : other.getParagraphs().get(0);
        compact(number, ParagraphAlignment.CENTER);
        CTSimpleField field = number.getCTP().addNewFldSimple();
        field.setInstr(" PAGE ");
        var fieldRun = field.addNewR();
        CTRPr fieldFormat = fieldRun.addNewRPr();
        fonts(fieldFormat.addNewRFonts());
        fieldFormat.addNewSz().setVal(BigInteger.valueOf(26));
        fieldFormat.addNewSzCs().setVal(BigInteger.valueOf(26));
        fieldRun.addNewT().setStringValue("2");
    }

    // ---------------------------------------------------------------- heading, title

    private static void addHeading(XWPFDocument docx, ReportDocument.Heading heading) {
        int leftWidth = Math.round(TEXT_WIDTH * ReportLayout.HEADING_LEFT_SHARE);
        int rightWidth = TEXT_WIDTH - leftWidth;
        XWPFTable table = layoutTable(docx, new int[] {leftWidth, rightWidth}, 0);
        XWPFTableRow row = table.getRow(0);

        XWPFTableCell left = row.getCell(0);
        XWPFParagraph superior = firstParagraph(left);
        compact(superior, ParagraphAlignment.CENTER);
        run(superior, upper(heading.superiorName()), 13, false, false);
        XWPFParagraph agency = left.addParagraph();
        compact(agency, ParagraphAlignment.CENTER);
        run(agency, upper(heading.agencyName()), 13, true, false);
        rule(left.addParagraph(), leftWidth, AGENCY_RULE);
        XWPFParagraph number = left.addParagraph();
        compact(number, ParagraphAlignment.CENTER);
        number.setSpacingBefore(120);
        run(number, heading.number(), 13, false, false);

        XWPFTableCell right = row.getCell(1);
        XWPFParagraph nation = firstParagraph(right);
        compact(nation, ParagraphAlignment.CENTER);
        run(nation, ReportLayout.NATIONAL_NAME, 13, true, false);
        XWPFParagraph motto = right.addParagraph();
        compact(motto, ParagraphAlignment.CENTER);
        run(motto, ReportLayout.NATIONAL_MOTTO, 14, true, false);
        rule(right.addParagraph(), rightWidth, MOTTO_RULE);
        XWPFParagraph date = right.addParagraph();
        compact(date, ParagraphAlignment.CENTER);
        date.setSpacingBefore(120);
        run(date, heading.placeAndDate(), 14, false, true);
    }

    private static void addTitle(XWPFDocument docx, ReportDocument doc) {
        XWPFParagraph title = docx.createParagraph();
        compact(title, ParagraphAlignment.CENTER);
        title.setSpacingBefore(360);
        title.setKeepNext(true);
        run(title, doc.title(), 14, true, false);
        XWPFParagraph subject = docx.createParagraph();
        compact(subject, ParagraphAlignment.CENTER);
        subject.setKeepNext(true);
        run(subject, doc.subject(), 14, true, false);
        XWPFParagraph rule = docx.createParagraph();
        rule(rule, TEXT_WIDTH, SUBJECT_RULE);
        rule.setSpacingAfter(240);
    }

    // ---------------------------------------------------------------- body

    private static void addSection(XWPFDocument docx, ReportDocument.Section section)
            throws InvalidFormatException, IOException {
        if (section.heading() != null && !section.heading().isBlank()) {
            XWPFParagraph heading = docx.createParagraph();
            body(heading);
            heading.setSpacingBefore(120);
            heading.setKeepNext(true);
            run(heading, section.heading(), 14, true, false);
        }
        if (section.blocks() == null) {
            return;
        }
        for (ReportDocument.Block block : section.blocks()) {
            if (block instanceof ReportDocument.Paragraph paragraph) {
                for (String line : ReportLayout.lines(paragraph.text())) {
                    XWPFParagraph p = docx.createParagraph();
                    body(p);
                    run(p, line, 14, false, false);
                }
            } else if (block instanceof ReportDocument.Table table) {
                addTable(docx, table);
            } else if (block instanceof ReportDocument.BarChart chart) {
                addChart(docx, chart);
            }
        }
    }

    private static void addTable(XWPFDocument docx, ReportDocument.Table table) {
        int columns = ReportLayout.columnCount(table);
        double size = columns > ReportLayout.WIDE_TABLE_COLUMNS ? 12 : 13;
        if (table.caption() != null && !table.caption().isBlank()) {
            XWPFParagraph caption = docx.createParagraph();
            compact(caption, ParagraphAlignment.CENTER);
            caption.setSpacingBefore(120);
            caption.setSpacingAfter(120);
            caption.setKeepNext(true);
            run(caption, table.caption(), 14, true, false);
        }
        float[] points = ReportLayout.columnWidths(table, TEXT_WIDTH / 20f, (float) size, 2 * CELL_MARGIN / 20f);
        int[] widths = new int[columns];
        int used = 0;
        for (int i = 0; i < columns; i++) {
            widths[i] = i == columns - 1 ? TEXT_WIDTH - used : Math.round(points[i] * 20);
            used += widths[i];
        }
        List<List<String>> rows = ReportLayout.rows(table);
        boolean hasFooter = table.footer() != null && !table.footer().isEmpty();
        XWPFTable grid = layoutTable(docx, widths, CELL_MARGIN);
        gridBorders(grid);
        List<String> header = ReportLayout.cells(table.header(), columns);
        XWPFTableRow headerRow = grid.getRow(0);
        headerRow.setRepeatHeader(true);
        headerRow.setCantSplitRow(true);
        for (int i = 0; i < columns; i++) {
            XWPFTableCell cell = headerRow.getCell(i);
            shade(cell, HEADER_SHADE);
            cellText(cell, header.get(i), size, true, ParagraphAlignment.CENTER);
        }
        for (List<String> values : rows) {
            addDataRow(grid, widths, ReportLayout.cells(values, columns), size, false);
        }
        if (hasFooter) {
            addDataRow(grid, widths, ReportLayout.cells(table.footer(), columns), size, true);
        }
        // A small gap keeps a following table from merging into this one and separates it from the text.
        XWPFParagraph gap = docx.createParagraph();
        compact(gap, ParagraphAlignment.LEFT);
        gap.setSpacingAfter(120);
    }

    private static void addDataRow(XWPFTable grid, int[] widths, List<String> cells, double size, boolean bold) {
        XWPFTableRow row = grid.createRow();
        row.setCantSplitRow(true);
        for (int i = 0; i < widths.length; i++) {
            XWPFTableCell cell = row.getCell(i) != null ? row.getCell(i) : row.addNewTableCell();
            width(cell, widths[i]);
            String text = cells.get(i);
            ParagraphAlignment alignment = ReportLayout.looksNumeric(text) ? ParagraphAlignment.CENTER : ParagraphAlignment.LEFT;
            cellText(cell, text, size, bold, alignment);
        }
    }

    private static void addChart(XWPFDocument docx, ReportDocument.BarChart model) throws InvalidFormatException, IOException {
        ReportLayout.checkChart(model);
        int count = model.categories().size();
        if (count == 0) {
            return;
        }
        XWPFParagraph holder = docx.createParagraph();
        compact(holder, ParagraphAlignment.CENTER);
        holder.setSpacingBefore(120);
        holder.setKeepNext(true);
        XWPFRun run = run(holder, "", 14, false, false);
        int width = (int) (16 * EMU_PER_CM);
        int height = (int) Math.round((1.5 + 0.8 * count) * EMU_PER_CM);
        XWPFChart chart = docx.createChart(run, width, height);
        chart.setAutoTitleDeleted(true);
        chartText(chart);

        String[] categories = new String[count];
        Integer[] values = new Integer[count];
        for (int i = 0; i < count; i++) {
            categories[i] = nfc(model.categories().get(i));
            values[i] = ReportLayout.value(model, i);
        }
        XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        // First category at the top, as in the table; the value axis then sits at the bottom.
        categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
        valueAxis.setCrosses(AxisCrosses.MAX);
        valueAxis.setMinimum(0);
        valueAxis.setMaximum(ReportLayout.chartScale(model));
        valueAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        valueAxis.setMajorTickMark(AxisTickMark.OUT);
        valueAxis.getOrAddMajorGridProperties();
        categoryAxis.setMajorTickMark(AxisTickMark.NONE);

        XDDFCategoryDataSource categoryData = XDDFDataSourcesFactory.fromArray(categories,
                chart.formatRange(new CellRangeAddress(1, count, 0, 0)), 0);
        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
        bars.setBarDirection(BarDirection.BAR);
        bars.setVaryColors(false);
        bars.setGapWidth(60);
        if (ReportLayout.hasMaxima(model)) {
            // The maxima as a pale track behind each bar, as in the PDF: a nameless second series drawn
            // first and fully overlapped by the values.
            Integer[] maxima = new Integer[count];
            for (int i = 0; i < count; i++) {
                maxima[i] = model.maxima().get(i) == null ? 0 : model.maxima().get(i);
            }
            XDDFNumericalDataSource<Integer> maximumData = XDDFDataSourcesFactory.fromArray(maxima,
                    chart.formatRange(new CellRangeAddress(1, count, 2, 2)), 2);
            XDDFChartData.Series track = bars.addSeries(categoryData, maximumData);
            track.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(hex(TRACK_COLOUR))));
        }
        XDDFNumericalDataSource<Integer> valueData = XDDFDataSourcesFactory.fromArray(values,
                chart.formatRange(new CellRangeAddress(1, count, 1, 1)), 1);
        XDDFChartData.Series series = bars.addSeries(categoryData, valueData);
        String label = nfc(model.seriesLabel());
        series.setTitle(label, chart.setSheetTitle(label, 1));
        series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(hex(BAR_COLOUR))));
        chart.plot(bars);
        if (ReportLayout.hasMaxima(model)) {
            CTBarChart barChart = chart.getCTChart().getPlotArea().getBarChartArray(0);
            // POI leaves an empty (schema-invalid) <c:tx/> on a series without a title.
            if (barChart.getSerArray(0).isSetTx()) {
                barChart.getSerArray(0).unsetTx();
            }
            overlapFully(barChart);
        }
        showValues((XDDFBarChartData.Series) series);
        // The measured quantity names the value axis. No legend: a legend would also list the nameless
        // track, and word processors disagree on which entry <c:legendEntry> hides in a bar chart.
        valueAxis.setTitle(label);
        // No frame around the chart: it sits in the text like a figure.
        var space = chart.getCTChartSpace();
        (space.isSetRoundedCorners() ? space.getRoundedCorners() : space.addNewRoundedCorners()).setVal(false);
        CTShapeProperties frame = space.isSetSpPr() ? space.getSpPr() : space.addNewSpPr();
        (frame.isSetLn() ? frame.getLn() : frame.addNewLn()).addNewNoFill();

        XWPFParagraph caption = docx.createParagraph();
        compact(caption, ParagraphAlignment.CENTER);
        caption.setSpacingBefore(60);
        caption.setSpacingAfter(SPACE_AFTER);
        run(caption, model.caption(), 14, false, true);
    }

    private static byte[] hex(String rgb) {
        return new byte[] {(byte) Integer.parseInt(rgb.substring(0, 2), 16),
                (byte) Integer.parseInt(rgb.substring(2, 4), 16), (byte) Integer.parseInt(rgb.substring(4, 6), 16)};
    }

    /** Every text of the chart in Times New Roman 12 pt. */
    private static void chartText(XWPFChart chart) {
        var space = chart.getCTChartSpace();
        CTTextBody text = space.isSetTxPr() ? space.getTxPr() : space.addNewTxPr();
        text.addNewBodyPr();
        text.addNewLstStyle();
        CTTextCharacterProperties format = text.addNewP().addNewPPr().addNewDefRPr();
        format.setSz(1200);
        for (CTTextFont font : new CTTextFont[] {format.addNewLatin(), format.addNewEa(), format.addNewCs()}) {
            font.setTypeface(FONT);
        }
    }

    /**
     * Draws the series of the chart on top of each other ({@code <c:overlap val="100"/>}) so that each value
     * bar covers its track. Written as plain XML because {@code XDDFBarChartData.setOverlap} needs the
     * schema type ST_OverlapPercent, which poi-ooxml-lite does not contain (only poi-ooxml-full does).
     */
    private static void overlapFully(CTBarChart barChart) {
        try (XmlCursor cursor = barChart.getGapWidth().newCursor()) {
            cursor.toEndToken();
            cursor.toNextToken();
            cursor.beginElement(new QName(CHART_NAMESPACE, "overlap", "c"));
            cursor.insertAttributeWithValue("val", "100");
        }
    }

    /** The value at the end of each bar. */
    private static void showValues(XDDFBarChartData.Series series) {
        var ser = series.getCTBarSer();
        var labels = ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls();
        labels.addNewShowLegendKey().setVal(false);
        labels.addNewShowVal().setVal(true);
        labels.addNewShowCatName().setVal(false);
        labels.addNewShowSerName().setVal(false);
        labels.addNewShowPercent().setVal(false);
        labels.addNewShowBubbleSize().setVal(false);
    }

    // ---------------------------------------------------------------- closing

    private static void addClosing(XWPFDocument docx, ReportDocument doc) {
        XWPFParagraph gap = docx.createParagraph();
        compact(gap, ParagraphAlignment.LEFT);
        gap.setSpacingAfter(120);
        int leftWidth = Math.round(TEXT_WIDTH * ReportLayout.CLOSING_LEFT_SHARE);
        XWPFTable table = layoutTable(docx, new int[] {leftWidth, TEXT_WIDTH - leftWidth}, 0);
        table.getRow(0).setCantSplitRow(true);

        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFParagraph recipients = firstParagraph(left);
        compact(recipients, ParagraphAlignment.LEFT);
        run(recipients, ReportLayout.RECIPIENTS, 12, true, true);
        if (doc.distribution() != null) {
            for (String line : doc.distribution()) {
                XWPFParagraph p = left.addParagraph();
                compact(p, ParagraphAlignment.LEFT);
                run(p, "- " + nfc(line), 11, false, false);
            }
        }

        XWPFTableCell right = table.getRow(0).getCell(1);
        ReportDocument.Signature signature = doc.signature();
        XWPFParagraph current = firstParagraph(right);
        boolean first = true;
        for (String line : nfc(signature.authority()).split("\\R")) {
            XWPFParagraph p = first ? current : right.addParagraph();
            first = false;
            compact(p, ParagraphAlignment.CENTER);
            run(p, line.strip(), 14, true, false);
        }
        XWPFParagraph title = right.addParagraph();
        compact(title, ParagraphAlignment.CENTER);
        run(title, signature.title(), 14, true, false);
        for (int i = 0; i < 4; i++) {
            compact(right.addParagraph(), ParagraphAlignment.CENTER);
        }
        XWPFParagraph name = right.addParagraph();
        compact(name, ParagraphAlignment.CENTER);
        run(name, signature.name(), 14, true, false);
    }

    // ---------------------------------------------------------------- helpers

    /** A full-width table with fixed column widths and no borders. */
    private static XWPFTable layoutTable(XWPFDocument docx, int[] widths, int sideMargin) {
        XWPFTable table = docx.createTable(1, widths.length);
        CTTblPr properties = table.getCTTbl().getTblPr() != null ? table.getCTTbl().getTblPr() : table.getCTTbl().addNewTblPr();
        CTTblWidth total = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        total.setType(STTblWidth.DXA);
        total.setW(BigInteger.valueOf(TEXT_WIDTH));
        (properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout()).setType(STTblLayoutType.FIXED);
        if (properties.isSetTblCellMar()) {
            properties.unsetTblCellMar();
        }
        CTTblCellMar margins = properties.addNewTblCellMar();
        for (CTTblWidth side : new CTTblWidth[] {margins.addNewLeft(), margins.addNewRight()}) {
            side.setType(STTblWidth.DXA);
            side.setW(BigInteger.valueOf(sideMargin));
        }
        if (properties.isSetTblBorders()) {
            properties.unsetTblBorders();
        }
        CTTblBorders borders = properties.addNewTblBorders();
        for (CTBorder side : new CTBorder[] {borders.addNewTop(), borders.addNewLeft(), borders.addNewBottom(),
                borders.addNewRight(), borders.addNewInsideH(), borders.addNewInsideV()}) {
            side.setVal(STBorder.NONE);
        }
        CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int i = 0; i < widths.length; i++) {
            grid.addNewGridCol().setW(BigInteger.valueOf(widths[i]));
            width(table.getRow(0).getCell(i), widths[i]);
        }
        return table;
    }

    private static void gridBorders(XWPFTable table) {
        CTTblBorders borders = table.getCTTbl().getTblPr().getTblBorders();
        for (CTBorder side : new CTBorder[] {borders.getTop(), borders.getLeft(), borders.getBottom(),
                borders.getRight(), borders.getInsideH(), borders.getInsideV()}) {
            line(side, 4, 0);
        }
    }

    private static void width(XWPFTableCell cell, int width) {
        CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTTblWidth w = properties.isSetTcW() ? properties.getTcW() : properties.addNewTcW();
        w.setType(STTblWidth.DXA);
        w.setW(BigInteger.valueOf(width));
    }

    private static void shade(XWPFTableCell cell, String fill) {
        CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
        CTShd shading = properties.isSetShd() ? properties.getShd() : properties.addNewShd();
        shading.setVal(STShd.CLEAR);
        shading.setColor("auto");
        shading.setFill(fill);
    }

    private static void cellText(XWPFTableCell cell, String text, double size, boolean bold, ParagraphAlignment alignment) {
        cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
        XWPFParagraph p = firstParagraph(cell);
        compact(p, alignment);
        p.setSpacingBefore(40);
        p.setSpacingAfter(40);
        run(p, text, size, bold, false);
    }

    private static XWPFParagraph firstParagraph(XWPFTableCell cell) {
        return cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
    }

    /** A justified body paragraph: first line indented 1 cm, 6 pt after, line spacing 1.15. */
    private static void body(XWPFParagraph p) {
        p.setAlignment(ParagraphAlignment.BOTH);
        p.setIndentationFirstLine(FIRST_LINE_INDENT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(SPACE_AFTER);
        spacing(p).setLine(BigInteger.valueOf(LINE_115));
        spacing(p).setLineRule(STLineSpacingRule.AUTO);
    }

    /** A single-spaced paragraph without space around it, as used in the heading, tables and signer block. */
    private static void compact(XWPFParagraph p, ParagraphAlignment alignment) {
        p.setAlignment(alignment);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        spacing(p).setLine(BigInteger.valueOf(SINGLE_LINE));
        spacing(p).setLineRule(STLineSpacingRule.AUTO);
    }

    private static CTSpacing spacing(XWPFParagraph p) {
        CTPPr properties = p.getCTPPr();
        return properties.isSetSpacing() ? properties.getSpacing() : properties.addNewSpacing();
    }

    /** An empty paragraph whose bottom border, narrowed by indents, draws a short centred line. */
    private static void rule(XWPFParagraph p, int availableWidth, int ruleWidth) {
        compact(p, ParagraphAlignment.CENTER);
        int indent = Math.max(0, (availableWidth - ruleWidth) / 2);
        p.setIndentationLeft(indent);
        p.setIndentationRight(indent);
        CTSpacing spacing = spacing(p);
        // The border runs along the bottom of this empty line: 6 pt under the text above, clear of its diacritics.
        spacing.setLine(BigInteger.valueOf(120));
        spacing.setLineRule(STLineSpacingRule.EXACT);
        line(borders(p).addNewBottom(), 6, 0);
        CTParaRPr mark = p.getCTPPr().isSetRPr() ? p.getCTPPr().getRPr() : p.getCTPPr().addNewRPr();
        fonts(mark.addNewRFonts());
        mark.addNewSz().setVal(BigInteger.valueOf(4));
    }

    private static CTPBdr borders(XWPFParagraph p) {
        CTPPr properties = p.getCTPPr();
        return properties.isSetPBdr() ? properties.getPBdr() : properties.addNewPBdr();
    }

    private static void line(CTBorder border, int eighthsOfPoint, int space) {
        border.setVal(STBorder.SINGLE);
        border.setSz(BigInteger.valueOf(eighthsOfPoint));
        border.setSpace(BigInteger.valueOf(space));
        border.setColor("auto");
    }

    /**
     * A run with its format written out in the schema's order (fonts, bold, italic, size), which Word
     * expects; complex-script bold, italic and size are set too, so no script falls back to other values.
     */
    private static XWPFRun run(XWPFParagraph p, String text, double size, boolean bold, boolean italic) {
        XWPFRun run = p.createRun();
        CTRPr format = run.getCTR().addNewRPr();
        fonts(format.addNewRFonts());
        if (bold) {
            format.addNewB();
            format.addNewBCs();
        }
        if (italic) {
            format.addNewI();
            format.addNewICs();
        }
        BigInteger halfPoints = BigInteger.valueOf(Math.round(size * 2));
        format.addNewSz().setVal(halfPoints);
        format.addNewSzCs().setVal(halfPoints);
        String value = nfc(text);
        if (!value.isEmpty()) {
            run.setText(value);
        }
        return run;
    }

    private static void fonts(CTFonts fonts) {
        fonts.setAscii(FONT);
        fonts.setHAnsi(FONT);
        fonts.setEastAsia(FONT);
        fonts.setCs(FONT);
    }

    private static String upper(String text) {
        return nfc(text).toUpperCase(java.util.Locale.forLanguageTag("vi"));
    }
}
