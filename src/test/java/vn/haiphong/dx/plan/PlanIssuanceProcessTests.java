package vn.haiphong.dx.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanIssuanceProcess.Activities;

import vn.haiphong.dx.plan.PlanReviewProcess.Decisions;
import vn.haiphong.dx.plan.PlanReviewProcess.Vars;
import vn.haiphong.dx.support.PlanFixtures;

@SpringBootTest
@ActiveProfiles("test")
class PlanIssuanceProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired TaskService tasks;
    @Autowired PlanFixtures fixtures;
    @Autowired PlanRepository plans;
    @Autowired Plans catalog;
    @Autowired JdbcClient jdbc;
    @Autowired @Qualifier("engineTuning") ApplicationRunner engineTuning;

    ProcessInstance plan;

    @BeforeEach
    void freshDraft() {
        BpmnAwareTests.init(engine);
        // The day the seed plan was issued: its year lies ahead.
        at(2025, 1, 10);
        plan = fixtures.freshDraft(PlanFixtures.SNNMT);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    private static void at(int year, int month, int day) {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDate.of(year, month, day).atTime(9, 0)
                .atZone(PlanService.ZONE).toInstant()));
    }

    @Test
    void draftWaitsForTheFocalUnitWithThePlanInItsName() {
        assertThat(plan).isWaitingAt(Activities.REVIEW_AND_ISSUE);
        assertThat(review()).isWaitingAt(PlanReviewProcess.Activities.SUBMIT_DRAFT);
        assertThat(task(review())).hasCandidateGroup("snnmt-vp");
        Assertions.assertThat(task(review()).getName())
                .isEqualTo("Hoàn thiện, trình dự thảo kế hoạch – snnmt-tt-cds-2025");
        Assertions.assertThat(fixtures.status(PlanFixtures.SNNMT)).isEqualTo("DRAFT");
    }

    @Test
    void approvedDraftIsIssuedAndDelegatedToEveryUnitInItsOwnQueue() {
        submit("Kính trình Lãnh đạo Sở xem xét");
        assertThat(review()).isWaitingAt(PlanReviewProcess.Activities.REVIEW_DRAFT);
        // Leadership is one person: the draft is assigned to the leader, who decides without claiming.
        assertThat(task(review())).isAssignedTo("snnmt.lanhdao");

        review(Decisions.APPROVE, null);
        assertThat(review()).isWaitingAt(PlanReviewProcess.Activities.RECORD_ISSUANCE);
        assertThat(task(review())).hasCandidateGroup("snnmt-vp");

        issue("125/KH-SNNMT");
        Assertions.assertThat(plans.find(PlanFixtures.SNNMT).orElseThrow())
                .extracting(PlanRepository.PlanRow::status, PlanRepository.PlanRow::documentNumber)
                .containsExactly(PlanRepository.Status.ISSUED, "125/KH-SNNMT");
        Assertions.assertThat(engine.getManagementService().createJobQuery().processDefinitionKey(PlanReviewProcess.ID).list())
                .as("the asynchronous step is due at once, so the job executor finds it along the due-date index")
                .singleElement().satisfies(job -> Assertions.assertThat(job.getDuedate()).isNotNull()
                        .isBeforeOrEqualTo(ClockUtil.getCurrentTime()));
        fixtures.executeJobs();

        assertThat(plan).isWaitingAt(Activities.DELEGATE_TO_UNITS);
        List<Task> acknowledgements = unitTasks();
        PlanDefinition definition = catalog.get(PlanFixtures.SNNMT);
        Assertions.assertThat(catalog.runningVersion(PlanFixtures.SNNMT)).isEqualTo(1);
        Assertions.assertThat(acknowledgements).hasSize(definition.units().size());
        for (PlanDefinition.Unit unit : definition.units()) {
            String group = "snnmt-" + unit.code().toLowerCase();
            List<Task> own = taskQuery().processDefinitionKey(UnitPlanProcess.ID).taskCandidateGroup(group).list();
            Assertions.assertThat(own).as("tasks in the queue of %s", group).hasSize(1);
            Assertions.assertThat(own.get(0).getName()).endsWith(" – " + unit.name() + " – 125/KH-SNNMT");
            Assertions.assertThat(candidateGroups(own.get(0))).containsExactly(group);
        }
    }

    @Test
    void aJobWrittenWithoutDueDateGetsItsCreationTimeAtStartUp() throws Exception {
        submit("Dự thảo");
        review(Decisions.APPROVE, null);
        issue("126/KH-SNNMT");
        String jobId = issuanceJob().getId();
        // As an engine without ensureJobDueDateNotNull wrote it: acquisition by due date would never see it.
        jdbc.sql("update act_ru_job set duedate_ = null where id_ = ?").param(jobId).update();
        Assertions.assertThat(issuanceJob().getDuedate()).isNull();

        engineTuning.run(null);

        Job job = issuanceJob();
        Assertions.assertThat(job.getDuedate()).isNotNull();
        Assertions.assertThat(job.getDuedate().getTime()).isEqualTo(job.getCreateTime().getTime());
        fixtures.executeJobs();
        assertThat(plan).isWaitingAt(Activities.DELEGATE_TO_UNITS);
    }

    private Job issuanceJob() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(PlanReviewProcess.ID).singleResult();
    }

    /** The review of the plan's first version: the instance of PlanReviewProcess the plan's process waits for. */
    private ProcessInstance review() {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(plan.getId()).singleResult();
    }

    @Test
    void returnedDraftIsRevisedAndResubmittedUntilApproved() {
        submit("Dự thảo lần 1");
        review(Decisions.RETURN, "Bổ sung chỉ tiêu cho tháng cao điểm");
        assertThat(review()).isWaitingAt(PlanReviewProcess.Activities.SUBMIT_DRAFT);
        Assertions.assertThat(tasks.getVariable(task(review()).getId(), Vars.REVIEW_COMMENTS))
                .isEqualTo("Bổ sung chỉ tiêu cho tháng cao điểm");
        Assertions.assertThat(fixtures.status(PlanFixtures.SNNMT)).isEqualTo("RETURNED");

        submit("Dự thảo lần 2, đã bổ sung chỉ tiêu");
        review(Decisions.APPROVE, "Đồng ý");
        assertThat(review()).isWaitingAt(PlanReviewProcess.Activities.RECORD_ISSUANCE);
        Assertions.assertThat(plans.reviews(PlanFixtures.SNNMT))
                .extracting(PlanRepository.ReviewRow::round, PlanRepository.ReviewRow::action)
                .containsExactly(Assertions.tuple(1, "SUBMITTED"), Assertions.tuple(1, "RETURNED"),
                        Assertions.tuple(2, "SUBMITTED"), Assertions.tuple(2, "APPROVED"));
    }

    @Test
    void returnWithoutCommentsIsRefusedAndChangesNothing() {
        submit("Dự thảo");
        String reviewTask = task(review()).getId();
        assertThatThrownBy(() -> tasks.complete(reviewTask, Map.of(Vars.REVIEW_DECISION, Decisions.RETURN)))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("«Ý kiến của lãnh đạo» là bắt buộc");
        assertThat(review()).isWaitingAt(PlanReviewProcess.Activities.REVIEW_DRAFT);
        Assertions.assertThat(task(review()).getId()).isEqualTo(reviewTask);
        Assertions.assertThat(tasks.getVariable(reviewTask, Vars.REVIEW_DECISION)).isNull();
        Assertions.assertThat(fixtures.status(PlanFixtures.SNNMT)).isEqualTo("SUBMITTED");
    }

    @Test
    void issuanceNumberMustCarryThePlansSymbol() {
        submit("Dự thảo");
        review(Decisions.APPROVE, null);
        String issuanceTask = task(review()).getId();
        assertThatThrownBy(() -> tasks.complete(issuanceTask, issuance("7/KH-UBND")))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("<số>/KH-SNNMT");
        assertThatThrownBy(() -> tasks.complete(issuanceTask, issuance("KH-SNNMT")))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageContaining("«Số, ký hiệu văn bản» không đúng định dạng");
        assertThat(review()).isWaitingAt(PlanReviewProcess.Activities.RECORD_ISSUANCE);
        Assertions.assertThat(fixtures.status(PlanFixtures.SNNMT)).isEqualTo("APPROVED");
    }

    @Test
    void planKnowsWhenEveryUnitHasAcknowledgedAndEndsAfterEveryUnitsFinalReport() {
        // Issued after its year was over (but before its reporting closed): no period opens, only the final reports.
        at(2026, 1, 2);
        submit("Dự thảo");
        review(Decisions.APPROVE, null);
        issue("126/KH-SNNMT");
        fixtures.executeJobs();
        List<Task> acknowledgements = unitTasks();
        for (int i = 0; i < acknowledgements.size(); i++) {
            Assertions.assertThat(plans.find(PlanFixtures.SNNMT).orElseThrow().allAcknowledged()).isFalse();
            tasks.complete(acknowledgements.get(i).getId(), Map.of(
                    UnitPlanProcess.Vars.PERSON_IN_CHARGE, "Cán bộ " + i,
                    UnitPlanProcess.Vars.PLANNED_ACTIVITIES, "Tháng 10: Treo băng rôn"));
        }
        fixtures.executeJobs();
        PlanRepository.PlanRow row = plans.find(PlanFixtures.SNNMT).orElseThrow();
        Assertions.assertThat(row.acknowledgedCount()).isEqualTo(acknowledgements.size());
        Assertions.assertThat(row.allAcknowledged()).isTrue();
        assertThat(plan).isWaitingAt(Activities.DELEGATE_TO_UNITS);

        // Today the seed's whole year is over: issued late, it opens no past period, only the final reports.
        List<Task> finals = taskQuery().processDefinitionKey(UnitPlanProcess.ID)
                .taskDefinitionKey(UnitPlanProcess.Activities.SUBMIT_FINAL_REPORT).list();
        Assertions.assertThat(finals).hasSize(acknowledgements.size());
        Assertions.assertThat(taskQuery().processDefinitionKey("PeriodicReportProcess")
                .processInstanceBusinessKey(PlanFixtures.SNNMT).count()).isZero();
        for (Task report : finals) {
            assertThat(plan).isNotEnded();
            tasks.complete(report.getId(), Map.of(UnitPlanProcess.Vars.FINAL_SUMMARY, "Đã hoàn thành các nhiệm vụ",
                    UnitPlanProcess.Vars.SELF_ASSESSMENT, "COMPLETED"));
        }
        Assertions.assertThat(fixtures.count("select final_count from dx_plan where code = ?", PlanFixtures.SNNMT))
                .isEqualTo(finals.size());
        Assertions.assertThat(fixtures.count("select count(*) from dx_plan where code = ? and all_final_at is not null",
                PlanFixtures.SNNMT)).isEqualTo(1);
        // The plan ends only after the Office's final consolidated report (ConsolidatedReportProcessTests).
        assertThat(plan).isNotEnded().isWaitingAt(Activities.FINAL_REPORT);
    }

    private List<Task> unitTasks() {
        return taskQuery().processDefinitionKey(UnitPlanProcess.ID).processInstanceBusinessKey(PlanFixtures.SNNMT).list();
    }

    private List<String> candidateGroups(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }

    private void submit(String note) {
        complete(task(review()), withVariables(Vars.DRAFT_NOTE, note));
    }

    private void review(String decision, String comments) {
        Map<String, Object> values = new java.util.HashMap<>(Map.of(Vars.REVIEW_DECISION, decision));
        if (comments != null) {
            values.put(Vars.REVIEW_COMMENTS, comments);
        }
        complete(task(review()), values);
    }

    private void issue(String number) {
        complete(task(review()), issuance(number));
    }

    private static Map<String, Object> issuance(String number) {
        return Map.of(Vars.DOCUMENT_NUMBER, number, Vars.ISSUED_ON, "2025-01-10",
                Vars.SIGNER_NAME, "Lương Thị Kiểm", Vars.SIGNER_TITLE, "PHÓ GIÁM ĐỐC");
    }
}
