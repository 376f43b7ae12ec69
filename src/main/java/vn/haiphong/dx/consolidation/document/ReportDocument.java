package vn.haiphong.dx.consolidation.document;

import java.util.List;

/**
 * A consolidated report as a document, independent of its file format: what Decree 30/2020/NĐ-CP lays out
 * (heading, number/symbol, place and date, title, body, "Nơi nhận", signer block). The renderers turn it
 * into DOCX and PDF; the texts are final Vietnamese texts, the renderers add none of their own but the
 * fixed national heading and "Nơi nhận:".
 *
 * @param heading      the block above the title
 * @param title        the kind of document, e.g. "BÁO CÁO"
 * @param subject      the summary line under the title (trích yếu), e.g. "Kết quả thực hiện … tháng 10/2025"
 * @param sections     the body, in order
 * @param distribution the "Nơi nhận" lines, in order, as printed
 * @param signature    the signer block
 */
public record ReportDocument(Heading heading, String title, String subject, List<Section> sections,
                             List<String> distribution, Signature signature) {

    /**
     * @param superiorName the superior authority, upper case, e.g. "UBND THÀNH PHỐ HẢI PHÒNG"
     * @param agencyName   the issuing agency, upper case, e.g. "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
     * @param number       "Số: 12/BC-SNNMT"; a draft has a blank number, e.g. "Số:        /BC-SNNMT"
     * @param placeAndDate "Hải Phòng, ngày 05 tháng 11 năm 2025"; a draft leaves day and month blank
     * @param draft        true until leadership approves: the documents are marked "DỰ THẢO"
     */
    public record Heading(String superiorName, String agencyName, String number, String placeAndDate, boolean draft) {}

    /** A numbered part of the body, e.g. "I. KẾT QUẢ THỰC HIỆN". */
    public record Section(String heading, List<Block> blocks) {}

    /** What a section holds: paragraphs, tables and charts, in order. */
    public sealed interface Block permits Paragraph, Table, BarChart {}

    /** A paragraph of body text; line breaks in the text start new paragraphs. */
    public record Paragraph(String text) implements Block {}

    /**
     * A table with a caption above it, e.g. "Bảng 1. Tình hình nộp báo cáo của các đơn vị".
     *
     * @param footer a totals row ("Tổng cộng", …) printed in bold, or null
     */
    public record Table(String caption, List<String> header, List<List<String>> rows, List<String> footer) implements Block {}

    /**
     * A horizontal bar chart, one bar per category, e.g. targets met per unit.
     *
     * @param caption     printed under the chart, e.g. "Biểu đồ 1. Số chỉ tiêu đạt của từng đơn vị"
     * @param seriesLabel the name of the measured quantity, e.g. "Chỉ tiêu đạt"
     * @param categories  one label per bar, e.g. unit names
     * @param values      one value per bar
     * @param maxima      per bar, the value a full bar stands for (e.g. targets evaluated); the bar is
     *                    labelled "value/maximum"
     */
    public record BarChart(String caption, String seriesLabel, List<String> categories, List<Integer> values,
                           List<Integer> maxima) implements Block {}

    /**
     * @param authority e.g. "KT. GIÁM ĐỐC" (may hold a line break: "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH")
     * @param title     e.g. "PHÓ GIÁM ĐỐC"
     * @param name      the signer's name
     */
    public record Signature(String authority, String title, String name) {}
}
