package vn.haiphong.dx.reporting;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.reporting.PeriodicReportProcess.Activities;
import vn.haiphong.dx.reporting.PeriodicReportProcess.Vars;
import vn.haiphong.dx.support.PlanFixtures;

/** One unit's report for one period, on the exact calendar, with the engine clock moved through it. */
@SpringBootTest
@ActiveProfiles("test")
class PeriodicReportProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired PlanFixtures fixtures;
    @Autowired ReportForms reportForms;
    @Autowired ReportingService reporting;
    @Autowired ReportCorrections corrections;

    @BeforeEach
    void freshPlan() {
        BpmnAwareTests.init(engine);
        fixtures.freshDraft(PlanFixtures.SNNMT);
        fixtures.freshDraft(PlanFixtures.KESAT);
        // Reports are started here without issuing the plans: their forms are generated as issuance would.
        reportForms.deploy(fixtures.seed(PlanFixtures.SNNMT).plan(), 1);
        reportForms.deploy(fixtures.seed(PlanFixtures.KESAT).plan(), 1);
        clock(2025, 1, 10, 9);
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void eachSeedHasOneReportPerPeriodFromItsData() {
        Assertions.assertThat(reporting.periodCodes(PlanFixtures.SNNMT)).hasSize(13).contains("2025-01", "2025-12", "peak-oct");
        clock(2025, 9, 20, 9);
        Assertions.assertThat(reporting.periodCodes(PlanFixtures.KESAT)).containsExactly("2025-10", "2025-11", "2025-12");
    }

    @Test
    void everyUnitGetsOneReportInstanceAndTaskPerPeriod() {
        ProcessInstance department = unitAcknowledged(PlanFixtures.SNNMT, "QLDD", "snnmt");
        Assertions.assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(department.getId()).count()).isEqualTo(13);
        Assertions.assertThat(taskQuery().processDefinitionKey(PeriodicReportProcess.ID).taskCandidateGroup("snnmt-qldd")
                .list()).extracting(Task::getName).containsExactly("Nộp báo cáo định kỳ tháng 01/2025 – Phòng Quản lý đất đai – snnmt-tt-cds-2025");

        clock(2025, 9, 25, 9);
        ProcessInstance commune = unitAcknowledged(PlanFixtures.KESAT, "THON", "kesat");
        Assertions.assertThat(runtime.createProcessInstanceQuery().superProcessInstanceId(commune.getId()).count()).isEqualTo(3);
        clock(2025, 12, 1, 9);
        fixtures.executeJobs();
        Assertions.assertThat(taskQuery().processDefinitionKey(PeriodicReportProcess.ID).taskCandidateGroup("kesat-thon").list())
                .extracting(Task::getName).containsExactlyInAnyOrder("Nộp báo cáo định kỳ tháng 10/2025 – Các thôn trên địa bàn xã – kesat-ncds-2025",
                        "Nộp báo cáo định kỳ tháng 11/2025 – Các thôn trên địa bàn xã – kesat-ncds-2025",
                        "Nộp báo cáo định kỳ tháng 12/2025 – Các thôn trên địa bàn xã – kesat-ncds-2025");
    }

    @Test
    void aPlanIssuedLateCreatesNoTasksForPeriodsAlreadyOver() {
        clock(2025, 6, 15, 9);
        Assertions.assertThat(reporting.periodCodes(PlanFixtures.SNNMT))
                .containsExactly("2025-06", "2025-07", "2025-08", "2025-09", "2025-10", "peak-oct", "2025-11", "2025-12");
    }

    @Test
    void periodOpensWithDueDateAndReminderThenALateReportIsAcceptedAndMarkedLate() {
        clock(2025, 9, 20, 9);
        ProcessInstance report = start(PlanFixtures.SNNMT, "TCCB", "2025-10");
        assertThat(report).isWaitingAt(Activities.PERIOD_OPENS);
        // A year of reports waits in the database: each keeps what its tasks and form need, and reads the plan's
        // dates and groups from the plan.
        Assertions.assertThat(runtime.getVariables(report.getId()).keySet()).containsExactlyInAnyOrder(
                Vars.PLAN_CODE, Vars.UNIT_CODE, Vars.PERIOD_CODE, Vars.TASK_CONTEXT, Vars.DUE_AT, Vars.DUE_ON,
                Vars.PERIOD_INFO, Vars.PLAN_VERSION, Vars.REPORT_FORM_KEY);
        Assertions.assertThat(management.createJobQuery().processInstanceId(report.getId()).singleResult().getDuedate())
                .isEqualTo(at(2025, 10, 1, 0, 0, 0));

        clock(2025, 10, 1, 0);
        fixtures.executeJobs();
        assertThat(report).isWaitingAt(Activities.SUBMIT_REPORT);
        Task unitTask = task(report);
        assertIsTheOctoberReportOfTccb(unitTask);

        clock(2025, 11, 3, 8);
        fixtures.executeJobs();
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.OFFICE_NOTES))
                .isEqualTo("Nhắc hạn: báo cáo cần nộp trước hết ngày 05/11/2025.");
        Assertions.assertThat(tasks.getTaskComments(unitTask.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("Nhắc hạn: báo cáo cần nộp trước hết ngày 05/11/2025.");

        // Past the due date the report stays open, in the unit's queue: the Office urges late units per period, in
        // one task of the plan's process (PlanIssuanceProcessTests), not one task per unit here.
        clock(2025, 11, 13, 8);
        fixtures.executeJobs();
        assertThat(report).isWaitingAt(Activities.SUBMIT_REPORT);
        Assertions.assertThat(taskQuery().processInstanceId(report.getId()).count()).isEqualTo(1);

        identity.setAuthentication("snnmt.tccb", List.of("snnmt-tccb"));
        tasks.complete(unitTask.getId(), submission(PlanFixtures.SNNMT, "TCCB", Map.of("postsPortal", 1, "bannersPosters", 2)));
        identity.clearAuthentication();
        assertThat(report).isEnded().hasPassed(Activities.END_STORED);
        Assertions.assertThat(fixtures.count("select count(*) from dx_report where plan_code = ? and unit_code = 'TCCB' "
                + "and period_code = '2025-10' and late = true and submitted_by = 'snnmt.tccb'", PlanFixtures.SNNMT)).isEqualTo(1);
        Assertions.assertThat(fixtures.count("""
                select count(*) from dx_report_target t join dx_report r on r.id = t.report_id
                where r.plan_code = ? and r.unit_code = 'TCCB' and t.target_code = 'POSTS_MONTHLY' and t.met = false and t.actual = 1""",
                PlanFixtures.SNNMT)).isEqualTo(1);
    }

    @Test
    void reportOnTimeIsNotLate() {
        clock(2025, 10, 2, 9);
        ProcessInstance report = start(PlanFixtures.KESAT, "CAX", "2025-10");
        fixtures.executeJobs();
        String taskId = task(report).getId();
        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        tasks.complete(taskId, submission(PlanFixtures.KESAT, "CAX", Map.of("residentsVneid", 85)));
        identity.clearAuthentication();
        Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(report.getId()).count()).isZero();
        Assertions.assertThat(fixtures.count("select count(*) from dx_report where unit_code = 'CAX' and late = false "
                + "and targets_met = 1 and targets_evaluated = 2", new Object[0])).isEqualTo(1);
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        clock(2025, 10, 2, 9);
        ProcessInstance report = start(PlanFixtures.KESAT, "TCNS", "2025-10");
        fixtures.executeJobs();
        String taskId = task(report).getId();
        identity.setAuthentication("kesat.tcns", List.of("kesat-tcns"));
        refused(taskId, submission(PlanFixtures.KESAT, "TCNS", Map.of("residentsVneid", -3)), "«Người dân được hướng dẫn cài đặt, kích hoạt tài khoản định danh điện tử (VNeID) (người)» không được nhỏ hơn 0");
        refused(taskId, submission(PlanFixtures.KESAT, "TCNS", Map.of("residentsVneid", "nhiều")), "«Người dân được hướng dẫn cài đặt, kích hoạt tài khoản định danh điện tử (VNeID) (người)» phải là một số");
        refused(taskId, submission(PlanFixtures.KESAT, "TCNS", Map.of("postsPortal", 2.5)), "phải là số nguyên");
        Map<String, Object> oversized = submission(PlanFixtures.KESAT, "TCNS", Map.of());
        oversized.put(Vars.REPORT_NARRATIVE, "x".repeat(3001));
        refused(taskId, oversized, "dài 3001 ký tự, vượt quá giới hạn 3000 ký tự");
        Map<String, Object> badLink = submission(PlanFixtures.KESAT, "TCNS", Map.of());
        badLink.put(Vars.EVIDENCE_LINKS, "javascript:alert(1)");
        refused(taskId, badLink, "«Đường dẫn minh chứng» không đúng định dạng");
        Map<String, Object> difficulty = submission(PlanFixtures.KESAT, "TCNS", Map.of());
        difficulty.put(Vars.HAS_DIFFICULTY, true);
        refused(taskId, difficulty, "cần mô tả «Khó khăn, vướng mắc»");

        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        assertThatThrownBy(() -> tasks.complete(taskId, submission(PlanFixtures.KESAT, "TCNS", Map.of("residentsVneid", 3))))
                .as("a report for a unit the user does not belong to").isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();

        assertThat(report).isWaitingAt(Activities.SUBMIT_REPORT);
        Assertions.assertThat(fixtures.count("select count(*) from dx_report where plan_code = ?", PlanFixtures.KESAT)).isZero();
        Assertions.assertThat(runtime.getVariable(report.getId(), Vars.REPORT_NARRATIVE)).isNull();
    }

    @Test
    void whenThePlansReportingClosesAnUnreportedPeriodIsRecordedAsNotReported() {
        clock(2025, 10, 2, 9);
        ProcessInstance report = start(PlanFixtures.KESAT, "DTN", "2025-10");
        fixtures.executeJobs();
        assertThat(report).isWaitingAt(Activities.SUBMIT_REPORT);
        // The plan ends 31/12/2025; its final report is due ten days later, on Saturday 10/01/2026: Monday 12/01.
        Assertions.assertThat(reporting.reportingClosesAt(PlanFixtures.KESAT)).isEqualTo(at(2026, 1, 12, 23, 59, 59));
        clock(2026, 1, 12, 23);
        fixtures.executeJobs();
        assertThat(report).isWaitingAt(Activities.SUBMIT_REPORT);
        clock(2026, 1, 13, 0);
        fixtures.executeJobs();
        assertThat(report).isEnded().hasPassed(Activities.END_MISSING);
        Assertions.assertThat(reporting.status(PlanFixtures.KESAT, "2025-10").units()).filteredOn(u -> u.unitCode().equals("DTN"))
                .extracting(PeriodStatus.UnitReport::state).containsExactly(PeriodStatus.State.MISSING);
    }

    @Test
    void theOfficeReturnsAReportTheUnitCorrectsItAndTheCorrectionCountsWithBothKept() {
        clock(2025, 10, 2, 9);
        ProcessInstance report = start(PlanFixtures.KESAT, "CAX", "2025-10");
        fixtures.executeJobs();
        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        tasks.complete(task(report).getId(), submission(PlanFixtures.KESAT, "CAX", Map.of("residentsVneid", 850)));
        identity.clearAuthentication();
        Assertions.assertThat(reporting.figures(PlanFixtures.KESAT, "2025-10").get("CAX")).containsEntry("residentsVneid", 850);

        clock(2025, 10, 6, 9);
        // Only the plan's focal unit returns a report, and says why.
        assertThatThrownBy(() -> corrections.returnForCorrection(PlanFixtures.KESAT, "CAX", "2025-10", "Sai số liệu", "kesat.dtn",
                List.of("kesat-dtn"), false)).isInstanceOf(InputRejectedException.class).hasMessageContaining("không thuộc");
        assertThatThrownBy(() -> corrections.returnForCorrection(PlanFixtures.KESAT, "CAX", "2025-10", "  ", "kesat.vhxh",
                List.of("kesat-vhxh"), false)).isInstanceOf(InputRejectedException.class).hasMessageContaining("«Lý do trả lại» là bắt buộc");
        String correction = corrections.returnForCorrection(PlanFixtures.KESAT, "CAX", "2025-10",
                "Số người được hướng dẫn (850) lớn hơn số dân của xã; đề nghị kiểm tra lại.", "kesat.vhxh", List.of("kesat-vhxh"), false);
        assertThatThrownBy(() -> corrections.returnForCorrection(PlanFixtures.KESAT, "CAX", "2025-10", "Lần nữa", "kesat.vhxh",
                List.of("kesat-vhxh"), false)).as("a returned report is not returned twice")
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("đã được trả lại và đang chờ đơn vị sửa");
        // While returned, the report no longer counts: its figures leave the period.
        Assertions.assertThat(reporting.figures(PlanFixtures.KESAT, "2025-10")).doesNotContainKey("CAX");
        Assertions.assertThat(reporting.status(PlanFixtures.KESAT, "2025-10").units()).filteredOn(u -> u.unitCode().equals("CAX"))
                .extracting(PeriodStatus.UnitReport::state).containsExactly(PeriodStatus.State.RETURNED);

        fixtures.executeJobs();
        Task fix = taskQuery().processInstanceId(correction).singleResult();
        Assertions.assertThat(fix.getName()).isEqualTo("Nộp báo cáo định kỳ tháng 10/2025 – Công an xã (sửa theo yêu cầu) – kesat-ncds-2025");
        assertThat(fix).hasCandidateGroup("kesat-cax");
        // Due on the period's own due date (05/11): three working days after the return would be earlier (09/10).
        Assertions.assertThat(fix.getDueDate()).isEqualTo(at(2025, 11, 5, 23, 59, 59));
        Assertions.assertThat(runtime.getVariable(correction, "residentsVneid")).isEqualTo(850);
        Assertions.assertThat((String) runtime.getVariable(correction, Vars.OFFICE_NOTES))
                .startsWith("Phòng Văn hóa – Xã hội trả lại").contains("trả lại báo cáo để sửa: Số người được hướng dẫn (850)");

        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        tasks.complete(fix.getId(), submission(PlanFixtures.KESAT, "CAX", Map.of("residentsVneid", 85)));
        identity.clearAuthentication();
        Assertions.assertThat(reporting.figures(PlanFixtures.KESAT, "2025-10").get("CAX")).containsEntry("residentsVneid", 85);
        PeriodStatus.UnitReport cax = reporting.status(PlanFixtures.KESAT, "2025-10").units().stream()
                .filter(u -> u.unitCode().equals("CAX")).findFirst().orElseThrow();
        Assertions.assertThat(cax.state()).isEqualTo(PeriodStatus.State.ON_TIME);
        Assertions.assertThat(cax.revision()).isEqualTo(2);
        Assertions.assertThat(fixtures.count("select count(*) from dx_report where plan_code = ? and unit_code = 'CAX' and period_code = '2025-10' "
                + "and ((revision_no = 1 and state = 'REPLACED' and returned_by = 'kesat.vhxh') or (revision_no = 2 and state = 'SUBMITTED'))",
                PlanFixtures.KESAT)).as("both submissions are kept").isEqualTo(2);
        Assertions.assertThat(fixtures.count("select count(*) from dx_task_progress p join dx_report r on r.id = p.report_id "
                + "where r.plan_code = ? and r.unit_code = 'CAX' and r.revision_no = 2 and p.status = 'IN_PROGRESS'", PlanFixtures.KESAT))
                .isEqualTo(fixtures.seed(PlanFixtures.KESAT).plan().tasksOf("CAX").size()).isPositive();
    }

    private ProcessInstance unitAcknowledged(String plan, String unit, String agency) {
        ProcessInstance instance = runtime.createProcessInstanceByKey("UnitPlanProcess").businessKey(plan)
                .setVariable(Vars.PLAN_CODE, plan).setVariable(Vars.UNIT_CODE, unit).execute();
        tasks.complete(task(instance).getId(), Map.of("personInCharge", "Cán bộ phụ trách",
                "plannedActivities", "Tháng 10: Tuyên truyền"));
        fixtures.executeJobs();
        return instance;
    }

    private void refused(String taskId, Map<String, Object> values, String reason) {
        assertThatThrownBy(() -> tasks.complete(taskId, values))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining(reason);
    }

    @Test
    void aReportOfTheModelDeployedBeforeItsDatesCameFromThePlanStillOpensWithItsQueueAndDates() {
        // Units of plans issued before an upgrade create reports of the model version they were deployed with.
        String deployment;
        // With the forms it refers to: a deployment without them is refused (form/DeployedFormsPlugin).
        try (var legacyModel = getClass().getResourceAsStream("/legacy/PeriodicReportProcess-v1.xml");
             var reportForm = getClass().getResourceAsStream("/legacy/submitPeriodicReport-form.json");
             var urgeForm = getClass().getResourceAsStream("/legacy/urgeUnit-form.json")) {
            deployment = repository.createDeployment().name("PeriodicReportProcess as deployed before 2026-11-23")
                    .addInputStream("PeriodicReportProcess.bpmn", legacyModel).addInputStream("submitPeriodicReport.form", reportForm)
                    .addInputStream("urgeUnit.form", urgeForm).deploy().getId();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            String legacy = repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult().getId();
            clock(2025, 9, 20, 9);
            ProcessInstance report = runtime.createProcessInstanceById(legacy).businessKey(PlanFixtures.SNNMT)
                    .setVariable(Vars.PLAN_CODE, PlanFixtures.SNNMT).setVariable(Vars.UNIT_CODE, "TCCB")
                    .setVariable(Vars.PERIOD_CODE, "2025-10").execute();
            assertThat(report).isWaitingAt(Activities.PERIOD_OPENS);
            Assertions.assertThat(management.createJobQuery().processInstanceId(report.getId()).singleResult().getDuedate())
                    .isEqualTo(at(2025, 10, 1, 0, 0, 0));

            clock(2025, 10, 1, 0);
            fixtures.executeJobs();
            assertIsTheOctoberReportOfTccb(taskQuery().processInstanceId(report.getId()).singleResult());

            clock(2025, 11, 6, 8);
            fixtures.executeJobs();
            assertThat(taskQuery().processInstanceId(report.getId()).taskDefinitionKey("Task_UrgeUnit").singleResult())
                    .hasCandidateGroup("snnmt-vp");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    /** The report task of Phòng Tổ chức cán bộ for October 2025: its name, queue, due and follow-up dates. */
    private static void assertIsTheOctoberReportOfTccb(Task unitTask) {
        Assertions.assertThat(unitTask.getName()).isEqualTo("Nộp báo cáo định kỳ tháng 10/2025 – Phòng Tổ chức cán bộ – snnmt-tt-cds-2025");
        assertThat(unitTask).hasCandidateGroup("snnmt-tccb");
        Assertions.assertThat(unitTask.getDueDate()).isEqualTo(at(2025, 11, 5, 23, 59, 59));
        Assertions.assertThat(unitTask.getFollowUpDate()).isEqualTo(at(2025, 11, 3, 0, 0, 0));
    }

    /** A report with the figures, a status for each of the unit's plan tasks, and its summary. */
    private Map<String, Object> submission(String plan, String unit, Map<String, Object> figures) {
        Map<String, Object> values = new HashMap<>(figures);
        values.putAll(fixtures.progress(plan, unit));
        values.put(Vars.REPORT_NARRATIVE, "Đã triển khai các hoạt động theo kế hoạch.");
        return values;
    }

    private ProcessInstance start(String plan, String unit, String period) {
        return runtime.createProcessInstanceByKey(PeriodicReportProcess.ID).businessKey(plan)
                .setVariable(Vars.PLAN_CODE, plan).setVariable(Vars.UNIT_CODE, unit).setVariable(Vars.PERIOD_CODE, period)
                .execute();
    }

    private static void clock(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(at(year, month, day, hour, 0, 0));
    }

    private static Date at(int year, int month, int day, int hour, int minute, int second) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute, second).atZone(PlanService.ZONE).toInstant());
    }
}
