package vn.haiphong.dx.consolidation.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.haiphong.dx.consolidation.document.ReportFixtures.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** Renders the known report as DOCX, opens the file again with POI and checks what a reader would see. */
class DocxRendererTests {

    private static final DocxRenderer RENDERER = new DocxRenderer();
    private static XWPFDocument approved;
    private static XWPFDocument draft;

    @BeforeAll
    static void render() throws IOException {
        approved = open(RENDERER.render(approved()));
        draft = open(RENDERER.render(draft()));
    }

    static XWPFDocument open(byte[] bytes) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    @Test
    void pageIsA4PortraitWithTheDecreeMargins() {
        CTSectPr section = approved.getDocument().getBody().getSectPr();
        assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
        assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");
        assertThat(section.getPgMar().getTop().toString()).as("20 mm").isEqualTo("1134");
        assertThat(section.getPgMar().getBottom().toString()).as("20 mm").isEqualTo("1134");
        assertThat(section.getPgMar().getLeft().toString()).as("30 mm").isEqualTo("1701");
        assertThat(section.getPgMar().getRight().toString()).as("15 mm").isEqualTo("850");
    }

    @Test
    void everyRunAndTheDefaultStyleAreTimesNewRoman() throws Exception {
        CTFonts defaults = approved.getStyle().getDocDefaults().getRPrDefault().getRPr().getRFontsArray(0);
        assertTimes(defaults, "document defaults");
        List<XWPFRun> runs = allRuns(approved);
        assertThat(runs).as("runs of the whole document").hasSizeGreaterThan(100);
        for (XWPFRun run : runs) {
            assertThat(run.getCTR().getRPr()).as("format of run '%s'", run.text()).isNotNull();
            assertTimes(run.getCTR().getRPr().getRFontsArray(0), "run '" + run.text() + "'");
        }
    }

    private static void assertTimes(CTFonts fonts, String what) {
        assertThat(List.of(fonts.getAscii(), fonts.getHAnsi(), fonts.getEastAsia(), fonts.getCs()))
                .as("fonts of %s", what).containsOnly("Times New Roman");
    }

    @Test
    void headingHasTheAgencyTheNationalMottoNumberPlaceAndDate() {
        XWPFTable heading = (XWPFTable) approved.getBodyElements().get(0);
        assertThat(heading.getNumberOfRows()).isEqualTo(1);
        XWPFTableCell left = heading.getRow(0).getCell(0);
        XWPFTableCell right = heading.getRow(0).getCell(1);
        assertThat(texts(left)).containsSubsequence(SUPERIOR, AGENCY, NUMBER);
        assertThat(texts(right)).containsSubsequence("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                PLACE_AND_DATE);
        assertThat(run(left, AGENCY).isBold()).isTrue();
        assertThat(run(left, SUPERIOR).isBold()).isFalse();
        assertThat(run(left, AGENCY).getFontSizeAsDouble()).isEqualTo(13.0);
        assertThat(run(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").isBold()).isTrue();
        assertThat(run(right, "Độc lập - Tự do - Hạnh phúc").getFontSizeAsDouble()).isEqualTo(14.0);
        assertThat(run(right, PLACE_AND_DATE).isItalic()).isTrue();
        assertThat(paragraph(right, "Độc lập - Tự do - Hạnh phúc").getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        // The short lines under the agency name and under the motto: bordered empty paragraphs.
        assertThat(left.getParagraphs()).filteredOn(p -> p.getCTPPr().isSetPBdr()).hasSize(1);
        assertThat(right.getParagraphs()).filteredOn(p -> p.getCTPPr().isSetPBdr()).hasSize(1);
        // Left column about 40 %, right about 60 %.
        assertThat(left.getWidth()).isBetween(3600, 3900);
        assertThat(right.getWidth()).isBetween(5400, 5800);
    }

    @Test
    void titleSubjectAndBodyParagraphsAreThereWithTheirDiacritics() {
        List<XWPFParagraph> body = approved.getParagraphs();
        XWPFParagraph title = bodyParagraph(TITLE);
        assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        assertThat(title.getRuns().get(0).isBold()).isTrue();
        assertThat(bodyParagraph(SUBJECT).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        assertThat(body.stream().map(XWPFParagraph::getText).toList())
                .containsSubsequence(TITLE, SUBJECT, SECTION_1, INTRODUCTION, TABLE_1_CAPTION, CHART_CAPTION,
                        TABLE_2_CAPTION, SECTION_2, ASSESSMENT, SECTION_3, PROPOSAL_1, PROPOSAL_2);
        XWPFParagraph assessment = bodyParagraph(ASSESSMENT);
        assertThat(assessment.getText()).startsWith("Đánh giá chung: các đơn vị đã thực hiện nghiêm túc");
        assertThat(assessment.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
        assertThat(assessment.getIndentationFirstLine()).as("1 cm").isEqualTo(567);
        assertThat(assessment.getSpacingAfter()).as("6 pt").isEqualTo(120);
        assertThat(assessment.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
        assertThat(bodyParagraph(SECTION_2).getRuns().get(0).isBold()).isTrue();
    }

    @Test
    void resultTableHoldsEveryUnitAndTheTotals() {
        XWPFTable table = table(TABLE_1_HEADER);
        assertUnitRows(table, table1Rows(UNITS), true);
        // The totals of the known data set, and the footer row that prints them in bold.
        assertThat(table1Footer(UNITS)).containsExactly("", "Tổng cộng", "114", "93", "81,6%");
        XWPFTableRow footer = table.getRow(table.getNumberOfRows() - 1);
        assertThat(cells(footer)).containsExactly("", "Tổng cộng", "114", "93", "81,6%");
        assertThat(footer.getCell(2).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
        assertThat(table.getRow(1).getCell(2).getParagraphs().get(0).getRuns().get(0).isBold()).isFalse();

        XWPFTableRow header = table.getRow(0);
        assertThat(header.isRepeatHeader()).as("header repeats on every page").isTrue();
        for (XWPFTableCell cell : header.getTableCells()) {
            assertThat(cell.getColor()).isEqualTo("D9D9D9");
            assertThat(cell.getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
        }
        XWPFTableCell number = table.getRow(4).getCell(2);
        assertThat(number.getText()).isEqualTo("20");
        assertThat(number.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        assertThat(table.getRow(4).getCell(1).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.LEFT);
        assertThat(table.getRow(4).getCell(1).getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble())
                .isEqualTo(13.0);
        assertThat(table.getCTTbl().getTblPr().getTblBorders().getInsideH().getVal().toString()).isEqualTo("single");
    }

    @Test
    void wideTableIsSetSmallerAndHoldsEveryRow() {
        XWPFTable table = table(TABLE_2_HEADER);
        assertUnitRows(table, table2Rows(UNITS), false);
        assertThat(table.getRow(1).getCell(1).getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble())
                .isEqualTo(12.0);
        int total = table.getRow(0).getTableCells().stream().mapToInt(XWPFTableCell::getWidth).sum();
        assertThat(total).as("the table spans the text width exactly").isEqualTo(11906 - 1701 - 850);
    }

    @Test
    void chartIsANativeHorizontalBarChartOfTheUnitsAndTheirResults() throws Exception {
        assertThat(approved.getCharts()).hasSize(1);
        XWPFChart chart = approved.getCharts().get(0);
        List<XDDFChartData> data = chart.getChartSeries();
        assertThat(data).hasSize(1);
        XDDFBarChartData bars = (XDDFBarChartData) data.get(0);
        assertThat(bars.getBarDirection()).isEqualTo(BarDirection.BAR);
        assertChartData(chart, UNITS);
        assertThat(valueSeries(chart).getValuesData().getPointAt(3).intValue()).as("Chi cục Thủy lợi").isEqualTo(17);
        assertThat(bars.getValueAxes().get(0).getMaximum()).as("a full bar is the largest target").isEqualTo(20.0);
        assertThat(valueSeries(chart).getCTBarSer().getTx().getStrRef().getStrCache().getPtArray(0).getV())
                .isEqualTo(SERIES_LABEL);
        // The targets as a nameless track behind the bars; the series label names the value axis.
        XDDFBarChartData.Series track = (XDDFBarChartData.Series) bars.getSeries(0);
        assertThat(track.getCTBarSer().isSetTx()).isFalse();
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < track.getValuesData().getPointCount(); i++) {
            targets.add(track.getValuesData().getPointAt(i).intValue());
        }
        assertThat(targets).containsExactlyElementsOf(UNITS.stream().map(UnitResult::evaluated).toList());
        // Read as text: the typed getter needs a schema type that poi-ooxml-lite lacks.
        assertThat(chart.getCTChart().getPlotArea().getBarChartArray(0).xmlText()).containsPattern("<c:overlap val=\"100\"/>\\s*<c:axId");
        assertThat(chart.getCTChart().isSetLegend()).isFalse();
        assertThat(chart.getCTChart().getPlotArea().getValAxArray(0).getTitle().getTx().getRich().getPArray(0)
                .getRArray(0).getT()).isEqualTo(SERIES_LABEL);

        assertThat(chart.getCTChartSpace().getTxPr().getPArray(0).getPPr().getDefRPr().getLatin().getTypeface())
                .isEqualTo("Times New Roman");
        XWPFParagraph caption = bodyParagraph(CHART_CAPTION);
        assertThat(caption.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
        assertThat(caption.getRuns().get(0).isItalic()).isTrue();
    }

    @Test
    void aReportOfTwelveUnitsHasEveryRowAndATallerChart() throws Exception {
        List<UnitResult> units = twelveUnits();
        XWPFDocument docx = open(RENDERER.render(report(units, false)));
        assertUnitRows(tableOf(docx, TABLE_1_HEADER), table1Rows(units), true);
        assertUnitRows(tableOf(docx, TABLE_2_HEADER), table2Rows(units), false);
        assertThat(cells(tableOf(docx, TABLE_1_HEADER).getRow(units.size() + 1)))
                .containsExactly("", "Tổng cộng", "160", "132", "82,5%");
        assertChartData(docx.getCharts().get(0), units);
        // 16 cm wide, 1.5 cm + 0.8 cm per unit high.
        assertThat(chartExtent(docx)).containsExactly(16 * 360_000L, Math.round((1.5 + 0.8 * 12) * 360_000L));
        assertThat(chartExtent(approved)).containsExactly(16 * 360_000L, Math.round((1.5 + 0.8 * 8) * 360_000L));
    }

    private static List<Long> chartExtent(XWPFDocument docx) {
        for (XWPFParagraph paragraph : docx.getParagraphs()) {
            for (XWPFRun run : paragraph.getRuns()) {
                if (run.getCTR().sizeOfDrawingArray() > 0) {
                    var extent = run.getCTR().getDrawingArray(0).getInlineArray(0).getExtent();
                    return List.of(extent.getCx(), extent.getCy());
                }
            }
        }
        throw new AssertionError("no chart drawing in the body");
    }

    @Test
    void closingHasRecipientsAndTheSigner() {
        List<IBodyElement> elements = approved.getBodyElements();
        XWPFTable closing = (XWPFTable) elements.stream().filter(e -> e instanceof XWPFTable).reduce((a, b) -> b).orElseThrow();
        XWPFTableCell left = closing.getRow(0).getCell(0);
        XWPFTableCell right = closing.getRow(0).getCell(1);
        List<String> expectedLeft = new ArrayList<>(List.of("Nơi nhận:"));
        DISTRIBUTION.forEach(line -> expectedLeft.add("- " + line));
        assertThat(texts(left)).containsExactlyElementsOf(expectedLeft);
        XWPFRun recipients = run(left, "Nơi nhận:");
        assertThat(recipients.isBold() && recipients.isItalic()).isTrue();
        assertThat(recipients.getFontSizeAsDouble()).isEqualTo(12.0);
        assertThat(run(left, "- Như trên;").getFontSizeAsDouble()).isEqualTo(11.0);
        assertThat(texts(right)).containsExactly(AUTHORITY, SIGNER_TITLE, "", "", "", "", SIGNER);
        assertThat(run(right, SIGNER).isBold()).isTrue();
        assertThat(right.getParagraphs()).allMatch(p -> p.getAlignment() == ParagraphAlignment.CENTER);

        XWPFTable draftClosing = (XWPFTable) draft.getBodyElements().stream().filter(e -> e instanceof XWPFTable)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(texts(draftClosing.getRow(0).getCell(1)))
                .as("a line break in the authority starts a new line")
                .startsWith("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", SIGNER_TITLE);
    }

    @Test
    void onlyTheDraftIsMarkedDraft() {
        assertThat(headerText(draft, HeaderFooterType.FIRST)).isEqualTo("DỰ THẢO");
        assertThat(run(draft.getHeaderFooterPolicy().getFirstPageHeader().getParagraphs().get(0), "DỰ THẢO").isBold()).isTrue();
        XWPFTable draftHeading = (XWPFTable) draft.getBodyElements().get(0);
        assertThat(texts(draftHeading.getRow(0).getCell(0))).contains(DRAFT_NUMBER);
        assertThat(allText(approved)).doesNotContain("DỰ THẢO");
        assertThat(allText(draft)).contains("DỰ THẢO");
    }

    @Test
    void pagesAreNumberedFromPageTwo() {
        assertThat(approved.getDocument().getBody().getSectPr().isSetTitlePg()).as("own first-page header").isTrue();
        XWPFHeader first = approved.getHeaderFooterPolicy().getFirstPageHeader();
        XWPFHeader other = approved.getHeaderFooterPolicy().getDefaultHeader();
        assertThat(first.getParagraphs().get(0).getCTP().sizeOfFldSimpleArray()).isZero();
        assertThat(other.getParagraphs().get(0).getCTP().getFldSimpleArray(0).getInstr().trim()).isEqualTo("PAGE");
        assertThat(other.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
    }

    @Test
    void corePropertiesNameTheSubjectAndTheAgency() {
        assertThat(approved.getProperties().getCoreProperties().getTitle()).isEqualTo(SUBJECT);
        assertThat(approved.getProperties().getCoreProperties().getCreator()).isEqualTo(AGENCY);
    }

    @Test
    void aDroppedUnitWouldBeNoticed() throws IOException {
        // The table and chart checks compare against the data set, so a report missing a unit fails them.
        XWPFDocument shorter = open(RENDERER.render(report(UNITS.subList(0, UNITS.size() - 1), false)));
        assertThatThrownBy(() -> assertUnitRows(tableOf(shorter, TABLE_1_HEADER), table1Rows(UNITS), true))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertChartData(shorter.getCharts().get(0), UNITS)).isInstanceOf(AssertionError.class);
        // A changed number is noticed too.
        List<UnitResult> changed = new ArrayList<>(UNITS);
        changed.set(3, new UnitResult("Chi cục Thủy lợi", 20, 16, 4));
        XWPFDocument other = open(RENDERER.render(report(changed, false)));
        assertThatThrownBy(() -> assertUnitRows(tableOf(other, TABLE_1_HEADER), table1Rows(UNITS), true))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertChartData(other.getCharts().get(0), UNITS)).isInstanceOf(AssertionError.class);
    }

    /** The series of the measured values: the one with a name. */
    private static XDDFBarChartData.Series valueSeries(XWPFChart chart) {
        XDDFChartData bars = chart.getChartSeries().get(0);
        return bars.getSeries().stream().map(XDDFBarChartData.Series.class::cast)
                .filter(series -> series.getCTBarSer().isSetTx()).findFirst()
                .orElseThrow(() -> new AssertionError("no named series"));
    }

    /** Exactly the expected unit rows under the header, then the footer if there is one. */
    private static void assertUnitRows(XWPFTable table, List<List<String>> expected, boolean footer) {
        assertThat(table.getNumberOfRows()).as("header, units%s", footer ? ", totals" : "")
                .isEqualTo(1 + expected.size() + (footer ? 1 : 0));
        for (int i = 0; i < expected.size(); i++) {
            assertThat(cells(table.getRow(i + 1))).as("row %d", i + 1).isEqualTo(expected.get(i));
        }
    }

    /** The chart's categories and values, from the cached series data and from the embedded workbook. */
    private static void assertChartData(XWPFChart chart, List<UnitResult> units) throws Exception {
        XDDFChartData.Series series = valueSeries(chart);
        List<String> categories = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < series.getCategoryData().getPointCount(); i++) {
            categories.add(String.valueOf(series.getCategoryData().getPointAt(i)));
            values.add(series.getValuesData().getPointAt(i).intValue());
        }
        assertThat(categories).containsExactlyElementsOf(units.stream().map(UnitResult::name).toList());
        assertThat(values).containsExactlyElementsOf(units.stream().map(UnitResult::met).toList());
        Sheet sheet = chart.getWorkbook().getSheetAt(0);
        for (int i = 0; i < units.size(); i++) {
            assertThat(sheet.getRow(i + 1).getCell(0).getStringCellValue()).isEqualTo(units.get(i).name());
            assertThat(sheet.getRow(i + 1).getCell(1).getNumericCellValue()).isEqualTo(units.get(i).met());
            assertThat(sheet.getRow(i + 1).getCell(2).getNumericCellValue()).isEqualTo(units.get(i).evaluated());
        }
        assertThat(sheet.getRow(units.size() + 1)).as("nothing after the last unit").isNull();
    }

    // ---------------------------------------------------------------- helpers

    private static XWPFTable table(List<String> header) {
        return tableOf(approved, header);
    }

    private static XWPFTable tableOf(XWPFDocument docx, List<String> header) {
        return docx.getTables().stream().filter(t -> cells(t.getRow(0)).equals(header)).findFirst()
                .orElseThrow(() -> new AssertionError("no table with header " + header));
    }

    private static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(XWPFTableCell::getText).toList();
    }

    private static List<String> texts(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }

    private static XWPFParagraph paragraph(XWPFTableCell cell, String text) {
        return cell.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst().orElseThrow();
    }

    private static XWPFRun run(XWPFTableCell cell, String text) {
        return run(paragraph(cell, text), text);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text) {
        return paragraph.getRuns().stream().filter(r -> r.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no run '" + text + "'"));
    }

    private static XWPFParagraph bodyParagraph(String text) {
        return approved.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph '" + text + "'"));
    }

    private static String headerText(XWPFDocument docx, HeaderFooterType type) {
        XWPFHeader header = type == HeaderFooterType.FIRST ? docx.getHeaderFooterPolicy().getFirstPageHeader()
                : docx.getHeaderFooterPolicy().getDefaultHeader();
        return header.getText().trim();
    }

    private static String allText(XWPFDocument docx) {
        List<String> texts = new ArrayList<>();
        collect(docx, texts, null);
        docx.getHeaderList().forEach(h -> collect(h, texts, null));
        return String.join("\n", texts);
    }

    private static List<XWPFRun> allRuns(XWPFDocument docx) {
        List<XWPFRun> runs = new ArrayList<>();
        collect(docx, null, runs);
        docx.getHeaderList().forEach(h -> collect(h, null, runs));
        return runs;
    }

    private static void collect(IBody body, List<String> texts, List<XWPFRun> runs) {
        for (IBodyElement element : body.getBodyElements()) {
            if (element instanceof XWPFParagraph p) {
                if (texts != null) {
                    texts.add(p.getText());
                }
                if (runs != null) {
                    runs.addAll(p.getRuns());
                }
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collect(cell, texts, runs);
                    }
                }
            }
        }
    }
}
