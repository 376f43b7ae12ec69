package vn.haiphong.dx.delegation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.delegation.UnitPlanProcess.Activities;
import vn.haiphong.dx.delegation.UnitPlanProcess.Vars;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.support.PlanFixtures;

@SpringBootTest
@ActiveProfiles("test")
class UnitPlanProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired PlanFixtures fixtures;
    @Autowired AcknowledgementService acknowledgements;

    @BeforeEach
    void freshPlan() {
        BpmnAwareTests.init(engine);
        // The seed's quarter is over, its reporting still open (until 12/01/2026).
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDate.of(2026, 1, 2).atTime(9, 0)
                .atZone(vn.haiphong.dx.plan.PlanService.ZONE).toInstant()));
        fixtures.freshDraft(PlanFixtures.KESAT);
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void unitSeesItsLeadAndCoordinatingTasksInItsOwnQueue() {
        ProcessInstance unit = start("CAX");
        assertThat(unit).isWaitingAt(Activities.ACKNOWLEDGE_PLAN);
        assertThat(task(unit)).hasCandidateGroup("kesat-cax");
        Assertions.assertThat(task(unit).getName())
                .isEqualTo("Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác – Công an xã – kesat-ncds-2025");
        String summary = (String) runtime.getVariable(unit.getId(), Vars.ASSIGNMENT_SUMMARY);
        Assertions.assertThat(summary)
                .contains("Chủ trì (đơn vị chịu trách nhiệm chính):")
                .contains("VNeID")
                .contains("Phối hợp (tham gia cùng đơn vị chủ trì):")
                .contains("Đi từng ngõ, gõ từng nhà");
    }

    @Test
    void acknowledgementIsStoredWithItsPlannedActivitiesAndCounted() {
        ProcessInstance unit = start("TCNS");
        String taskId = task(unit).getId();
        identity.setAuthentication("kesat.tcns", List.of("kesat-tcns"));
        tasks.complete(taskId, Variables.createVariables()
                .putValue(Vars.PERSON_IN_CHARGE, "Trần Thị B – Tổ trưởng")
                .putValue(Vars.CONTACT, "0912 345 678")
                .putValue(Vars.PLANNED_ACTIVITIES, "Tháng 10: Hướng dẫn cài đặt VNeID tại nhà văn hóa thôn\n"
                        + "Tháng 11 – Hướng dẫn nộp hồ sơ trực tuyến\n")
                .putValue(Vars.ACKNOWLEDGEMENT_NOTES, "Cần thêm điện thoại mẫu"));
        identity.clearAuthentication();
        fixtures.executeJobs();
        // The seed's quarter is over today: no past period opens, the final report is next.
        assertThat(unit).hasPassed(Activities.ACKNOWLEDGE_PLAN).isWaitingAt(Activities.SUBMIT_FINAL_REPORT);

        UnitAcknowledgement stored = acknowledgements.acknowledgements(PlanFixtures.KESAT).stream()
                .filter(a -> a.unitCode().equals("TCNS")).findFirst().orElseThrow();
        Assertions.assertThat(stored.personInCharge()).isEqualTo("Trần Thị B – Tổ trưởng");
        Assertions.assertThat(stored.acknowledgedBy()).isEqualTo("kesat.tcns");
        Assertions.assertThat(fixtures.count("select count(*) from dx_acknowledgement_activity where plan_code = ? and unit_code = ?",
                PlanFixtures.KESAT, "TCNS")).isEqualTo(2);
        Assertions.assertThat(fixtures.count("select acknowledged_count from dx_plan where code = ?", PlanFixtures.KESAT)).isEqualTo(1);
    }

    @Test
    void aUserOfAnotherUnitCannotAcknowledgeForTheUnit() {
        ProcessInstance unit = start("TCNS");
        String taskId = task(unit).getId();
        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        Assertions.assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("another unit does not even see it").isZero();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(Vars.PERSON_IN_CHARGE, "Người lạ",
                Vars.PLANNED_ACTIVITIES, "Tháng 10: Hỗ trợ người dân")))
                .isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();
        assertThat(unit).isWaitingAt(Activities.ACKNOWLEDGE_PLAN);
        Assertions.assertThat(fixtures.count("select count(*) from dx_acknowledgement where plan_code = ?", PlanFixtures.KESAT)).isZero();
    }

    @Test
    void plannedActivitiesMustNameTheirMonth() {
        ProcessInstance unit = start("THON");
        String taskId = task(unit).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(Vars.PERSON_IN_CHARGE, "Trưởng thôn",
                Vars.PLANNED_ACTIVITIES, "Tháng 10: Họp dân\nTháng 13: Họp dân lần hai")))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("«Hoạt động dự kiến theo tháng» không đúng định dạng yêu cầu");
        assertThat(unit).isWaitingAt(Activities.ACKNOWLEDGE_PLAN);
        Assertions.assertThat(AcknowledgementService.activities("Tháng 10: Họp dân\n\n  tháng 3 - Tập huấn kỹ năng số\r\n"))
                .containsExactly(new AcknowledgementRepository.PlannedActivity(10, "Họp dân"),
                        new AcknowledgementRepository.PlannedActivity(3, "Tập huấn kỹ năng số"));
        assertThatThrownBy(() -> AcknowledgementService.activities("Họp dân tháng 10"))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("cần bắt đầu bằng «Tháng N:»");
    }

    @Test
    void acknowledgementWithoutPlannedActivitiesIsRefused() {
        ProcessInstance unit = start("THON");
        String taskId = task(unit).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(Vars.PERSON_IN_CHARGE, "Trưởng thôn")))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("«Hoạt động dự kiến theo tháng» là bắt buộc");
        assertThat(unit).isWaitingAt(Activities.ACKNOWLEDGE_PLAN);
        Assertions.assertThat(tasks.getVariable(taskId, Vars.PERSON_IN_CHARGE)).isNull();
    }

    private ProcessInstance start(String unitCode) {
        return runtime.createProcessInstanceByKey(UnitPlanProcess.ID)
                .businessKey(PlanFixtures.KESAT)
                .setVariable(Vars.PLAN_CODE, PlanFixtures.KESAT)
                .setVariable(Vars.UNIT_CODE, unitCode)
                .execute();
    }
}
