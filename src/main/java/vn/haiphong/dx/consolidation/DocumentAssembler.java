package vn.haiphong.dx.consolidation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.haiphong.dx.consolidation.Compilation.DifficultyLine;
import vn.haiphong.dx.consolidation.Compilation.MetricLine;
import vn.haiphong.dx.consolidation.Compilation.TargetLine;
import vn.haiphong.dx.consolidation.Compilation.UnitLine;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess.Kinds;
import vn.haiphong.dx.consolidation.document.ReportDocument;
import vn.haiphong.dx.consolidation.document.ReportDocument.BarChart;
import vn.haiphong.dx.consolidation.document.ReportDocument.Block;
import vn.haiphong.dx.consolidation.document.ReportDocument.Paragraph;
import vn.haiphong.dx.consolidation.document.ReportDocument.Section;
import vn.haiphong.dx.consolidation.document.ReportDocument.Table;
import vn.haiphong.dx.plan.PlanDefinition;

/** Lays a consolidated report out as an administrative report (Decree 30/2020/NĐ-CP): heading, body, signer. */
final class DocumentAssembler {

    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII"};

    private DocumentAssembler() {
    }

    /**
     * @param planNumber the plan's own number and date as issued, e.g. "Kế hoạch số 125/KH-SNNMT ngày 03/10/2025"
     */
    static ReportDocument assemble(PlanDefinition plan, String planNumber, ConsolidationRepository.Row report, Compilation c) {
        boolean approved = report.documentNumber() != null;
        String symbol = plan.reportSymbol();
        ReportDocument.Heading heading = new ReportDocument.Heading(
                placeKeptTogether(plan.agency().superiorName().toUpperCase(Locale.forLanguageTag("vi"))),
                placeKeptTogether(plan.agency().name().toUpperCase(Locale.forLanguageTag("vi"))),
                approved ? "Số: " + report.documentNumber() : "Số:        /" + symbol,
                placeAndDate(plan.agency().place(), approved ? report.issuedOn() : null, c.to()),
                !approved);
        List<Section> sections = new ArrayList<>();
        String intro = switch (report.kind()) {
            case Kinds.AD_HOC -> "Thực hiện " + (report.requestReference() == null ? "yêu cầu" : report.requestReference())
                    + " của " + report.requestedBy() + " về " + lowerFirst(report.subject()) + ", " + plan.agency().name()
                    + " báo cáo như sau:";
            case Kinds.FINAL -> "Thực hiện " + planNumber + " của " + plan.agency().name() + " về " + about(plan)
                    + ", " + plan.agency().name() + " báo cáo kết quả thực hiện Kế hoạch " + c.scopeLabel() + " như sau:";
            default -> "Thực hiện " + planNumber + " của " + plan.agency().name() + " về " + about(plan)
                    + ", " + plan.agency().name() + " báo cáo kết quả thực hiện " + c.scopeLabel() + " như sau:";
        };
        List<Block> results = new ArrayList<>();
        results.add(new Paragraph(intro));
        results.add(new Paragraph(nonBlank(report.summary(), "")));
        int table = 1;
        if (Kinds.AD_HOC.equals(report.kind())) {
            if (!c.inputs().isEmpty()) {
                results.add(new Table("Bảng " + table++ + ". Thông tin các đơn vị cung cấp",
                        List.of("TT", "Đơn vị", "Hạn gửi", "Tình trạng", "Nội dung", "Số liệu"),
                        numbered(c.inputs().stream().map(i -> List.of(i.unitName(), i.dueOn(), i.state(),
                                nonBlank(i.content(), "—"), nonBlank(i.figures(), "—"))).toList()), null));
            }
        } else {
            results.add(new Table("Bảng " + table++ + ". Tình hình báo cáo và thực hiện chỉ tiêu của các đơn vị",
                    List.of("TT", "Đơn vị", "Báo cáo", "Chỉ tiêu đạt", "Chỉ tiêu chưa đạt"),
                    numbered(c.units().stream().map(u -> List.of(u.name(), u.state().label(),
                            u.missing() ? "—" : u.targetsMet() + "/" + u.targetsEvaluated(),
                            u.targetsNotMet().isEmpty() ? "—" : String.join("; ", u.targetsNotMet()))).toList()),
                    List.of("", "Tổng cộng", c.count(UnitLine::onTime) + " đúng hạn, " + c.count(UnitLine::late)
                            + " muộn, " + c.count(UnitLine::missing) + " chưa nộp",
                            c.targetsMet() + "/" + c.targetsEvaluated(), "")));
        }
        results.add(new BarChart("Biểu đồ 1. Số chỉ tiêu đạt của từng đơn vị" + (Kinds.PERIODIC.equals(report.kind())
                ? " " + c.scopeLabel() : " (lũy kế các lần đánh giá)"), "Chỉ tiêu đạt",
                c.units().stream().map(UnitLine::name).toList(), c.units().stream().map(UnitLine::targetsMet).toList(),
                c.units().stream().map(UnitLine::targetsEvaluated).toList()));
        results.add(new Table("Bảng " + table++ + ". Số liệu thực hiện" + (Kinds.PERIODIC.equals(report.kind()) ? "" : " lũy kế")
                + " của từng đơn vị",
                List.of("TT", "Đơn vị", "Số liệu đã báo cáo", "Kết quả nổi bật"),
                numbered(indexed(c.units()).stream().map(i -> List.of(c.units().get(i).name(), figuresOf(c, i),
                        nonBlank(c.units().get(i).narrative(), "—"))).toList()), null));
        results.add(new Table("Bảng " + table++ + ". Tổng hợp số liệu toàn " + plan.agency().name(),
                List.of("TT", "Chỉ số", "Đơn vị tính", "Tổng số"),
                numbered(c.metrics().stream().map(m -> List.of(m.label(), nonBlank(m.unit(), ""), String.valueOf(m.total()))).toList()),
                null));
        List<TargetLine> targets = Kinds.FINAL.equals(report.kind()) ? c.planTargets() : c.agencyTargets();
        if (!targets.isEmpty()) {
            results.add(new Table("Bảng " + table++ + (Kinds.FINAL.equals(report.kind())
                    ? ". Kết quả thực hiện các chỉ tiêu của Kế hoạch" : ". Chỉ tiêu chung toàn " + plan.agency().name() + " trong kỳ"),
                    List.of("TT", "Chỉ tiêu", "Yêu cầu", "Kết quả", "Đánh giá"),
                    numbered(targets.stream().map(t -> List.of(t.description(), t.required(), t.achieved(),
                            t.met() ? "Đạt" : "Chưa đạt")).toList()), null));
        }
        if (Kinds.FINAL.equals(report.kind()) && !c.tasks().isEmpty()) {
            results.add(new Table("Bảng " + table++ + ". Kết quả thực hiện các nhiệm vụ của Kế hoạch",
                    List.of("TT", "Nhiệm vụ", "Đơn vị thực hiện và kết quả"),
                    numbered(c.tasks().stream().map(t -> List.of(t.code() + ". " + t.title(),
                            t.outcome().isEmpty() ? "—" : String.join("; ", t.outcome()))).toList()), null));
        }
        if (!c.evidence().isEmpty()) {
            results.add(new Table("Bảng " + table++ + ". Minh chứng các đơn vị đính kèm báo cáo",
                    List.of("TT", "Đơn vị", "Kỳ báo cáo", "Tệp minh chứng", "Dung lượng"),
                    numbered(c.evidence().stream().map(e -> List.of(e.unitName(), e.periodLabel(), e.fileName(), e.size())).toList()),
                    null));
        }
        if (Kinds.FINAL.equals(report.kind())) {
            List<UnitLine> shortfall = c.units().stream().filter(u -> !u.targetsNotMet().isEmpty() || u.missing()).toList();
            results.add(new Paragraph(shortfall.isEmpty() ? "Tất cả các đơn vị đạt đầy đủ các chỉ tiêu được giao."
                    : "Các đơn vị chưa đạt đầy đủ chỉ tiêu: " + String.join("; ", shortfall.stream()
                    .map(u -> u.name() + (u.missing() ? " (chưa nộp báo cáo kết quả)" : " (" + String.join("; ", u.targetsNotMet()) + ")"))
                    .toList()) + "."));
        }
        sections.add(new Section(ROMAN[0] + ". KẾT QUẢ THỰC HIỆN", results));

        List<Block> difficulties = new ArrayList<>();
        if (c.difficulties().isEmpty()) {
            difficulties.add(new Paragraph("Trong " + (Kinds.PERIODIC.equals(report.kind()) ? "kỳ" : "thời gian thực hiện")
                    + " không có khó khăn, vướng mắc được các đơn vị báo cáo."));
        } else {
            long resolved = c.difficulties().stream().filter(DifficultyLine::resolved).count();
            difficulties.add(new Paragraph("Các đơn vị báo cáo " + c.difficulties().size() + " khó khăn, vướng mắc; đã giải quyết "
                    + resolved + ", đang xử lý " + (c.difficulties().size() - resolved) + "."));
            difficulties.add(new Table("Bảng " + table++ + ". Khó khăn, vướng mắc và kết quả xử lý",
                    List.of("TT", "Đơn vị", "Nội dung", "Tình trạng", "Kết quả xử lý"),
                    numbered(c.difficulties().stream().map(d -> List.of(d.unitName(), d.description(), d.status(),
                            nonBlank(d.answer(), "—"))).toList()), null));
        }
        sections.add(new Section(ROMAN[1] + ". KHÓ KHĂN, VƯỚNG MẮC", difficulties));
        sections.add(new Section(ROMAN[2] + ". ĐÁNH GIÁ CHUNG", List.of(new Paragraph(nonBlank(report.assessment(), "")))));
        sections.add(new Section(ROMAN[3] + ". KIẾN NGHỊ, ĐỀ XUẤT", List.of(
                new Paragraph(nonBlank(report.proposals(), "Không có kiến nghị, đề xuất.")),
                new Paragraph("Trên đây là báo cáo " + (Kinds.AD_HOC.equals(report.kind()) ? "" : "kết quả thực hiện " + c.scopeLabel() + " ")
                        + "của " + plan.agency().name() + "./."))));

        List<String> distribution = new ArrayList<>();
        plan.recipients().forEach(r -> distribution.add(r.name() + (r.purpose() == null ? "" : " (" + r.purpose() + ")") + ";"));
        distribution.add("Lưu: VT, " + plan.focalUnit() + ".");
        return new ReportDocument(heading, "BÁO CÁO", report.subject(), sections, distribution,
                new ReportDocument.Signature(plan.leadership().signerAuthority(), plan.leadership().signerTitle(),
                        plan.leadership().signerName()));
    }

    /** The administrative level that a place name follows in a heading: "THÀNH PHỐ HẢI PHÒNG", "XÃ KẺ SẶT". */
    private static final Pattern PLACE = Pattern.compile(
            "(?<!\\p{L})(THÀNH PHỐ|TỈNH|THỊ XÃ|THỊ TRẤN|XÃ|PHƯỜNG|ĐẶC KHU|QUẬN|HUYỆN) (\\S.*)$");

    /**
     * A heading line whose place never breaks ("HẢI / PHÒNG" in the narrow heading column): the administrative level
     * and the place name are joined by no-break spaces, which Word and the PDF renderer keep together, so a long line
     * breaks before them ("UBND / THÀNH PHỐ HẢI PHÒNG").
     */
    static String placeKeptTogether(String line) {
        Matcher place = PLACE.matcher(line);
        return place.find() ? line.substring(0, place.start()) + place.group().replace(' ', '\u00A0') : line;
    }

    /**
     * "Hải Phòng, ngày 05 tháng 11 năm 2025": days below 10 and the months January and February take a
     * leading zero (Decree 30). A draft leaves day and month blank.
     */
    static String placeAndDate(String place, LocalDate issuedOn, LocalDate draftYearFrom) {
        if (issuedOn == null) {
            return place + ", ngày      tháng      năm " + draftYearFrom.getYear();
        }
        int month = issuedOn.getMonthValue();
        return place + ", ngày " + String.format("%02d", issuedOn.getDayOfMonth()) + " tháng "
                + (month < 3 ? "0" + month : String.valueOf(month)) + " năm " + issuedOn.getYear();
    }

    private static String figuresOf(Compilation c, int unitIndex) {
        if (c.units().get(unitIndex).missing()) {
            return "Chưa báo cáo";
        }
        List<String> parts = new ArrayList<>();
        for (MetricLine m : c.metrics()) {
            Integer value = m.values().get(unitIndex);
            if (value != null && value > 0) {
                parts.add(m.label() + ": " + value + (m.unit() == null ? "" : " " + m.unit()));
            }
        }
        return parts.isEmpty() ? "Không có số liệu phát sinh" : String.join("; ", parts);
    }

    private static List<List<String>> numbered(List<List<String>> rows) {
        List<List<String>> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(i + 1));
            row.addAll(rows.get(i));
            numbered.add(row);
        }
        return numbered;
    }

    private static List<Integer> indexed(List<?> list) {
        return java.util.stream.IntStream.range(0, list.size()).boxed().toList();
    }

    /** What the plan is about: its title without the leading "Kế hoạch". */
    private static String about(PlanDefinition plan) {
        return plan.title().startsWith("Kế hoạch ") ? plan.title().substring("Kế hoạch ".length()) : plan.title();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String nonBlank(String text, String otherwise) {
        return text == null || text.isBlank() ? otherwise : text;
    }
}
