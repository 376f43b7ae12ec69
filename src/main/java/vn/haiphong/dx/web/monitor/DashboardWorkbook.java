package vn.haiphong.dx.web.monitor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.haiphong.dx.web.monitor.PlanDashboard.AgencyTargetLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.Column;
import vn.haiphong.dx.web.monitor.PlanDashboard.TaskLine;
import vn.haiphong.dx.web.monitor.PlanDashboard.TaskUnit;
import vn.haiphong.dx.web.monitor.PlanDashboard.UnitTargetLine;

/**
 * A plan's dashboard as an Excel workbook (.xlsx) for the Office to send or print: the period matrix, the units'
 * targets, the agency-wide targets and the plan tasks' progress, each a sheet with Vietnamese headers and the values
 * of the page (the same {@link PlanDashboard}). A sheet's title and filters take its first rows; its table's header
 * is {@link #HEADER_ROW}.
 */
final class DashboardWorkbook {

    static final String MATRIX = "Tình hình nộp báo cáo";
    static final String UNIT_TARGETS = "Chỉ tiêu của đơn vị";
    static final String AGENCY_TARGETS = "Chỉ tiêu chung";
    static final String TASKS = "Tiến độ nhiệm vụ";
    /** The row (from 0) of each sheet's table header; the values follow. */
    static final int HEADER_ROW = 3;

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle title;
    private final CellStyle header;
    private final CellStyle text;

    private DashboardWorkbook() {
        Font bold = workbook.createFont();
        bold.setBold(true);
        title = workbook.createCellStyle();
        title.setFont(bold);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        bordered(header);
        text = workbook.createCellStyle();
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        bordered(text);
    }

    static byte[] of(PlanDashboard d, String exportedAt) {
        DashboardWorkbook book = new DashboardWorkbook();
        String subtitle = d.plan().agency() + " · " + d.filter().description() + " · Trích xuất lúc " + exportedAt;

        List<String> matrixHeader = new ArrayList<>(List.of("TT", "Đơn vị"));
        d.matrix().columns().stream().map(Column::title).forEach(matrixHeader::add);
        List<List<Object>> matrixRows = new ArrayList<>();
        d.matrix().rows().forEach(r -> {
            List<Object> values = new ArrayList<>(List.of(matrixRows.size() + 1, r.unitName()));
            r.cells().forEach(c -> values.add(c.label()));
            matrixRows.add(values);
        });
        book.sheet(MATRIX, "TÌNH HÌNH NỘP BÁO CÁO – " + d.plan().title(), subtitle, matrixHeader, matrixRows,
                widths(6, 40, matrixHeader.size() - 2, 16));

        List<List<Object>> unitRows = new ArrayList<>();
        for (UnitTargetLine l : d.unitTargets()) {
            unitRows.add(List.of(unitRows.size() + 1, l.unitName(), l.target(), l.required(), l.evaluated(), l.met(),
                    l.latest(), l.verdict(), l.percent()));
        }
        book.sheet(UNIT_TARGETS, "KẾT QUẢ THỰC HIỆN CHỈ TIÊU CỦA CÁC ĐƠN VỊ – " + d.plan().title(), subtitle,
                List.of("TT", "Đơn vị", "Chỉ tiêu", "Yêu cầu", "Số lần đánh giá", "Số lần đạt", "Kết quả gần nhất", "Đánh giá",
                        "Tỷ lệ đạt (%)"), unitRows, new int[] {6, 36, 60, 20, 12, 12, 20, 20, 12});

        List<List<Object>> agencyRows = new ArrayList<>();
        for (AgencyTargetLine l : d.agencyTargets()) {
            agencyRows.add(List.of(agencyRows.size() + 1, l.target(), l.period(), l.required(), l.actual(), l.percent(), l.verdict()));
        }
        book.sheet(AGENCY_TARGETS, "KẾT QUẢ THỰC HIỆN CHỈ TIÊU CHUNG – " + d.plan().title(), subtitle,
                List.of("TT", "Chỉ tiêu", "Kỳ", "Yêu cầu", "Kết quả", "Mức hoàn thành (%)", "Đánh giá"), agencyRows,
                new int[] {6, 60, 24, 14, 12, 14, 18});

        List<List<Object>> taskRows = new ArrayList<>();
        for (TaskLine task : d.tasks()) {
            for (TaskUnit unit : task.units()) {
                taskRows.add(List.of(taskRows.size() + 1, task.code(), task.title(), task.when(), unit.unitName(), unit.role(),
                        unit.status(), unit.period(), unit.note()));
            }
        }
        book.sheet(TASKS, "TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ – " + d.plan().title(), subtitle,
                List.of("TT", "Mã nhiệm vụ", "Nhiệm vụ", "Thời gian", "Đơn vị", "Vai trò", "Tình trạng", "Kỳ báo cáo", "Ghi chú"),
                taskRows, new int[] {6, 12, 60, 24, 36, 12, 22, 18, 40});
        return book.bytes();
    }

    private void sheet(String name, String heading, String subtitle, List<String> columns, List<List<Object>> rows, int[] widths) {
        Sheet sheet = workbook.createSheet(name);
        cell(sheet.createRow(0), 0, heading, title);
        cell(sheet.createRow(1), 0, subtitle, null);
        Row head = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < columns.size(); i++) {
            cell(head, i, columns.get(i), header);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(HEADER_ROW + 1 + r);
            for (int i = 0; i < rows.get(r).size(); i++) {
                cell(row, i, rows.get(r).get(i), text);
            }
        }
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(2, HEADER_ROW + 1);
    }

    private static void cell(Row row, int column, Object value, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(String.valueOf(value));
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static int[] widths(int first, int second, int repeated, int width) {
        int[] widths = new int[2 + repeated];
        widths[0] = first;
        widths[1] = second;
        java.util.Arrays.fill(widths, 2, widths.length, width);
        return widths;
    }

    private static void bordered(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }

    private byte[] bytes() {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
