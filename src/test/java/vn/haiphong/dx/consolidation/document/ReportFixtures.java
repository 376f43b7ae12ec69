package vn.haiphong.dx.consolidation.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One known report: eight units of a department, their targets and results, a wide monthly table, a bar
 * chart and three sections, as the consolidation would hand it to the renderers.
 */
final class ReportFixtures {

    /** Unit, targets evaluated, targets met, reports on time (of 4). */
    record UnitResult(String name, int evaluated, int met, int onTime) {}

    static final List<UnitResult> UNITS = List.of(
            new UnitResult("Văn phòng Sở", 15, 12, 4),
            new UnitResult("Phòng Kế hoạch – Tài chính", 15, 14, 4),
            new UnitResult("Phòng Tổ chức cán bộ", 12, 12, 3),
            new UnitResult("Chi cục Thủy lợi", 20, 17, 4),
            new UnitResult("Chi cục Kiểm lâm", 18, 11, 2),
            new UnitResult("Chi cục Chăn nuôi và Thú y", 16, 13, 4),
            new UnitResult("Trung tâm Khuyến nông", 10, 9, 3),
            new UnitResult("Ban Quản lý cảng cá", 8, 5, 1));

    /** Four more units, for a report of twelve. */
    static final List<UnitResult> MORE_UNITS = List.of(
            new UnitResult("Chi cục Thủy sản", 14, 14, 4),
            new UnitResult("Chi cục Phát triển nông thôn", 12, 7, 2),
            new UnitResult("Trung tâm Giống cây trồng", 9, 8, 3),
            new UnitResult("Văn phòng Điều phối nông thôn mới", 11, 10, 4));

    static List<UnitResult> twelveUnits() {
        List<UnitResult> units = new ArrayList<>(UNITS);
        units.addAll(MORE_UNITS);
        return units;
    }

    static final String SUPERIOR = "UBND THÀNH PHỐ HẢI PHÒNG";
    static final String AGENCY = "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG";
    static final String NUMBER = "Số: 125/BC-SNNMT";
    static final String DRAFT_NUMBER = "Số:        /BC-SNNMT";
    static final String PLACE_AND_DATE = "Hải Phòng, ngày 05 tháng 11 năm 2025";
    static final String DRAFT_PLACE_AND_DATE = "Hải Phòng, ngày      tháng      năm 2025";
    static final String TITLE = "BÁO CÁO";
    static final String SUBJECT = "Kết quả thực hiện chỉ tiêu chuyển đổi số của các đơn vị tháng 10/2025";
    static final String SECTION_1 = "I. KẾT QUẢ THỰC HIỆN";
    static final String SECTION_2 = "II. ĐÁNH GIÁ CHUNG";
    static final String SECTION_3 = "III. KIẾN NGHỊ, ĐỀ XUẤT";
    static final String INTRODUCTION = "Thực hiện Kế hoạch số 45/KH-SNNMT ngày 15 tháng 01 năm 2025 của Sở Nông nghiệp và "
            + "Môi trường, các đơn vị thuộc Sở đã báo cáo kết quả thực hiện các chỉ tiêu chuyển đổi số tháng 10/2025.";
    static final String ASSESSMENT = "Đánh giá chung: các đơn vị đã thực hiện nghiêm túc chế độ báo cáo định kỳ; "
            + "chất lượng báo cáo từng bước được nâng lên, số liệu đầy đủ, đúng thời hạn.";
    static final String PROPOSAL_1 = "1. Đề nghị Chi cục Kiểm lâm và Ban Quản lý cảng cá khẩn trương khắc phục các chỉ tiêu chưa đạt.";
    static final String PROPOSAL_2 = "2. Đề nghị Văn phòng Sở tổng hợp, báo cáo Ủy ban nhân dân thành phố trước ngày 10 hằng tháng.";
    static final String TABLE_1_CAPTION = "Bảng 1. Kết quả thực hiện chỉ tiêu của các đơn vị";
    static final String TABLE_2_CAPTION = "Bảng 2. Số báo cáo nộp đúng hạn theo tháng";
    static final String CHART_CAPTION = "Biểu đồ 1. Số chỉ tiêu đạt của từng đơn vị";
    static final String SERIES_LABEL = "Chỉ tiêu đạt";
    static final List<String> TABLE_1_HEADER = List.of("STT", "Đơn vị", "Chỉ tiêu được giao", "Chỉ tiêu đạt", "Tỷ lệ đạt");
    static final List<String> TABLE_2_HEADER = List.of("STT", "Đơn vị", "Tháng 7", "Tháng 8", "Tháng 9", "Tháng 10",
            "Quý III", "Lũy kế", "Ghi chú");
    static final List<String> DISTRIBUTION = List.of("Như trên;", "UBND thành phố (để báo cáo);",
            "Giám đốc, các Phó Giám đốc Sở;", "Lưu: VT, KHTC.");
    static final String AUTHORITY = "KT. GIÁM ĐỐC";
    static final String DRAFT_AUTHORITY = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH";
    static final String SIGNER_TITLE = "PHÓ GIÁM ĐỐC";
    static final String SIGNER = "Nguyễn Thị Hồng Nhung";

    private ReportFixtures() {}

    static ReportDocument approved() {
        return report(UNITS, false);
    }

    static ReportDocument draft() {
        return report(UNITS, true);
    }

    static ReportDocument report(List<UnitResult> units, boolean draft) {
        var heading = new ReportDocument.Heading(SUPERIOR, AGENCY, draft ? DRAFT_NUMBER : NUMBER,
                draft ? DRAFT_PLACE_AND_DATE : PLACE_AND_DATE, draft);
        var signature = new ReportDocument.Signature(draft ? DRAFT_AUTHORITY : AUTHORITY, SIGNER_TITLE, SIGNER);
        var results = new ReportDocument.Table(TABLE_1_CAPTION, TABLE_1_HEADER, table1Rows(units), table1Footer(units));
        var monthly = new ReportDocument.Table(TABLE_2_CAPTION, TABLE_2_HEADER, table2Rows(units), null);
        var chart = new ReportDocument.BarChart(CHART_CAPTION, SERIES_LABEL,
                units.stream().map(UnitResult::name).toList(),
                units.stream().map(UnitResult::met).toList(),
                units.stream().map(UnitResult::evaluated).toList());
        List<ReportDocument.Section> sections = List.of(
                new ReportDocument.Section(SECTION_1, List.of(new ReportDocument.Paragraph(INTRODUCTION), results, chart, monthly)),
                new ReportDocument.Section(SECTION_2, List.of(new ReportDocument.Paragraph(ASSESSMENT))),
                new ReportDocument.Section(SECTION_3, List.of(new ReportDocument.Paragraph(PROPOSAL_1 + "\n" + PROPOSAL_2))));
        return new ReportDocument(heading, TITLE, SUBJECT, sections, DISTRIBUTION, signature);
    }

    static List<List<String>> table1Rows(List<UnitResult> units) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitResult unit = units.get(i);
            rows.add(List.of(String.valueOf(i + 1), unit.name(), String.valueOf(unit.evaluated()),
                    String.valueOf(unit.met()), percent(unit.met(), unit.evaluated())));
        }
        return rows;
    }

    static List<String> table1Footer(List<UnitResult> units) {
        int evaluated = units.stream().mapToInt(UnitResult::evaluated).sum();
        int met = units.stream().mapToInt(UnitResult::met).sum();
        return List.of("", "Tổng cộng", String.valueOf(evaluated), String.valueOf(met), percent(met, evaluated));
    }

    /** Reports on time per month; July to October, the quarter (July–September) and the year so far. */
    static List<List<String>> table2Rows(List<UnitResult> units) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitResult unit = units.get(i);
            int onTime = unit.onTime();
            int july = Math.min(1, onTime);
            int august = Math.min(1, Math.max(0, onTime - 1));
            int september = Math.min(1, Math.max(0, onTime - 2));
            int october = Math.min(1, Math.max(0, onTime - 3));
            rows.add(List.of(String.valueOf(i + 1), unit.name(), String.valueOf(july), String.valueOf(august),
                    String.valueOf(september), String.valueOf(october), String.valueOf(july + august + september),
                    String.valueOf(6 + onTime), onTime == 4 ? "" : "Chậm " + (4 - onTime) + " kỳ"));
        }
        return rows;
    }

    /** "93,3%": one decimal, a comma as the decimal mark, as Vietnamese documents write it. */
    static String percent(int part, int whole) {
        return String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole).replace('.', ',');
    }
}
