package vn.haiphong.dx.consolidation.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static vn.haiphong.dx.consolidation.document.ReportFixtures.*;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the known report as PDF, opens the file again with PDFBox and checks what a reader would see. */
class PdfRendererTests {

    /** The top margin is 20 mm (56.7 pt); the heading starts below it. */
    private static final float TOP_MARGIN = 50f;
    /** The text area: 30 mm from the left edge, 15 mm from the right one. */
    private static final float LEFT = 85.04f;
    private static final float RIGHT = 595.28f - 42.52f;
    private static final float HEADING_SPLIT = LEFT + 0.40f * (RIGHT - LEFT);
    private static final float CLOSING_SPLIT = LEFT + 0.45f * (RIGHT - LEFT);

    private static final PdfRenderer RENDERER = new PdfRenderer();
    private static PdfContent approved;
    private static PdfContent draft;

    @BeforeAll
    static void render() {
        approved = new PdfContent(RENDERER.render(approved()));
        draft = new PdfContent(RENDERER.render(draft()));
    }

    @AfterAll
    static void close() throws IOException {
        approved.close();
        draft.close();
    }

    @Test
    void everyPageIsA4Portrait() {
        assertThat(approved.pages()).as("the known report runs over more than one page").isGreaterThan(1);
        for (int page = 1; page <= approved.pages(); page++) {
            PDRectangle box = approved.page(page).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(595f, within(1f));
            assertThat(box.getHeight()).isCloseTo(842f, within(1f));
        }
    }

    @Test
    void textIsSetInEmbeddedLiberationSerifWithIdentityH() {
        List<PdfContent.FontUse> fonts = approved.fonts(1);
        assertThat(fonts).extracting(PdfContent.FontUse::name)
                .anyMatch(name -> name.endsWith("+LiberationSerif"))
                .anyMatch(name -> name.endsWith("+LiberationSerif-Bold"))
                .anyMatch(name -> name.endsWith("+LiberationSerif-Italic"))
                .allMatch(name -> name.contains("LiberationSerif"));
        assertThat(fonts).allSatisfy(font -> {
            assertThat(font.embedded()).as("%s embedded", font.name()).isTrue();
            assertThat(font.encoding()).isEqualTo("Identity-H");
            assertThat(font.subtype()).isEqualTo("Type0");
        });
    }

    @Test
    void headingHasTheAgencyLeftAndTheNationalMottoRight() {
        assertThat(approved.column(1, LEFT, HEADING_SPLIT))
                .startsWith(String.join(" ", SUPERIOR, AGENCY, NUMBER));
        assertThat(approved.column(1, HEADING_SPLIT, RIGHT))
                .startsWith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc " + PLACE_AND_DATE);
    }

    @Test
    void titleAndBodyReadInOrderWithTheirDiacritics() {
        String text = approved.flatText();
        assertThat(text).containsSubsequence(PLACE_AND_DATE, TITLE + " " + SUBJECT, SECTION_1, INTRODUCTION,
                TABLE_1_CAPTION, CHART_CAPTION, TABLE_2_CAPTION, SECTION_2, ASSESSMENT, SECTION_3, PROPOSAL_1,
                PROPOSAL_2, "Nơi nhận:", SIGNER);
        assertThat(text).contains("Đánh giá chung: các đơn vị đã thực hiện nghiêm túc");
    }

    @Test
    void closingHasTheRecipientsLeftAndTheSignerRight() {
        int last = approved.pages();
        String recipients = "Nơi nhận: " + String.join(" ", DISTRIBUTION.stream().map(line -> "- " + line).toList());
        assertThat(approved.column(last, LEFT, CLOSING_SPLIT)).endsWith(recipients);
        assertThat(approved.column(last, CLOSING_SPLIT, RIGHT))
                .endsWith(String.join(" ", AUTHORITY, SIGNER_TITLE, SIGNER));
        assertThat(draft.column(draft.pages(), CLOSING_SPLIT, RIGHT))
                .as("a line break in the authority starts a new line")
                .endsWith(String.join(" ", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", SIGNER_TITLE, SIGNER));
    }

    @Test
    void resultTableHoldsEveryUnitAndTheTotals() {
        assertRows(approved, table1Rows(UNITS));
        assertThat(approved.allLines()).contains("Tổng cộng 114 93 81,6%");
    }

    @Test
    void wideTableHoldsEveryUnit() {
        assertRows(approved, table2Rows(UNITS));
        // Its narrow header cells wrap ("Tháng" over "7"); every header word stands between caption and rows.
        String text = approved.flatText();
        String header = text.substring(text.indexOf(TABLE_2_CAPTION) + TABLE_2_CAPTION.length(),
                text.indexOf(String.join(" ", table2Rows(UNITS).get(0)).strip()));
        List<String> words = List.of(header.strip().split(" "));
        assertThat(words).containsExactlyInAnyOrderElementsOf(
                TABLE_2_HEADER.stream().flatMap(cell -> List.of(cell.split(" ")).stream()).toList());
    }

    @Test
    void chartLabelsEveryBarWithValueAndMaximum() {
        assertChartLabels(approved, UNITS);
        assertThat(approved.flatText()).contains(SERIES_LABEL + " " + CHART_CAPTION);
    }

    @Test
    void aReportOfTwelveUnitsKeepsItsChartOnOnePage() throws IOException {
        List<UnitResult> units = twelveUnits();
        try (PdfContent pdf = new PdfContent(RENDERER.render(report(units, false)))) {
            assertRows(pdf, table1Rows(units));
            assertThat(pdf.allLines()).contains("Tổng cộng 160 132 82,5%");
            // The wide table now wraps its longest unit name and its notes over two lines; read as running text
            // each row is still whole and in order.
            String text = pdf.flatText();
            for (List<String> row : table2Rows(units)) {
                assertThat(text).contains(String.join(" ", row.stream().filter(cell -> !cell.isEmpty()).toList()));
            }
            assertChartLabels(pdf, units);
            int page = chartPage(pdf);
            List<String> chartLines = units.stream().map(u -> u.name() + " " + u.met() + "/" + u.evaluated()).toList();
            assertThat(pdf.lines(page)).containsAll(chartLines);
            for (int other = 2; other <= pdf.pages(); other++) {
                assertThat(pdf.topMargin(other, TOP_MARGIN)).isEqualTo(String.valueOf(other));
            }
        }
    }

    @Test
    void barsAreProportionalToTheValuesAndTracksToTheMaxima() {
        int page = chartPage(approved);
        List<Rectangle2D> bars = approved.filledRectangles(page, PdfRenderer.BAR.getRGB() & 0xFFFFFF);
        List<Rectangle2D> tracks = approved.filledRectangles(page, PdfRenderer.BAR_TRACK.getRGB() & 0xFFFFFF);
        // One bar per unit, plus the legend key.
        assertThat(bars).hasSize(UNITS.size() + 1);
        assertThat(tracks).hasSize(UNITS.size());
        // The full width stands for 20, the largest target (Chi cục Thủy lợi).
        double perTarget = tracks.get(3).getWidth() / 20;
        for (int i = 0; i < UNITS.size(); i++) {
            assertThat(bars.get(i).getWidth()).as("bar of %s", UNITS.get(i).name())
                    .isCloseTo(perTarget * UNITS.get(i).met(), within(0.5));
            assertThat(tracks.get(i).getWidth()).as("track of %s", UNITS.get(i).name())
                    .isCloseTo(perTarget * UNITS.get(i).evaluated(), within(0.5));
            assertThat(bars.get(i).getMinX()).isCloseTo(bars.get(0).getMinX(), within(0.1));
        }
        assertThat(bars.get(3).getWidth()).as("a full bar is most of the text width").isGreaterThan(200);
    }

    @Test
    void pagesAreNumberedAtTheTopFromPageTwo() {
        assertThat(approved.topMargin(1, TOP_MARGIN)).isEmpty();
        for (int page = 2; page <= approved.pages(); page++) {
            assertThat(approved.topMargin(page, TOP_MARGIN)).isEqualTo(String.valueOf(page));
        }
    }

    @Test
    void onlyTheDraftIsMarkedDraft() {
        assertThat(draft.topMargin(1, TOP_MARGIN)).isEqualTo("DỰ THẢO");
        assertThat(draft.column(1, LEFT, HEADING_SPLIT)).startsWith("DỰ THẢO " + SUPERIOR);
        assertThat(draft.column(1, HEADING_SPLIT, RIGHT)).contains(DRAFT_PLACE_AND_DATE.replaceAll("\\s+", " "));
        assertThat(draft.topMargin(2, TOP_MARGIN)).isEqualTo("2");
        assertThat(approved.flatText()).doesNotContain("DỰ THẢO").doesNotContain("THẢO");
    }

    @Test
    void aDroppedUnitOrAChangedNumberWouldBeNoticed() throws IOException {
        try (PdfContent shorter = new PdfContent(RENDERER.render(report(UNITS.subList(0, UNITS.size() - 1), false)))) {
            assertThatThrownBy(() -> assertRows(shorter, table1Rows(UNITS))).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> assertChartLabels(shorter, UNITS)).isInstanceOf(AssertionError.class);
        }
        List<UnitResult> changed = new ArrayList<>(UNITS);
        changed.set(3, new UnitResult("Chi cục Thủy lợi", 20, 16, 4));
        try (PdfContent other = new PdfContent(RENDERER.render(report(changed, false)))) {
            assertThatThrownBy(() -> assertRows(other, table1Rows(UNITS))).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> assertChartLabels(other, UNITS)).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void licensedTimesNewRomanFilesReplaceLiberationSerif(@TempDir Path fonts) throws IOException {
        // Stand-ins with other glyphs: Liberation Sans under the Windows file names of Times New Roman.
        copy("LiberationSans-Regular.ttf", fonts.resolve("times.ttf"));
        copy("LiberationSans-Bold.ttf", fonts.resolve("TIMESBD.TTF"));
        copy("LiberationSans-Italic.ttf", fonts.resolve("timesi.ttf"));
        copy("LiberationSans-BoldItalic.ttf", fonts.resolve("timesbi.ttf"));
        try (PdfContent pdf = new PdfContent(new PdfRenderer(fonts).render(approved()))) {
            assertThat(pdf.fonts(1)).extracting(PdfContent.FontUse::name)
                    .allMatch(name -> name.contains("LiberationSans"))
                    .anyMatch(name -> name.endsWith("+LiberationSans-Bold"));
            assertThat(pdf.flatText()).contains(ASSESSMENT);
        }
    }

    @Test
    void anIncompleteFontDirectoryFallsBackToLiberationSerif(@TempDir Path fonts) throws IOException {
        copy("LiberationSans-Regular.ttf", fonts.resolve("times.ttf"));
        copy("LiberationSans-Bold.ttf", fonts.resolve("timesbd.ttf"));
        try (PdfContent pdf = new PdfContent(new PdfRenderer(fonts).render(approved()));
             PdfContent missing = new PdfContent(new PdfRenderer(fonts.resolve("absent")).render(approved()))) {
            assertThat(pdf.fonts(1)).extracting(PdfContent.FontUse::name).allMatch(name -> name.contains("LiberationSerif"));
            assertThat(missing.fonts(1)).extracting(PdfContent.FontUse::name).allMatch(name -> name.contains("LiberationSerif"));
        }
    }

    @Test
    void oneRendererServesConcurrentCalls() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    List<UnitResult> units = UNITS.subList(0, 3 + n % 6);
                    try (PdfContent pdf = new PdfContent(RENDERER.render(report(units, n % 2 == 0)))) {
                        assertRows(pdf, table1Rows(units));
                        assertChartLabels(pdf, units);
                        return pdf.flatText();
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                String text = results.get(i).get();
                assertThat(text.contains("DỰ THẢO")).as("render %d", i).isEqualTo(i % 2 == 0);
                assertThat(text).contains(ASSESSMENT, SIGNER);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachReportEmbedsOnlyTheGlyphsItUses() {
        List<UnitResult> withARareLetter = new ArrayList<>(UNITS);
        withARareLetter.add(new UnitResult("Trạm Khuyến nông Ỷ La", 6, 5, 4));
        ReportDocument ordinary = approved();
        Map<String, Integer> alone = embeddedFontSizes(new PdfRenderer().render(ordinary));

        // The renderer keeps its fonts between reports: a report with one more glyph must not leave it in the next.
        PdfRenderer shared = new PdfRenderer();
        Map<String, Integer> larger = embeddedFontSizes(shared.render(report(withARareLetter, false)));
        Map<String, Integer> next = embeddedFontSizes(shared.render(ordinary));

        assertThat(larger.get("LiberationSerif")).as("the letter Ỷ makes the regular subset larger")
                .isGreaterThan(alone.get("LiberationSerif"));
        assertThat(next).as("the next report's subsets are its own").isEqualTo(alone);
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Integer> embeddedFontSizes(byte[] file) {
        try (PdfContent pdf = new PdfContent(file)) {
            return pdf.embeddedFontSizes(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each row is one line of the PDF, cells in order, and no further unit rows follow the expected ones. */
    private static void assertRows(PdfContent pdf, List<List<String>> rows) {
        List<String> lines = pdf.allLines();
        for (List<String> row : rows) {
            String line = String.join(" ", row.stream().filter(cell -> !cell.isEmpty()).toList());
            assertThat(lines).as("row of %s", row.get(1)).contains(line);
        }
    }

    /**
     * For each unit, in order, one line holding its name and then "met/evaluated" after its bar; no other
     * unit has such a line.
     */
    private static void assertChartLabels(PdfContent pdf, List<UnitResult> units) {
        List<String> names = twelveUnits().stream().map(UnitResult::name).toList();
        List<String> chartLines = pdf.allLines().stream()
                .filter(line -> line.matches(".+ \\d+/\\d+") && names.contains(line.replaceFirst(" \\d+/\\d+$", "")))
                .toList();
        List<String> expected = units.stream().map(u -> u.name() + " " + u.met() + "/" + u.evaluated()).toList();
        assertThat(chartLines).as("chart rows").containsExactlyElementsOf(expected);
    }

    private static int chartPage(PdfContent pdf) {
        for (int page = 1; page <= pdf.pages(); page++) {
            if (pdf.lines(page).contains(CHART_CAPTION)) {
                return page;
            }
        }
        throw new AssertionError("no page with the chart caption");
    }

    private static void copy(String liberationFont, Path target) throws IOException {
        try (InputStream in = PdfRendererTests.class.getResourceAsStream("/liberation/" + liberationFont)) {
            Files.copy(in, target);
        }
    }
}
