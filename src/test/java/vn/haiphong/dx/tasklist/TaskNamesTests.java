package vn.haiphong.dx.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Short task names from the contexts the processes write, with the plan's title taken out and its number added. */
class TaskNamesTests {

    static final String TITLE = "Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025 trên địa bàn xã Kẻ Sặt";

    @Test
    void eachProcessContextKeepsItsPeriodUnitOrSubjectAndEndsWithThePlansNumber() {
        // UnitPlanProcess: "<title> – <unit>"
        assertThat(name("Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác", TITLE + " – Công an xã"))
                .isEqualTo("Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác – Công an xã – 29/KH-UBND");
        // PeriodicReportProcess: "<period> – <unit>", no title
        assertThat(name("Nộp báo cáo định kỳ", "tháng 10/2025 – Công an xã"))
                .isEqualTo("Nộp báo cáo định kỳ tháng 10/2025 – Công an xã – 29/KH-UBND");
        assertThat(name("Đôn đốc đơn vị nộp báo cáo", "tháng 10/2025 – Đoàn Thanh niên xã"))
                .isEqualTo("Đôn đốc đơn vị nộp báo cáo tháng 10/2025 – Đoàn Thanh niên xã – 29/KH-UBND");
        // PlanReviewProcess: the title alone; PlanAmendmentProcess: "điều chỉnh lần N – <title>"
        assertThat(name("Xem xét, phê duyệt dự thảo kế hoạch", TITLE)).isEqualTo("Xem xét, phê duyệt dự thảo kế hoạch – 29/KH-UBND");
        assertThat(name("Xem xét, phê duyệt dự thảo kế hoạch", "điều chỉnh lần 1 – " + TITLE))
                .isEqualTo("Xem xét, phê duyệt dự thảo kế hoạch điều chỉnh lần 1 – 29/KH-UBND");
        // ConsolidatedReportProcess: "<period> – <title>", "kết quả thực hiện <title> – <agency>", "đột xuất «…» – <agency>"
        assertThat(name("Hoàn thiện, trình báo cáo tổng hợp", "tháng 10/2025 – " + TITLE))
                .isEqualTo("Hoàn thiện, trình báo cáo tổng hợp tháng 10/2025 – 29/KH-UBND");
        assertThat(name("Hoàn thiện, trình báo cáo tổng hợp", "kết quả thực hiện " + TITLE + " – UBND xã Kẻ Sặt"))
                .isEqualTo("Hoàn thiện, trình báo cáo tổng hợp kết quả thực hiện kế hoạch – UBND xã Kẻ Sặt – 29/KH-UBND");
        assertThat(name("Hoàn thiện, trình báo cáo tổng hợp", "đột xuất «Tình hình hưởng ứng» – UBND xã Kẻ Sặt"))
                .isEqualTo("Hoàn thiện, trình báo cáo tổng hợp đột xuất «Tình hình hưởng ứng» – UBND xã Kẻ Sặt – 29/KH-UBND");
        // DifficultyProcess: "<unit>: <description>"
        assertThat(name("Xử lý khó khăn, vướng mắc của đơn vị", "Công an xã: Thiếu máy tính"))
                .isEqualTo("Xử lý khó khăn, vướng mắc của đơn vị – Công an xã: Thiếu máy tính – 29/KH-UBND");
    }

    @Test
    void aLongContextIsCutButNeverTheActionOrThePlan() {
        String name = name("Xử lý khó khăn, vướng mắc của đơn vị", "Công an xã: " + "Thiếu máy tính ".repeat(40));
        assertThat(name).hasSize(TaskNames.MAX_NAME).startsWith("Xử lý khó khăn, vướng mắc của đơn vị – Công an xã: Thiếu")
                .endsWith("… – 29/KH-UBND");
    }

    @Test
    void withoutANumberThePlansCodeStandsInAndWithoutAContextOnlyThePlan() {
        assertThat(TaskNames.compose("Hoàn thiện, trình dự thảo kế hoạch", TaskNames.withoutTitle(TITLE, TITLE), "kesat-ncds-2025"))
                .isEqualTo("Hoàn thiện, trình dự thảo kế hoạch – kesat-ncds-2025");
        assertThat(TaskNames.compose("Nộp báo cáo", null, null)).isEqualTo("Nộp báo cáo");
        assertThat(TaskNames.withoutTitle("tháng 10/2025 – Công an xã", TITLE)).isEqualTo("tháng 10/2025 – Công an xã");
    }

    private static String name(String action, String context) {
        return TaskNames.compose(action, TaskNames.withoutTitle(context, TITLE), "29/KH-UBND");
    }
}
