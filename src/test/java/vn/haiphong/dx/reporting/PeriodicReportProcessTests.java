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
    void periodOpensWithDueDateAndReminderThenOverdueIsUrgedExtendedAndLateReportAccepted() {
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

        clock(2025, 11, 6, 8);
        fixtures.executeJobs();
        Task urging = taskQuery().processInstanceId(report.getId()).taskDefinitionKey(Activities.URGE_UNIT).singleResult();
        Assertions.assertThat(urging.getName()).isEqualTo("Đôn đốc đơn vị nộp báo cáo tháng 10/2025 – Phòng Tổ chức cán bộ – snnmt-tt-cds-2025");
        assertThat(urging).hasCandidateGroup("snnmt-vp");

        identity.setAuthentication("snnmt.vp", List.of("snnmt-vp"));
        assertThatThrownBy(() -> tasks.complete(urging.getId(), Map.of(Vars.URGING_MESSAGE, "Đề nghị nộp ngay",
                Vars.EXTEND_DUE_TO, "2025-11-04")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("phải sau hạn hiện tại 05/11/2025");
        tasks.complete(urging.getId(), Map.of(Vars.URGING_MESSAGE, "Đề nghị phòng khẩn trương nộp báo cáo tháng 10.",
                Vars.EXTEND_DUE_TO, "2025-11-12"));
        identity.clearAuthentication();
        Assertions.assertThat(tasks.createTaskQuery().taskId(unitTask.getId()).singleResult().getDueDate())
                .isEqualTo(at(2025, 11, 12, 23, 59, 59));
        Assertions.assertThat((String) runtime.getVariable(report.getId(), Vars.OFFICE_NOTES))
                .contains("Văn phòng Sở đôn đốc: Đề nghị phòng khẩn trương nộp báo cáo tháng 10. (Gia hạn nộp đến hết ngày 12/11/2025.)");
        assertThat(report).isWaitingAt(Activities.SUBMIT_REPORT, Activities.EXTENDED_DUE_PASSED);
        Assertions.assertThat(reporting.urgings(PlanFixtures.SNNMT, "TCCB", "2025-10")).isEqualTo(1);

        clock(2025, 11, 13, 8);
        fixtures.executeJobs();
        assertThat(report).isWaitingAt(Activities.SUBMIT_REPORT, Activities.URGE_UNIT);
        // The current due date is the extended one now.
        Task urgedAgain = taskQuery().processInstanceId(report.getId()).taskDefinitionKey(Activities.URGE_UNIT).singleResult();
        identity.setAuthentication("snnmt.vp", List.of("snnmt-vp"));
        assertThatThrownBy(() -> tasks.complete(urgedAgain.getId(), Map.of(Vars.URGING_MESSAGE, "Đề nghị nộp ngay",
                Vars.EXTEND_DUE_TO, "2025-11-10")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("phải sau hạn hiện tại 12/11/2025");
        identity.clearAuthentication();

        identity.setAuthentication("snnmt.tccb", List.of("snnmt-tccb"));
        tasks.complete(unitTask.getId(), submission(Map.of("postsPortal", 1, "bannersPosters", 2)));
        identity.clearAuthentication();
        assertThat(report).isEnded().hasPassed(Activities.END_STORED);
        Assertions.assertThat(taskQuery().processInstanceId(report.getId()).count()).as("the urging is withdrawn").isZero();
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
        tasks.complete(taskId, submission(Map.of("residentsVneid", 85)));
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
        refused(taskId, submission(Map.of("residentsVneid", -3)), "«Người dân được hướng dẫn cài đặt, kích hoạt tài khoản định danh điện tử (VNeID) (người)» không được nhỏ hơn 0");
        refused(taskId, submission(Map.of("residentsVneid", "nhiều")), "«Người dân được hướng dẫn cài đặt, kích hoạt tài khoản định danh điện tử (VNeID) (người)» phải là một số");
        refused(taskId, submission(Map.of("postsPortal", 2.5)), "phải là số nguyên");
        Map<String, Object> oversized = submission(Map.of());
        oversized.put(Vars.REPORT_NARRATIVE, "x".repeat(3001));
        refused(taskId, oversized, "dài 3001 ký tự, vượt quá giới hạn 3000 ký tự");
        Map<String, Object> badLink = submission(Map.of());
        badLink.put(Vars.EVIDENCE_LINKS, "javascript:alert(1)");
        refused(taskId, badLink, "«Đường dẫn minh chứng» không đúng định dạng");
        Map<String, Object> difficulty = submission(Map.of());
        difficulty.put(Vars.HAS_DIFFICULTY, true);
        refused(taskId, difficulty, "cần mô tả «Khó khăn, vướng mắc»");

        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        assertThatThrownBy(() -> tasks.complete(taskId, submission(Map.of("residentsVneid", 3))))
                .as("a report for a unit the user does not belong to").isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();

        assertThat(report).isWaitingAt(Activities.SUBMIT_REPORT);
        Assertions.assertThat(fixtures.count("select count(*) from dx_report where plan_code = ?", PlanFixtures.KESAT)).isZero();
        Assertions.assertThat(runtime.getVariable(report.getId(), Vars.REPORT_NARRATIVE)).isNull();
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
             var reportForm = getClass().getResourceAsStream("/submitPeriodicReport.form");
             var urgeForm = getClass().getResourceAsStream("/urgeUnit.form")) {
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
            assertThat(taskQuery().processInstanceId(report.getId()).taskDefinitionKey(Activities.URGE_UNIT).singleResult())
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

    private static Map<String, Object> submission(Map<String, Object> figures) {
        Map<String, Object> values = new HashMap<>(figures);
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
