package vn.haiphong.dx.web.monitor;

/**
 * Where a unit stands on one period's report, as the matrix, its legend, the filters and the Excel export show it.
 * The label is what a cell says (and the export's cell); the meaning is the legend's.
 */
enum ReportState {
    ON_TIME("Đúng hạn", "nộp trong hạn", "on-time"),
    LATE("Nộp muộn", "nộp sau hạn", "late"),
    OVERDUE("Chưa nộp", "đã quá hạn mà chưa nộp", "overdue"),
    /** A report the Office sent back for correction and that is not yet submitted again. */
    RETURNED("Trả lại", "bị trả lại để sửa, chưa nộp lại", "returned"),
    OPEN("Đang mở", "đang trong thời gian báo cáo", "open"),
    UPCOMING("Chưa đến kỳ", "kỳ báo cáo chưa bắt đầu", "upcoming"),
    /** A unit released from the plan: nothing is asked of it any more. */
    RELEASED("Được miễn", "đơn vị được miễn thực hiện", "released"),
    NOT_ASKED("Không yêu cầu", "kỳ đã kết thúc trước khi kế hoạch ban hành", "not-asked");

    private final String label;
    private final String meaning;
    private final String css;

    ReportState(String label, String meaning, String css) {
        this.label = label;
        this.meaning = meaning;
        this.css = css;
    }

    String label() {
        return label;
    }

    String meaning() {
        return meaning;
    }

    /** The class that colours the state on the pages and in the charts ({@code app.css}, {@code js/charts.js}). */
    String css() {
        return css;
    }
}
