package vn.haiphong.dx.plan;

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

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.delegation.UnitReleases;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanIssuanceProcess.Activities;
import vn.haiphong.dx.plan.PlanIssuanceProcess.UrgingVars;
import vn.haiphong.dx.reporting.PeriodStatus;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.reporting.ReportCorrections;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * The Kẻ Sặt plan from issuance to its final report, as a commune's Office lives it, on the exact calendar: one unit
 * never acknowledges and is released, late units are urged together (the Office never urges itself), a report is
 * returned and corrected; the plan ends.
 */
@SpringBootTest
@ActiveProfiles("test")
class PlanToItsEndTests {

    private static final String PLAN = PlanFixtures.KESAT;
    private static final String OFFICE = "kesat-vhxh";
    private static final String LEADERSHIP = "kesat-lanhdao";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired PlanFixtures fixtures;
    @Autowired Plans catalog;
    @Autowired UnitReleases releases;
    @Autowired ReportCorrections corrections;
    @Autowired ReportingService reporting;

    PlanDefinition plan;
    ProcessInstance planInstance;

    @BeforeEach
    void issued() {
        BpmnAwareTests.init(engine);
        clock(2025, 9, 29, 9);
        fixtures.freshIssued(PLAN, "31/KH-UBND");
        plan = catalog.get(PLAN);
        planInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(PLAN)
                .processDefinitionKey(PlanIssuanceProcess.ID).singleResult();
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aPlanWithAUnitThatNeverAcknowledgesAndAReturnedReportReachesItsEnd() {
        // Acknowledgement is due five working days after issuance (Monday 29/09 → Monday 06/10), reminded the day before.
        Task dtn = acknowledgementOf("DTN");
        Assertions.assertThat(dtn.getDueDate()).isEqualTo(at(2025, 10, 6, 23, 59, 59));
        Assertions.assertThat(dtn.getFollowUpDate()).isEqualTo(at(2025, 10, 3, 0, 0, 0));
        for (PlanDefinition.Unit unit : plan.units()) {
            if (!List.of("DTN", "TCNS", "VHXH").contains(unit.code())) {
                acknowledge(unit.code());
            }
        }
        clock(2025, 10, 3, 9);
        fixtures.executeJobs();
        Assertions.assertThat(tasks.getTaskComments(dtn.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("Nhắc hạn: đơn vị cần xác nhận tiếp nhận kế hoạch trước hết ngày 06/10/2025.");

        // The due date passes: one task of the Office lists the units that have not acknowledged, never the Office itself.
        clock(2025, 10, 7, 9);
        fixtures.executeJobs();
        Task urging = taskQuery().processInstanceId(planInstance.getId()).taskDefinitionKey(Activities.URGE_ACKNOWLEDGEMENTS).singleResult();
        Assertions.assertThat(urging.getName()).isEqualTo("Đôn đốc các đơn vị chưa tiếp nhận kế hoạch – 31/KH-UBND");
        assertThat(urging).hasCandidateGroup(OFFICE);
        Assertions.assertThat((String) tasks.getVariable(urging.getId(), UrgingVars.LATE_UNITS_INFO))
                .startsWith("2 đơn vị quá hạn:").contains("Đoàn Thanh niên xã: hạn 06/10/2025, chưa được đôn đốc", "Tổ Công nghệ số cộng đồng")
                .doesNotContain("Phòng Văn hóa – Xã hội");
        as(OFFICE, () -> {
            assertThatThrownBy(() -> tasks.complete(urging.getId(), urge(List.of(), "Đề nghị tiếp nhận", null)))
                    .isInstanceOf(InputRejectedException.class).hasMessageContaining("Chọn ít nhất một đơn vị cần đôn đốc");
            assertThatThrownBy(() -> tasks.complete(urging.getId(), urge(List.of("DTN", "TCNS"), "Đề nghị tiếp nhận", "2025-10-06")))
                    .isInstanceOf(InputRejectedException.class).hasMessageContaining("phải sau hạn hiện tại");
            tasks.complete(urging.getId(), urge(List.of("DTN", "TCNS"), "Đề nghị các đơn vị tiếp nhận kế hoạch ngay.", "2025-10-10"));
        });
        for (String unit : List.of("DTN", "TCNS")) {
            Task open = acknowledgementOf(unit);
            Assertions.assertThat(open.getDueDate()).as("extended for %s", unit).isEqualTo(at(2025, 10, 10, 23, 59, 59));
            Assertions.assertThat(tasks.getTaskComments(open.getId())).extracting(c -> c.getFullMessage())
                    .contains("Phòng Văn hóa – Xã hội đôn đốc tiếp nhận kế hoạch: Đề nghị các đơn vị tiếp nhận kế hoạch ngay. "
                            + "(Gia hạn tiếp nhận đến hết ngày 10/10/2025.)");
        }
        acknowledge("TCNS");
        acknowledge("VHXH");
        assertThat(planInstance).isWaitingAt(Activities.NEXT_ACKNOWLEDGEMENT_CHECK);

        // Đoàn Thanh niên never acknowledges: the Office releases it; its part ends and no longer holds up the plan.
        assertThatThrownBy(() -> releases.release(PLAN, "DTN", "Sáp nhập", null, "kesat.cax", List.of("kesat-cax"), false))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("không thuộc Phòng Văn hóa – Xã hội");
        assertThatThrownBy(() -> releases.release(PLAN, "VHXH", "Nhầm", null, "kesat.vhxh", List.of(OFFICE), false))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("đơn vị đầu mối");
        assertThatThrownBy(() -> releases.release(PLAN, "DTN", " ", null, "kesat.vhxh", List.of(OFFICE), false))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Lý do» là bắt buộc");
        ProcessInstance dtnPart = partOf("DTN");
        releases.release(PLAN, "DTN", "Đoàn Thanh niên xã sáp nhập vào Ủy ban MTTQ xã từ 15/10/2025.", null, "kesat.vhxh", List.of(OFFICE), false);
        assertThat(dtnPart).isEnded().hasPassed(UnitPlanProcess.Activities.END_RELEASED);
        assertThatThrownBy(() -> releases.release(PLAN, "DTN", "Lần nữa", null, "kesat.vhxh", List.of(OFFICE), false))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("đã được giải phóng");
        Assertions.assertThat(fixtures.count("select count(*) from dx_plan where code = ? and all_acknowledged_at is not null", PLAN))
                .as("every unit still in the plan has acknowledged").isEqualTo(1);
        assertThat(planInstance).hasPassed("BoundaryEvent_AllUnitsAcknowledged");
        Assertions.assertThat(runtime.getActivityInstance(planInstance.getId()).getActivityInstances(Activities.FOLLOW_UP_ACKNOWLEDGEMENTS))
                .isEmpty();

        // October: the Office, the Commune Police and the villages miss the due date (05/11).
        fixtures.executeJobs();
        clock(2025, 10, 20, 9);
        for (String unit : unitsExcept("DTN", "CAX", "THON", "VHXH")) {
            report(unit, "2025-10", Map.of("residentsVneid", 10));
        }
        clock(2025, 11, 6, 9);
        fixtures.executeJobs();
        List<Task> urgings = taskQuery().processInstanceId(planInstance.getId()).taskDefinitionKey(Activities.URGE_LATE_UNITS).list();
        Assertions.assertThat(urgings).as("one urging task for the whole period").hasSize(1);
        Task october = urgings.get(0);
        Assertions.assertThat(october.getName()).isEqualTo("Đôn đốc các đơn vị chưa nộp báo cáo tháng 10/2025 – 31/KH-UBND");
        Assertions.assertThat((String) tasks.getVariable(october.getId(), UrgingVars.LATE_UNITS_INFO))
                .startsWith("2 đơn vị quá hạn:").contains("Các thôn trên địa bàn xã: hạn 05/11/2025", "Công an xã")
                .as("the Office is never asked to urge itself").doesNotContain("Phòng Văn hóa – Xã hội");
        as(OFFICE, () -> tasks.complete(october.getId(), urge(List.of("CAX", "THON"), "Đề nghị nộp báo cáo tháng 10 trước 12/11.", "2025-11-12")));
        for (String unit : List.of("CAX", "THON")) {
            Task open = reportOf(unit, "2025-10");
            Assertions.assertThat(open.getDueDate()).isEqualTo(at(2025, 11, 12, 23, 59, 59));
            Assertions.assertThat((String) runtime.getVariable(open.getProcessInstanceId(), PeriodicReportProcess.Vars.OFFICE_NOTES))
                    .contains("Đề nghị nộp báo cáo tháng 10 trước 12/11.");
            Assertions.assertThat(reporting.urgings(PLAN, unit, "2025-10")).isEqualTo(1);
        }
        report("CAX", "2025-10", Map.of("residentsVneid", 900));
        report("THON", "2025-10", Map.of());
        report("VHXH", "2025-10", Map.of());

        // The Commune Police's figure is wrong: returned with a reason, corrected, and the correction counts.
        clock(2025, 11, 7, 9);
        corrections.returnForCorrection(PLAN, "CAX", "2025-10", "900 người vượt số dân được giao; đề nghị kiểm tra lại.",
                "kesat.vhxh", List.of(OFFICE), false);
        fixtures.executeJobs();
        Task correction = reportOf("CAX", "2025-10");
        Assertions.assertThat(correction.getName()).contains("(sửa theo yêu cầu)");
        Assertions.assertThat(runtime.getVariable(correction.getProcessInstanceId(), "residentsVneid")).isEqualTo(900);
        complete(correction, "CAX", Map.of("residentsVneid", 90));
        PeriodStatus status = reporting.status(PLAN, "2025-10");
        Assertions.assertThat(status.units()).filteredOn(u -> u.unitCode().equals("CAX")).singleElement()
                .satisfies(u -> Assertions.assertThat(u.revision()).isEqualTo(2));
        Assertions.assertThat(reporting.figures(PLAN, "2025-10").get("CAX")).containsEntry("residentsVneid", 90);
        Assertions.assertThat(status.units()).filteredOn(u -> u.unitCode().equals("DTN")).singleElement()
                .satisfies(u -> Assertions.assertThat(u.state()).isEqualTo(PeriodStatus.State.RELEASED));

        consolidateAndApprove("2025-10");
        clock(2025, 11, 10, 9);
        fixtures.executeJobs();
        assertThat(planInstance).isNotEnded();

        for (String period : List.of("2025-11", "2025-12")) {
            clock(period.equals("2025-11") ? 2025 : 2026, period.equals("2025-11") ? 12 : 1, 2, 9);
            fixtures.executeJobs();
            for (String unit : unitsExcept("DTN")) {
                report(unit, period, Map.of("residentsVneid", 20));
            }
            consolidateAndApprove(period);
        }

        // The final reports (the plan's period ended 31/12/2025), then the final consolidated report ends the plan.
        fixtures.executeJobs();
        for (String unit : unitsExcept("DTN")) {
            Task last = taskQuery().processDefinitionKey(UnitPlanProcess.ID).processInstanceBusinessKey(PLAN)
                    .taskDefinitionKey(UnitPlanProcess.Activities.SUBMIT_FINAL_REPORT).taskCandidateGroup(group(unit)).singleResult();
            as(group(unit), () -> tasks.complete(last.getId(), Map.of("finalSummary", "Hoàn thành các nhiệm vụ được giao.",
                    "selfAssessment", "COMPLETED")));
        }
        fixtures.executeJobs();
        Assertions.assertThat(fixtures.count("select count(*) from dx_plan where code = ? and all_final_at is not null", PLAN))
                .as("every unit still in the plan gave its final report").isEqualTo(1);
        ProcessInstance last = runtime.createProcessInstanceQuery().processDefinitionKey(ConsolidatedReportProcess.ID)
                .variableValueEquals(ConsolidatedReportProcess.Vars.REPORT_KIND, ConsolidatedReportProcess.Kinds.FINAL).singleResult();
        String compiled = (String) runtime.getVariable(last.getId(), ConsolidatedReportProcess.Vars.COMPILED_OVERVIEW);
        Assertions.assertThat(compiled).isNotBlank();
        approve(last, "Kế hoạch hoàn thành.");
        assertThat(planInstance).isEnded().hasPassed(Activities.END_COMPLETED);
        Assertions.assertThat(fixtures.count("select count(*) from dx_report where plan_code = ? and unit_code = 'CAX' "
                + "and period_code = '2025-10'", PLAN)).as("the returned report and its correction are both kept").isEqualTo(2);
        Assertions.assertThat(fixtures.count("select count(*) from dx_plan_unit where plan_code = ? and unit_code = 'DTN' "
                + "and released_at is not null and release_reason like 'Đoàn Thanh niên xã sáp nhập%'", PLAN)).isEqualTo(1);
    }

    private List<String> unitsExcept(String... codes) {
        return plan.units().stream().map(PlanDefinition.Unit::code).filter(code -> !List.of(codes).contains(code)).toList();
    }

    private Task acknowledgementOf(String unit) {
        return taskQuery().processDefinitionKey(UnitPlanProcess.ID).processInstanceBusinessKey(PLAN)
                .taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN).taskCandidateGroup(group(unit)).singleResult();
    }

    private ProcessInstance partOf(String unit) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(UnitPlanProcess.ID).processInstanceBusinessKey(PLAN)
                .variableValueEquals(UnitPlanProcess.Vars.UNIT_CODE, unit).singleResult();
    }

    private void acknowledge(String unit) {
        Task task = acknowledgementOf(unit);
        as(group(unit), () -> tasks.complete(task.getId(), Map.of("personInCharge", "Cán bộ phụ trách",
                "plannedActivities", "Tháng 10: Tuyên truyền")));
        fixtures.executeJobs();
    }

    private Task reportOf(String unit, String period) {
        return taskQuery().processDefinitionKey(PeriodicReportProcess.ID).taskCandidateGroup(group(unit))
                .processVariableValueEquals(PeriodicReportProcess.Vars.PERIOD_CODE, period).singleResult();
    }

    private void report(String unit, String period, Map<String, Object> figures) {
        complete(reportOf(unit, period), unit, figures);
    }

    private void complete(Task report, String unit, Map<String, Object> figures) {
        Map<String, Object> values = new HashMap<>(figures);
        values.putAll(PlanFixtures.progress(plan, unit));
        values.put(PeriodicReportProcess.Vars.REPORT_NARRATIVE, "Đã triển khai các hoạt động theo kế hoạch.");
        as(group(unit), () -> tasks.complete(report.getId(), values));
    }

    private void consolidateAndApprove(String period) {
        ProcessInstance report = runtime.createProcessInstanceQuery().processDefinitionKey(ConsolidatedReportProcess.ID)
                .variableValueEquals(ConsolidatedReportProcess.Vars.PERIOD_CODE, period).singleResult();
        approve(report, "Đánh giá " + period);
    }

    private void approve(ProcessInstance report, String assessment) {
        as(OFFICE, () -> tasks.complete(task(report).getId(), Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY,
                "Các đơn vị đã triển khai Kế hoạch.", ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, assessment)));
        as(LEADERSHIP, () -> tasks.complete(task(report).getId(), Map.of(ConsolidatedReportProcess.Vars.APPROVAL_DECISION,
                ConsolidatedReportProcess.Decisions.APPROVE)));
        fixtures.executeJobs();
        assertThat(report).isEnded();
    }

    private static Map<String, Object> urge(List<String> units, String message, String extendTo) {
        Map<String, Object> values = new HashMap<>();
        values.put(UrgingVars.URGING_DECISION, "URGE");
        values.put(UrgingVars.URGE_UNITS, SpinValues.jsonValue(units.isEmpty() ? "[]"
                : "[\"" + String.join("\",\"", units) + "\"]").create());
        values.put(UrgingVars.URGING_MESSAGE, message);
        if (extendTo != null) {
            values.put(UrgingVars.EXTEND_DUE_TO, extendTo);
        }
        return values;
    }

    private String group(String unit) {
        return UnitGroups.unitGroupId(plan.agency().code(), unit);
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
