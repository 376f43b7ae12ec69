package vn.haiphong.dx.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.consolidation.ConsolidationService;
import vn.haiphong.dx.support.PlanFixtures;

/**
 * The journeys people take, in headless Chromium against the application on a random port with the embedded
 * database and a training calendar (a plan day lasts two seconds; the engine's clock jumps to a due date rather than
 * waiting for it, and the plan's reporting stays open for the journey's few minutes). Screenshots of every step are
 * saved in {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dx-browser;DB_CLOSE_DELAY=-1",
        "app.calendar.mode=compressed", "app.calendar.seconds-per-day=2"})
@ActiveProfiles("test")
class BrowserJourneyTests {

    @LocalServerPort int port;
    @Autowired PlanFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired ConsolidationService consolidation;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    @Test
    void aUnitReportsItsMonthWithTaskProgressAndEvidenceAndTheOfficeUrgesTheLateUnitsAtOnce() throws Exception {
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        acknowledge("cax");
        acknowledge("dtn");
        acknowledge("thon");
        fixtures.executeJobs();
        Path pdf = Files.createTempFile("bien-ban-", ".pdf");
        Files.write(pdf, "%PDF-1.4\n% Biên bản hướng dẫn VNeID tại thôn\n".getBytes(StandardCharsets.UTF_8));
        Path program = Files.createTempFile("chuong-trinh-", ".pdf");
        Files.write(program, new byte[] {'M', 'Z', (byte) 0x90, 0});

        try (Browser unit = new Browser(port, "report")) {
            unit.login("kesat.cax", "demo");
            assertThat(unit.text()).as("Tasklist speaks Vietnamese").contains("Việc của đơn vị", "Khởi tạo quy trình");
            unit.shot("tasklist-vi");
            unit.filter("Việc của đơn vị");
            unit.task("Nộp báo cáo định kỳ tháng 10/2025 – Công an xã");
            unit.shot("report-form");
            unit.type("residentsVneid", "85");
            unit.select("progress_T04", "Hoàn thành");
            unit.type("progressNote_T04", "Đã hướng dẫn tại 3 thôn");
            unit.select("progress_T11", "Chậm tiến độ");
            unit.type("reportNarrative", "Đã hướng dẫn 85 người dân cài đặt, kích hoạt VNeID tại 3 thôn.");
            String evidencePage = unit.link("Đính kèm tệp minh chứng (PDF, ảnh, Word, Excel) cho báo cáo này");
            assertThat(evidencePage).endsWith("/reports/" + PlanFixtures.KESAT + "/CAX/2025-10/evidence");
            unit.shot("report-filled");
            unit.complete();
            unit.shot("report-submitted");

            // The evidence page the form links to: a renamed program is refused in Vietnamese, a PDF is kept.
            unit.open("/reports/" + PlanFixtures.KESAT + "/CAX/2025-10/evidence");
            unit.waitForText("Minh chứng báo cáo tháng 10/2025");
            unit.attach("file", program);
            unit.click("Đính kèm");
            unit.waitForText("Tệp chưa được nhận.");
            assertThat(unit.text()).contains("không phải tệp PDF như tên tệp cho biết");
            unit.shot("evidence-refused");
            unit.attach("file", pdf);
            unit.click("Đính kèm");
            unit.waitForText("Đã đính kèm tệp");
            assertThat(unit.text()).contains(pdf.getFileName().toString()).doesNotContain("kesat.cax");
            unit.shot("evidence-attached");
        }
        assertThat(jdbc.sql("select count(*) from dx_report r join dx_report_figure f on f.report_id = r.id "
                        + "where r.unit_code = 'CAX' and r.period_code = '2025-10' and f.metric_code = 'residentsVneid' and f.amount = 85")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from dx_report_evidence where unit_code = 'CAX' and period_code = '2025-10'")
                .query(Integer.class).single()).isEqualTo(1);

        // Đoàn Thanh niên and the villages do not report: when the period closes, one Office task lists both.
        String dtnReport = runtime.createProcessInstanceQuery().processDefinitionKey("PeriodicReportProcess")
                .variableValueEquals("unitCode", "DTN").variableValueEquals("periodCode", "2025-10").singleResult().getId();
        Date due = (Date) runtime.getVariable(dtnReport, "dueAt");
        ClockUtil.offset(due.getTime() - System.currentTimeMillis() + 1500);
        fixtures.executeJobs();

        try (Browser office = new Browser(port, "urging")) {
            office.login("kesat.vhxh", "demo");
            office.filter("Việc của đơn vị");
            office.task("Đôn đốc các đơn vị chưa nộp báo cáo tháng 10/2025");
            assertThat(office.value("lateUnitsInfo")).contains("2 đơn vị quá hạn", "Đoàn Thanh niên xã", "Các thôn trên địa bàn xã");
            office.shot("urging-task");
            office.choose("Đôn đốc các đơn vị đã chọn");
            // Every late unit is ticked to begin with.
            assertThat((Boolean) office.script("return Array.from(document.querySelectorAll('[id*=Field_urgeUnits] input[type=checkbox], "
                    + ".fjs-form-field-checklist input[type=checkbox]')).every(box => box.checked)")).isTrue();
            office.type("urgingMessage", "Đề nghị các đơn vị nộp báo cáo tháng 10 ngay.");
            office.shot("urging-filled");
            office.complete();

            office.open("/monitor/plans/" + PlanFixtures.KESAT + "/periods/2025-10");
            office.waitForText("Báo cáo tháng 10/2025");
            assertThat(office.text()).contains("Công an xã", "Đoàn Thanh niên xã", "Chưa nộp", "1 lần");
            office.shot("office-sees-the-period");

            // The Office follows each task: the status each unit gave, and the evidence it attached.
            office.open("/monitor/plans/" + PlanFixtures.KESAT + "/tasks");
            office.waitForText("Tiến độ các nhiệm vụ của Kế hoạch");
            assertThat(office.text()).contains("T04", "Công an xã", "Hoàn thành", "Đã hướng dẫn tại 3 thôn", "Chậm tiến độ",
                    pdf.getFileName().toString());
            office.shot("office-follows-the-tasks");
            assertThat(office.download(office.linkOnPage(pdf.getFileName().toString()))).startsWith("200 application/pdf");
        }
        for (String unit : List.of("DTN", "THON")) {
            String report = runtime.createProcessInstanceQuery().processDefinitionKey("PeriodicReportProcess")
                    .variableValueEquals("unitCode", unit).variableValueEquals("periodCode", "2025-10").singleResult().getId();
            assertThat((String) runtime.getVariable(report, "officeNotes"))
                    .as("each urged unit sees the urging on its task").contains("Đề nghị các đơn vị nộp báo cáo tháng 10 ngay.");
        }
    }

    @Test
    void aDifficultyGoesUpToLeadershipAndBackAndOtherUnitsSeeNothing() throws Exception {
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        try (Browser browser = new Browser(port, "difficulty")) {
            browser.login("kesat.cax", "demo");
            browser.startProcess("Báo cáo khó khăn, vướng mắc");
            browser.type("difficultyDescription", "Thiếu điện thoại thông minh để hướng dẫn người cao tuổi cài đặt VNeID");
            browser.choose("Khẩn");
            browser.shot("unit-reports");
            browser.confirmStart();

            browser.login("kesat.vhxh", "demo");
            browser.filter("Việc của đơn vị");
            browser.task("Xử lý khó khăn, vướng mắc của đơn vị – Công an xã");
            browser.choose("Tham mưu, trình lãnh đạo");
            browser.type("officeAdvice", "Đề nghị trích kinh phí mua 05 máy.");
            browser.shot("office-forwards");
            browser.complete();

            browser.login("kesat.lanhdao", "demo");
            browser.filter("Việc của đơn vị");
            browser.task("Cho ý kiến chỉ đạo giải quyết khó khăn");
            browser.choose("Trả lời, chỉ đạo đơn vị");
            browser.type("leadershipAnswer", "Đồng ý, Phòng Kinh tế bố trí kinh phí.");
            browser.shot("leadership-answers");
            browser.complete();

            browser.login("kesat.cax", "demo");
            browser.filter("Việc của đơn vị");
            browser.task("Xác nhận kết quả giải quyết khó khăn");
            assertThat(browser.value("answerText")).isEqualTo("Lãnh đạo trả lời: Đồng ý, Phòng Kinh tế bố trí kinh phí.");
            browser.choose("Đã giải quyết");
            browser.shot("unit-confirms");
            browser.complete();

            browser.login("kesat.dtn", "demo");
            browser.filter("Việc của đơn vị");
            assertThat(browser.text()).doesNotContain("khó khăn").doesNotContain("Công an xã");
            browser.open("/monitor/plans/" + PlanFixtures.KESAT + "/difficulties");
            browser.waitForText("Khó khăn, vướng mắc");
            assertThat(browser.text()).contains("Tổng số: 0").doesNotContain("Thiếu điện thoại");
            browser.shot("other-unit-sees-nothing");
        }
        assertThat(jdbc.sql("select status from dx_difficulty").query(String.class).list()).containsExactly("CONFIRMED");
    }

    @Test
    void leadershipApprovesAConsolidatedReportAndDownloadsItAndAUnitCannot() throws Exception {
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
        // Nobody reports: October's due date passes and closes the period.
        Date closes = consolidation.periodClosesAt(PlanFixtures.KESAT, "2025-10");
        ClockUtil.offset(closes.getTime() - System.currentTimeMillis() + 1500);
        fixtures.executeJobs();
        String report = runtime.createProcessInstanceQuery().processDefinitionKey("ConsolidatedReportProcess")
                .variableValueEquals("periodCode", "2025-10").singleResult().getId();
        long id = ((Number) runtime.getVariable(report, "consolidatedReportId")).longValue();
        try (Browser browser = new Browser(port, "consolidation")) {
            browser.login("kesat.vhxh", "demo");
            browser.filter("Việc của đơn vị");
            browser.task("Hoàn thiện, trình báo cáo tổng hợp tháng 10/2025");
            assertThat(browser.download(browser.link("Tải bản PDF"))).as("the Office reads the draft").startsWith("200 application/pdf");
            assertThat(browser.value("reportSummary")).startsWith("Trong tháng 10/2025, 0/");
            assertThat(browser.text()).as("no leadership comment before a return").doesNotContain("Ý kiến của lãnh đạo khi trả lại");
            browser.type("reportAssessment", "Các đơn vị cần khẩn trương báo cáo kết quả tháng 10.");
            browser.shot("office-completes-the-draft");
            browser.complete();

            browser.login("kesat.lanhdao", "demo");
            browser.filter("Việc của đơn vị");
            browser.task("Phê duyệt báo cáo tổng hợp tháng 10/2025");
            String pdf = browser.link("Tải bản PDF");
            String docx = browser.link("Tải bản DOCX để chỉnh sửa");
            assertThat(pdf).endsWith("/api/reports/" + id + "/document.pdf");
            assertThat(browser.download(pdf)).startsWith("200 application/pdf");
            assertThat(browser.download(docx)).startsWith("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            browser.choose("Phê duyệt, cấp số và gửi báo cáo");
            browser.shot("leadership-approves");
            browser.complete();
            fixtures.executeJobs();
            browser.open("/monitor/plans/" + PlanFixtures.KESAT);
            browser.waitForText("Báo cáo tổng hợp");
            assertThat(browser.text()).contains("01/BC-UBND", "Đã gửi");
            browser.shot("leadership-sees-it-sent");

            browser.login("kesat.cax", "demo");
            browser.filter("Việc của đơn vị");
            assertThat(browser.text()).doesNotContain("báo cáo tổng hợp");
            assertThat(browser.download(pdf)).as("a unit cannot download the agency's report").startsWith("403");
            browser.shot("unit-sees-nothing");
        }
        assertThat(jdbc.sql("select document_number from dx_consolidated_report where id = ?").param(id).query(String.class).single())
                .isEqualTo("01/BC-UBND");
    }

    private void acknowledge(String unit) {
        String task = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).taskCandidateGroup("kesat-" + unit)
                .singleResult().getId();
        identity.setAuthentication("kesat." + unit, List.of("kesat-" + unit));
        tasks.complete(task, Map.of("personInCharge", "Cán bộ phụ trách", "plannedActivities", "Tháng 10: Tuyên truyền"));
        identity.clearAuthentication();
    }
}
