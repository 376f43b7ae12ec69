package vn.haiphong.dx.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.plan.PlanReader;
import vn.haiphong.dx.plan.PlanService;

/** Puts a seed plan back to a fresh draft, so every test starts where the plan's life begins. */
@Component
public class PlanFixtures {

    public static final String SNNMT = "snnmt-tt-cds-2025";
    public static final String KESAT = "kesat-ncds-2025";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final PlanReader reader;
    private final PlanService plans;
    private final TaskService tasks;
    private final FormService forms;
    private final RepositoryService repository;

    PlanFixtures(RuntimeService runtime, ManagementService management, IdentityService identity, JdbcClient jdbc,
                 PlanReader reader, PlanService plans, TaskService tasks, FormService forms, RepositoryService repository) {
        this.tasks = tasks;
        this.forms = forms;
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.identity = identity;
        this.jdbc = jdbc;
        this.reader = reader;
        this.plans = plans;
    }

    /** Deletes the plan's instances and rows and registers it again as a draft; returns its instance. */
    public ProcessInstance freshDraft(String planCode) {
        identity.clearAuthentication();
        List<String> ids = runtime.createProcessInstanceQuery().processInstanceBusinessKey(planCode)
                .rootProcessInstances().list().stream().map(ProcessInstance::getId).toList();
        if (!ids.isEmpty()) {
            runtime.deleteProcessInstances(ids, "test reset", true, true);
        }
        jdbc.sql("delete from dx_difficulty_event where difficulty_id in (select id from dx_difficulty where plan_code = ?)")
                .param(planCode).update();
        jdbc.sql("delete from dx_difficulty where plan_code = ?").param(planCode).update();
        for (String table : List.of("dx_consolidated_event", "dx_report_dispatch", "dx_ad_hoc_input")) {
            jdbc.sql("delete from " + table + " where report_id in (select id from dx_consolidated_report where plan_code = ?)")
                    .param(planCode).update();
        }
        jdbc.sql("delete from dx_consolidated_report where plan_code = ?").param(planCode).update();
        jdbc.sql("delete from dx_document_number where agency_code = ?").param(seed(planCode).plan().agency().code()).update();
        for (String table : List.of("dx_report_figure", "dx_report_target")) {
            jdbc.sql("delete from " + table + " where report_id in (select id from dx_report where plan_code = ?)")
                    .param(planCode).update();
        }
        for (String table : List.of("dx_report", "dx_urging", "dx_acknowledgement_activity", "dx_acknowledgement", "dx_task_assignment",
                "dx_plan_unit", "dx_plan_review", "dx_plan_revision", "dx_plan_version")) {
            jdbc.sql("delete from " + table + " where plan_code = ?").param(planCode).update();
        }
        jdbc.sql("delete from dx_plan where code = ?").param(planCode).update();
        plans.register(seed(planCode), "plans/" + planCode + ".yaml", null);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(planCode)
                .processDefinitionKey("PlanIssuanceProcess").singleResult();
    }

    /** A seed plan's file, read as the application reads it at start-up. */
    public PlanReader.Read seed(String planCode) {
        try (var in = getClass().getResourceAsStream("/plans/" + planCode + ".yaml")) {
            return reader.read("plans/" + planCode + ".yaml", in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A fresh plan taken through submission, approval and issuance with the Java API, as its Office would. */
    public void freshIssued(String planCode, String number) {
        freshDraft(planCode);
        for (Map<String, Object> values : List.of(Map.<String, Object>of("draftNote", "Kính trình"),
                Map.<String, Object>of("reviewDecision", "APPROVE"),
                Map.<String, Object>of("documentNumber", number, "issuedOn", "2025-01-10"))) {
            String task = tasks.createTaskQuery().processInstanceBusinessKey(planCode).processDefinitionKey("PlanReviewProcess")
                    .singleResult().getId();
            tasks.complete(task, values);
        }
        executeJobs();
    }

    /**
     * A periodic consolidated report of the issued Kế Sắt plan for the period, compiled by its Office and approved
     * by its leadership: its dispatch (an asynchronous step) is due.
     */
    public ProcessInstance approvedKesatReport(String periodCode) {
        ProcessInstance report = kesatReport(periodCode);
        completeAs("kesat.vhxh", "kesat-vhxh", report, Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY, "Tình hình chung.",
                ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, "Đánh giá."));
        completeAs("kesat.lanhdao", "kesat-lanhdao", report,
                Map.of(ConsolidatedReportProcess.Vars.APPROVAL_DECISION, ConsolidatedReportProcess.Decisions.APPROVE));
        return report;
    }

    /** A periodic consolidated report of the Kẻ Sặt plan for the period, waiting for its Office to compile it. */
    public ProcessInstance kesatReport(String periodCode) {
        return runtime.createProcessInstanceByKey(ConsolidatedReportProcess.ID).businessKey(KESAT)
                .setVariable(ConsolidatedReportProcess.Vars.PLAN_CODE, KESAT)
                .setVariable(ConsolidatedReportProcess.Vars.PERIOD_CODE, periodCode)
                .setVariable(ConsolidatedReportProcess.Vars.REPORT_KIND, ConsolidatedReportProcess.Kinds.PERIODIC).execute();
    }

    /** A difficulty the user reports from Tasklist (the process's start form), as a member of the unit's group. */
    public ProcessInstance reportDifficulty(String user, String group, String description) {
        identity.setAuthentication(user, List.of(group));
        try {
            return forms.submitStartForm(repository.createProcessDefinitionQuery().processDefinitionKey(DifficultyProcess.ID)
                    .latestVersion().singleResult().getId(), new HashMap<>(Map.of(DifficultyProcess.Vars.DESCRIPTION, description,
                    DifficultyProcess.Vars.URGENCY, "NORMAL")));
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Completes the instance's one open task as the user, a member of the group. */
    private void completeAs(String user, String group, ProcessInstance instance, Map<String, Object> values) {
        completeAs(user, group, tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(), values);
    }

    /** Completes a task as the user, a member of the group: the engine's authorizations and the form rules apply. */
    public void completeAs(String user, String group, String taskId, Map<String, Object> values) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(taskId, values);
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Runs every due job (the asynchronous save points), as the job executor would. */
    public void executeJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = management.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    public String status(String planCode) {
        return jdbc.sql("select status from dx_plan where code = ?").param(planCode).query(String.class).single();
    }

    public int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
