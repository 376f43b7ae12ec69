package vn.haiphong.dx.consolidation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess.Activities;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess.Decisions;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess.Vars;
import vn.haiphong.dx.delegation.UnitReleases;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Consolidated reports of the Kẻ Sặt commune plan (October–December 2025), driven through the plan's own
 * process on the exact calendar with the engine clock moved: a period closes, the Office completes the
 * draft, leadership returns and approves it, it is numbered and dispatched; ad-hoc and final reports.
 */
@SpringBootTest
@ActiveProfiles("test")
class ConsolidatedReportProcessTests {

    private static final String PLAN = PlanFixtures.KESAT;
    private static final String OFFICE = "kesat-vhxh";
    private static final String LEADERSHIP = "kesat-lanhdao";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired PlanFixtures fixtures;
    @Autowired Plans catalog;
    @Autowired ReportDocuments documents;
    @Autowired ReportCompiler compiler;
    @Autowired UnitReleases releases;

    PlanDefinition plan;
    ProcessInstance planInstance;

    @BeforeEach
    void issuedAndAcknowledged() {
        BpmnAwareTests.init(engine);
        plan = catalog.get(PLAN);
        clock(2025, 9, 25, 9);
        fixtures.freshIssued(PLAN, "15/KH-UBND");
        planInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(PLAN)
                .processDefinitionKey(PlanIssuanceProcess.ID).singleResult();
        for (PlanDefinition.Unit unit : plan.units()) {
            as(group(unit), () -> tasks.complete(taskQuery().processDefinitionKey("UnitPlanProcess")
                    .taskCandidateGroup(group(unit)).singleResult().getId(),
                    Map.of("personInCharge", "Cán bộ phụ trách", "plannedActivities", "Tháng 10: Tuyên truyền")));
        }
        fixtures.executeJobs();
        clock(2025, 10, 2, 9);
        fixtures.executeJobs();
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void whenEveryUnitHasReportedThePeriodClosesAndTheOfficeGetsADraft() {
        Assertions.assertThat(consolidations("2025-10")).isEmpty();
        everyUnitReports("2025-10", i -> Map.of("residentsVneid", 10));

        ProcessInstance report = consolidation("2025-10");
        assertThat(planInstance).hasPassed(PlanIssuanceProcess.Activities.ALL_UNITS_REPORTED);
        assertThat(report).isWaitingAt(Activities.COMPILE_REPORT);
        Task office = task(report);
        Assertions.assertThat(office.getName()).isEqualTo("Hoàn thiện, trình báo cáo tổng hợp tháng 10/2025 – 15/KH-UBND");
        assertThat(office).hasCandidateGroup(OFFICE);
        Assertions.assertThat(office.getDueDate()).as("units' due date 05/11 + 5 days").isEqualTo(at(2025, 11, 10, 23, 59, 59));
        int units = plan.units().size();
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.REPORT_SUMMARY))
                .startsWith("Trong tháng 10/2025, " + units + "/" + units + " đơn vị nộp báo cáo đúng hạn, 0 đơn vị nộp muộn, 0 đơn vị chưa nộp.")
                .as("only the units the plan asks VNeID of report it (Công an xã, Tổ Công nghệ số cộng đồng)")
                .contains("(VNeID): " + (10 * askedVneid()) + " người");
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.DOCUMENT_LINKS)).contains("/api/reports/");
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where plan_code = ? and kind = 'PERIODIC' "
                + "and period_code = '2025-10' and status = 'DRAFTED'", PLAN)).isEqualTo(1);
        Assertions.assertThat(consolidations("2025-11")).as("other periods are still open").isEmpty();
    }

    @Test
    void aReleasedUnitLeavesThePeriodAndEveryOtherUnitKeepsItsOwnFigures() {
        // Phòng Kinh tế, third in the plan's list, is released before the period's reports come in.
        releases.release(PLAN, "PKT", "Sáp nhập vào Văn phòng HĐND và UBND", null, "kesat.vhxh", List.of(OFFICE), false);
        for (int i = 0; i < plan.units().size(); i++) {
            PlanDefinition.Unit unit = plan.units().get(i);
            if (!unit.code().equals("PKT")) {
                reports(unit, "2025-10", asksVneid(unit.code()) ? Map.of("residentsVneid", 10 * (i + 1)) : Map.of());
            }
        }

        Compilation draft = compiler.periodic(plan, "2025-10");
        Assertions.assertThat(draft.units()).extracting(Compilation.UnitLine::code).doesNotContain("PKT");
        Compilation.MetricLine vneid = draft.metrics().stream().filter(m -> m.code().equals("residentsVneid")).findFirst().orElseThrow();
        for (int row = 0; row < draft.units().size(); row++) {
            String unit = draft.units().get(row).code();
            int position = plan.units().indexOf(plan.unit(unit).orElseThrow());
            Assertions.assertThat(vneid.values().get(row)).as("the figure in %s's row", unit)
                    .isEqualTo(asksVneid(unit) ? 10 * (position + 1) : 0);
        }
    }

    @Test
    void whenTheDueDatePassesThePeriodClosesWithTheUnitsThatReported() {
        reports(plan.units().get(0), "2025-10", Map.of("residentsVneid", 7));
        Assertions.assertThat(consolidations("2025-10")).isEmpty();

        clock(2025, 11, 6, 0);
        fixtures.executeJobs();

        ProcessInstance report = consolidation("2025-10");
        assertThat(planInstance).hasPassed(PlanIssuanceProcess.Activities.PERIOD_DUE_PASSED);
        assertThat(report).isWaitingAt(Activities.COMPILE_REPORT);
        int missing = plan.units().size() - 1;
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.REPORT_SUMMARY))
                .contains("1/" + plan.units().size() + " đơn vị nộp báo cáo đúng hạn, 0 đơn vị nộp muộn, " + missing + " đơn vị chưa nộp");
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.COMPILED_OVERVIEW))
                .contains("Chưa nộp báo cáo: " + plan.units().get(1).name());

        // A late report comes in while the Office drafts; the Office submits the drafted summary as it was: what
        // leadership reads and what is stored follow the data at submission, as the report's tables do.
        reports(plan.units().get(1), "2025-10", Map.of());
        String drafted = (String) runtime.getVariable(report.getId(), Vars.REPORT_SUMMARY);
        as(OFFICE, () -> tasks.complete(task(report).getId(), Map.of(Vars.REPORT_SUMMARY, drafted.replace("\n", "\r\n"),
                Vars.REPORT_ASSESSMENT, "Đánh giá.")));
        String submitted = (String) runtime.getVariable(report.getId(), Vars.REPORT_SUMMARY);
        Assertions.assertThat(submitted).contains("1/" + plan.units().size() + " đơn vị nộp báo cáo đúng hạn, 1 đơn vị nộp muộn, "
                + (missing - 1) + " đơn vị chưa nộp");
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.COMPILED_OVERVIEW))
                .doesNotContain("Chưa nộp báo cáo: " + plan.units().get(1).name());
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where id = ? and summary = ?",
                ((Number) runtime.getVariable(report.getId(), Vars.REPORT_ID)).longValue(), submitted)).isEqualTo(1);
    }

    @Test
    void leadershipReturnsWithCommentsThenApprovesAndTheReportIsNumberedDatedDispatchedAndReadableAsDocuments() throws IOException {
        List<PlanDefinition.Unit> units = plan.units();
        // A proposal made with a difficulty raised in Tasklist reaches the draft's proposals.
        fixtures.reportDifficulty("kesat.cax", "kesat-cax", Map.of(DifficultyProcess.Vars.DESCRIPTION, "Thiếu thiết bị đọc căn cước.",
                DifficultyProcess.Vars.PROPOSAL, "Đề nghị cấp 02 thiết bị đọc căn cước cho Công an xã."));
        everyUnitReports("2025-10", i -> Map.of("residentsVneid", 10 * (i + 1)));
        int total = 0;
        for (int i = 0; i < units.size(); i++) {
            String code = units.get(i).code();
            // Only the units the plan asks VNeID of report it.
            total += plan.metricsOf(code).stream().anyMatch(m -> m.code().equals("residentsVneid")) ? 10 * (i + 1) : 0;
        }
        ProcessInstance report = consolidation("2025-10");
        long id = ((Number) runtime.getVariable(report.getId(), Vars.REPORT_ID)).longValue();
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.REPORT_PROPOSALS))
                .contains("Công an xã: Đề nghị cấp 02 thiết bị đọc căn cước cho Công an xã.");

        as(OFFICE, () -> assertThatThrownBy(() -> tasks.complete(task(report).getId(), Map.of(Vars.REPORT_SUMMARY, "Tình hình chung.")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Đánh giá chung» là bắt buộc"));
        officeSubmits(report, "Các đơn vị triển khai nghiêm túc.");
        assertThat(report).isWaitingAt(Activities.APPROVE_REPORT);
        assertThat(task(report)).isAssignedTo("kesat.lanhdao");

        as(LEADERSHIP, () -> assertThatThrownBy(() -> tasks.complete(task(report).getId(), Map.of(Vars.APPROVAL_DECISION, Decisions.RETURN)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Ý kiến của lãnh đạo»"));
        as(LEADERSHIP, () -> tasks.complete(task(report).getId(), Map.of(Vars.APPROVAL_DECISION, Decisions.RETURN,
                Vars.LEADERSHIP_COMMENT, "Bổ sung đánh giá kết quả hướng dẫn VNeID.")));
        assertThat(report).isWaitingAt(Activities.COMPILE_REPORT);
        Assertions.assertThat(runtime.getVariable(report.getId(), Vars.LEADERSHIP_COMMENT)).isEqualTo("Bổ sung đánh giá kết quả hướng dẫn VNeID.");
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where id = ? and status = 'RETURNED' "
                + "and document_number is null", id)).isEqualTo(1);

        officeSubmits(report, "Các đơn vị triển khai nghiêm túc; kết quả hướng dẫn VNeID vượt chỉ tiêu.");
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where id = ? "
                + "and summary = 'Các đơn vị đã triển khai Kế hoạch.'", id)).as("the Office's own words are kept").isEqualTo(1);
        as(LEADERSHIP, () -> tasks.complete(task(report).getId(), Map.of(Vars.APPROVAL_DECISION, Decisions.APPROVE)));
        assertThat(report).isWaitingAt(Activities.DISPATCH_REPORT);
        fixtures.executeJobs();
        assertThat(report).isEnded().hasPassed(Activities.END_DISPATCHED);

        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where id = ? and status = 'DISPATCHED' "
                + "and document_number = '01/BC-UBND' and issued_on = ?", id, LocalDate.of(2025, 10, 2))).isEqualTo(1);
        Assertions.assertThat(fixtures.count("select count(*) from dx_report_dispatch where report_id = ?", id))
                .isEqualTo(plan.recipients().size());
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_event where report_id = ?", id))
                .as("drafted, submitted, returned, submitted, approved, dispatched").isEqualTo(6);

        byte[] pdf = documents.render(id, ReportDocuments.Format.PDF).content();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String lines = new PDFTextStripper().getText(document);
            String text = lines.replaceAll("\\s+", " ");
            // The place names of the heading stay on one line; the targets read as the plan's measures, never as the
            // Office's working notes.
            Assertions.assertThat(lines.lines()).anyMatch(line -> line.replace('\u00A0', ' ').equals("THÀNH PHỐ HẢI PHÒNG"))
                    .anyMatch(line -> line.replace('\u00A0', ' ').contains("XÃ KẺ SẶT"));
            Assertions.assertThat(text).doesNotContain("Kế hoạch không nêu", "Kế hoạch yêu cầu")
                    .contains(plan.targetLabel(plan.targets().get(0)), "Đề nghị cấp 02 thiết bị đọc căn cước cho Công an xã.");
            Assertions.assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                    "Số: 01/BC-UBND", plan.agency().place() + ", ngày 02 tháng 10 năm 2025", "BÁO CÁO", "Nơi nhận:",
                    plan.leadership().signerName(), "kết quả hướng dẫn VNeID vượt chỉ tiêu", String.valueOf(total))
                    .doesNotContain("DỰ THẢO");
            units.forEach(unit -> Assertions.assertThat(text).contains(unit.name()));
            PDPage first = document.getPage(0);
            Assertions.assertThat(first.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            Assertions.assertThat(first.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            List<String> fonts = new ArrayList<>();
            for (var name : first.getResources().getFontNames()) {
                fonts.add(first.getResources().getFont(name).getName());
            }
            Assertions.assertThat(fonts).anyMatch(f -> f.contains("LiberationSerif"));
        }
        byte[] docx = documents.render(id, ReportDocuments.Format.DOCX).content();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            Assertions.assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 01/BC-UBND", "Nơi nhận:",
                    plan.leadership().signerName(), String.valueOf(total));
            XWPFTable submissions = document.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(1) != null && "Đơn vị".equals(t.getRow(0).getCell(1).getText())).findFirst().orElseThrow();
            units.forEach(unit -> Assertions.assertThat(submissions.getRows()).anyMatch(r -> r.getCell(1).getText().equals(unit.name())));
            Assertions.assertThat(document.getDocument().getBody().getSectPr().getPgSz().getW().toString()).isEqualTo("11906");
            Assertions.assertThat(document.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).map(XWPFRun::getFontFamily))
                    .contains("Times New Roman");
        }
    }

    @Test
    void adHocRequestCollectsInputFromChosenUnitsThenGoesThroughTheSamePipeline() {
        PlanDefinition.Unit cax = plan.unit("CAX").orElseThrow();
        PlanDefinition.Unit mttq = plan.unit("MTTQ").orElseThrow();
        identity.setAuthentication("kesat.vhxh", List.of(OFFICE));
        assertThatThrownBy(() -> adHoc(Map.of("reportSubject", "Tình hình hưởng ứng Ngày Chuyển đổi số quốc gia",
                "requestedBy", "UBND thành phố", "reportDeadline", "2025-09-30")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Hạn gửi báo cáo» không được trước ngày hôm nay");
        ProcessInstance request = adHoc(Map.of("reportSubject", "Tình hình hưởng ứng Ngày Chuyển đổi số quốc gia",
                "requestedBy", "UBND thành phố", "requestReference", "Công văn số 1234/UBND-VX ngày 01/10/2025",
                "reportDeadline", "2025-10-15", "askUnits", true));
        identity.clearAuthentication();
        assertThat(request).isWaitingAt(AdHocReportProcess.Activities.CHOOSE_UNITS);
        Task choose = task(request);
        assertThat(choose).hasCandidateGroup(OFFICE);
        Assertions.assertThat(runtime.getVariableTyped(request.getId(), AdHocReportProcess.Vars.UNIT_OPTIONS).getType().getName())
                .isEqualTo("json");

        as(OFFICE, () -> assertThatThrownBy(() -> tasks.complete(choose.getId(), Map.of(
                AdHocReportProcess.Vars.INPUT_UNITS, SpinValues.jsonValue("[\"CAX\", \"KHONGCO\"]").create(),
                AdHocReportProcess.Vars.INPUT_DUE_ON, "2025-10-10")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«KHONGCO» không thuộc Kế hoạch"));
        as(OFFICE, () -> tasks.complete(choose.getId(), Map.of(
                AdHocReportProcess.Vars.INPUT_UNITS, SpinValues.jsonValue("[\"CAX\", \"MTTQ\"]").create(),
                AdHocReportProcess.Vars.INPUT_DUE_ON, "2025-10-10")));

        List<Task> inputs = taskQuery().processInstanceId(request.getId()).taskDefinitionKey(AdHocReportProcess.Activities.PROVIDE_INPUT).list();
        Assertions.assertThat(inputs).extracting(Task::getName).containsExactlyInAnyOrder(
                "Cung cấp thông tin cho báo cáo đột xuất – «Tình hình hưởng ứng Ngày Chuyển đổi số quốc gia» – " + cax.name() + " – 15/KH-UBND",
                "Cung cấp thông tin cho báo cáo đột xuất – «Tình hình hưởng ứng Ngày Chuyển đổi số quốc gia» – " + mttq.name() + " – 15/KH-UBND");
        Assertions.assertThat(inputs).allMatch(t -> t.getDueDate().equals(at(2025, 10, 10, 23, 59, 59)));
        Task caxInput = inputs.stream().filter(t -> t.getName().contains(cax.name())).findFirst().orElseThrow();
        assertThat(caxInput).hasCandidateGroup(group(cax));

        as(group(cax), () -> assertThatThrownBy(() -> tasks.complete(caxInput.getId(), Map.of("inputFigures", "3 buổi")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Nội dung cung cấp» là bắt buộc"));
        as(group(cax), () -> tasks.complete(caxInput.getId(), Map.of("inputContent", "Công an xã hướng dẫn 120 người dân kích hoạt VNeID.",
                "inputFigures", "120 người")));
        fixtures.executeJobs();
        assertThat(request).isWaitingAt(AdHocReportProcess.Activities.COLLECT_INPUTS);

        clock(2025, 10, 11, 8);
        fixtures.executeJobs();
        assertThat(request).hasPassed("BoundaryEvent_InputsDue").isWaitingAt(AdHocReportProcess.Activities.COMPILE);
        ProcessInstance report = runtime.createProcessInstanceQuery().superProcessInstanceId(request.getId()).singleResult();
        assertThat(report).isWaitingAt(Activities.COMPILE_REPORT);
        Assertions.assertThat(task(report).getName()).isEqualTo("Hoàn thiện, trình báo cáo tổng hợp đột xuất «Tình hình hưởng ứng "
                + "Ngày Chuyển đổi số quốc gia» – " + plan.agency().name() + " – 15/KH-UBND");
        Assertions.assertThat(task(report).getDueDate()).isEqualTo(at(2025, 10, 15, 23, 59, 59));
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.COMPILED_OVERVIEW))
                .contains("Thông tin của " + cax.name() + ": Đã gửi", "Thông tin của " + mttq.name() + ": Chưa gửi");

        officeSubmits(report, "Đánh giá chung về hưởng ứng.");
        as(LEADERSHIP, () -> tasks.complete(task(report).getId(), Map.of(Vars.APPROVAL_DECISION, Decisions.APPROVE)));
        fixtures.executeJobs();
        assertThat(request).isEnded().hasPassed(AdHocReportProcess.Activities.END);
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where plan_code = ? and kind = 'AD_HOC' "
                + "and status = 'DISPATCHED' and document_number = '01/BC-UBND' and requested_by = 'UBND thành phố'", PLAN)).isEqualTo(1);
    }

    @Test
    void theFinalReportEndsThePlan() {
        for (String period : List.of("2025-10", "2025-11", "2025-12")) {
            everyUnitReports(period, i -> Map.of("residentsVneid", 5, "postsPortal", 1));
            ProcessInstance report = consolidation(period);
            officeSubmits(report, "Đánh giá " + period);
            as(LEADERSHIP, () -> tasks.complete(task(report).getId(), Map.of(Vars.APPROVAL_DECISION, Decisions.APPROVE)));
            fixtures.executeJobs();
            assertThat(report).isEnded();
            clock(2025, Math.min(12, Integer.parseInt(period.substring(5)) + 1), 2, 9);
            fixtures.executeJobs();
        }
        assertThat(planInstance).isActive();
        clock(2026, 1, 2, 9);
        fixtures.executeJobs();
        for (PlanDefinition.Unit unit : plan.units()) {
            Task finalReport = taskQuery().processDefinitionKey("UnitPlanProcess").taskCandidateGroup(group(unit)).singleResult();
            as(group(unit), () -> tasks.complete(finalReport.getId(), Map.of("finalSummary", "Hoàn thành các nhiệm vụ được giao.",
                    "selfAssessment", "COMPLETED")));
        }
        fixtures.executeJobs();
        assertThat(planInstance).isWaitingAt(PlanIssuanceProcess.Activities.FINAL_REPORT);
        ProcessInstance finalReport = runtime.createProcessInstanceQuery().processDefinitionKey(ConsolidatedReportProcess.ID)
                .variableValueEquals(Vars.REPORT_KIND, ConsolidatedReportProcess.Kinds.FINAL).singleResult();
        Assertions.assertThat(task(finalReport).getName()).isEqualTo("Hoàn thiện, trình báo cáo tổng hợp kết quả thực hiện kế hoạch – "
                + plan.agency().name() + " – 15/KH-UBND");
        officeSubmits(finalReport, "Kế hoạch hoàn thành.");
        as(LEADERSHIP, () -> tasks.complete(task(finalReport).getId(), Map.of(Vars.APPROVAL_DECISION, Decisions.APPROVE)));
        fixtures.executeJobs();

        assertThat(planInstance).isEnded().hasPassed(PlanIssuanceProcess.Activities.END_COMPLETED);
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where plan_code = ? and status = 'DISPATCHED'",
                PLAN)).as("three periods and the final report").isEqualTo(4);
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where plan_code = ? and kind = 'PERIODIC' "
                + "and document_number in ('01/BC-UBND', '02/BC-UBND', '03/BC-UBND')", PLAN)).isEqualTo(3);
        Assertions.assertThat(fixtures.count("select count(*) from dx_consolidated_report where plan_code = ? and kind = 'FINAL' "
                + "and document_number = '01/BC-UBND' and issued_on = ?", PLAN, LocalDate.of(2026, 1, 2)))
                .as("numbering starts again in a new year").isEqualTo(1);
    }

    private void everyUnitReports(String period, Function<Integer, Map<String, Object>> figures) {
        for (int i = 0; i < plan.units().size(); i++) {
            reports(plan.units().get(i), period, figures.apply(i));
        }
    }

    private boolean asksVneid(String unitCode) {
        return plan.metricsOf(unitCode).stream().anyMatch(m -> m.code().equals("residentsVneid"));
    }

    /** How many units the plan asks to report VNeID guidance. */
    private int askedVneid() {
        return (int) plan.units().stream().filter(u -> plan.metricsOf(u.code()).stream().anyMatch(m -> m.code().equals("residentsVneid"))).count();
    }

    private void reports(PlanDefinition.Unit unit, String period, Map<String, Object> figures) {
        Task report = taskQuery().processDefinitionKey(PeriodicReportProcess.ID).taskCandidateGroup(group(unit))
                .processVariableValueEquals(PeriodicReportProcess.Vars.PERIOD_CODE, period).singleResult();
        Map<String, Object> values = new HashMap<>(figures);
        values.putAll(PlanFixtures.progress(plan, unit.code()));
        values.put(PeriodicReportProcess.Vars.REPORT_NARRATIVE, "Đã triển khai các hoạt động theo kế hoạch.");
        as(group(unit), () -> tasks.complete(report.getId(), values));
    }

    private void officeSubmits(ProcessInstance report, String assessment) {
        as(OFFICE, () -> tasks.complete(task(report).getId(), Map.of(Vars.REPORT_SUMMARY, "Các đơn vị đã triển khai Kế hoạch.",
                Vars.REPORT_ASSESSMENT, assessment)));
    }

    private ProcessInstance adHoc(Map<String, Object> values) {
        return runtime.createProcessInstanceByKey(AdHocReportProcess.ID).businessKey(PLAN).setVariables(values).execute();
    }

    private List<ProcessInstance> consolidations(String period) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ConsolidatedReportProcess.ID)
                .variableValueEquals(Vars.PERIOD_CODE, period).list();
    }

    private ProcessInstance consolidation(String period) {
        List<ProcessInstance> found = consolidations(period);
        Assertions.assertThat(found).hasSize(1);
        return found.get(0);
    }

    private String group(PlanDefinition.Unit unit) {
        return UnitGroups.unitGroupId(plan.agency().code(), unit.code());
    }

    private void as(String group, Runnable work) {
        identity.setAuthentication(UnitGroups.demoUserId(group), List.of(group));
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static void clock(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(at(year, month, day, hour, 0, 0));
    }

    private static Date at(int year, int month, int day, int hour, int minute, int second) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute, second).atZone(PlanService.ZONE).toInstant());
    }
}
