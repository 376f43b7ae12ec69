package vn.haiphong.dx.consolidation.document;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/** A rendered PDF opened again with PDFBox: its pages, their text lines, fonts and filled rectangles. */
final class PdfContent implements AutoCloseable {

    /** A font used on a page. */
    record FontUse(String name, boolean embedded, String encoding, String subtype) {}

    private final PDDocument pdf;

    PdfContent(byte[] bytes) {
        try {
            pdf = Loader.loadPDF(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    PDDocument pdf() {
        return pdf;
    }

    int pages() {
        return pdf.getNumberOfPages();
    }

    PDPage page(int number) {
        return pdf.getPage(number - 1);
    }

    /** The text of one page (1-based) in reading order, each line with its spaces collapsed. */
    List<String> lines(int page) {
        try {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            List<String> lines = new ArrayList<>();
            for (String line : stripper.getText(pdf).split("\\R")) {
                String collapsed = line.replaceAll("\\s+", " ").strip();
                if (!collapsed.isEmpty()) {
                    lines.add(collapsed);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> allLines() {
        List<String> lines = new ArrayList<>();
        for (int page = 1; page <= pages(); page++) {
            lines.addAll(lines(page));
        }
        return lines;
    }

    /** All text as one string with every run of white space as one space, so wrapped paragraphs read whole. */
    String flatText() {
        return String.join(" ", allLines());
    }

    /** The text in the top margin (the upper {@code height} points) of a page. */
    String topMargin(int page, float height) {
        try {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            PDPage p = page(page);
            stripper.addRegion("top", new Rectangle2D.Float(0, 0, p.getMediaBox().getWidth(), height));
            stripper.extractRegions(p);
            return stripper.getTextForRegion("top").replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of a page between two x positions (points from the left edge), top to bottom, spaces
     * collapsed: one column of a two-column block read on its own.
     */
    String column(int page, float fromX, float toX) {
        try {
            PDFTextStripperByArea stripper = new PDFTextStripperByArea();
            stripper.setSortByPosition(true);
            PDPage p = page(page);
            stripper.addRegion("column", new Rectangle2D.Float(fromX, 0, toX - fromX, p.getMediaBox().getHeight()));
            stripper.extractRegions(p);
            return stripper.getTextForRegion("column").replaceAll("\\s+", " ").strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The size in bytes of each embedded font program on a page, by font name without its subset prefix
     * ("ABCDEF+LiberationSerif" is "LiberationSerif"): a subset grows with every glyph it holds.
     */
    Map<String, Integer> embeddedFontSizes(int page) {
        try {
            Map<String, Integer> sizes = new TreeMap<>();
            var resources = page(page).getResources();
            for (COSName name : resources.getFontNames()) {
                if (resources.getFont(name) instanceof PDType0Font font) {
                    sizes.put(font.getName().substring(font.getName().indexOf('+') + 1),
                            font.getDescendantFont().getFontDescriptor().getFontFile2().getLength());
                }
            }
            return sizes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<FontUse> fonts(int page) {
        try {
            List<FontUse> fonts = new ArrayList<>();
            var resources = page(page).getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.add(new FontUse(font.getName(), font.isEmbedded(),
                        font.getCOSObject().getNameAsString(COSName.ENCODING), font.getSubType()));
            }
            return fonts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rectangles filled in the given colour on a page, top to bottom. */
    List<Rectangle2D> filledRectangles(int page, int rgb) {
        try {
            RectangleCollector collector = new RectangleCollector(page(page), rgb);
            collector.processPage(page(page));
            collector.found.sort(Comparator.comparingDouble(r -> -r.getMaxY()));
            return collector.found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        pdf.close();
    }

    private static final class RectangleCollector extends PDFGraphicsStreamEngine {
        private final int rgb;
        private final List<Rectangle2D> pending = new ArrayList<>();
        final List<Rectangle2D> found = new ArrayList<>();
        private Point2D current = new Point2D.Float();

        RectangleCollector(PDPage page, int rgb) {
            super(page);
            this.rgb = rgb;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            Rectangle2D rectangle = new Rectangle2D.Double(p0.getX(), p0.getY(), 0, 0);
            rectangle.add(p1);
            rectangle.add(p2);
            rectangle.add(p3);
            pending.add(rectangle);
        }

        @Override
        public void fillPath(int windingRule) throws IOException {
            if ((getGraphicsState().getNonStrokingColor().toRGB() & 0xFFFFFF) == rgb) {
                found.addAll(pending);
            }
            pending.clear();
        }

        @Override
        public void fillAndStrokePath(int windingRule) throws IOException {
            fillPath(windingRule);
        }

        @Override
        public void strokePath() {
            pending.clear();
        }

        @Override
        public void endPath() {
            pending.clear();
        }

        @Override
        public void drawImage(PDImage image) {}

        @Override
        public void clip(int windingRule) {}

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
        }

        @Override
        public void lineTo(float x, float y) {
            current = new Point2D.Float(x, y);
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {}

        @Override
        public void shadingFill(COSName shadingName) {}
    }
}
