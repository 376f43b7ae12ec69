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
        forget(planCode);
        plans.register(seed(planCode), "plans/" + planCode + ".yaml", null);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(planCode)
                .processDefinitionKey("PlanIssuanceProcess").singleResult();
    }

    /** Deletes every instance and row of a plan, as if it had never been brought in. */
    public void forget(String planCode) {
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
        jdbc.sql("select agency_code from dx_plan where code = ?").param(planCode).query(String.class).optional()
                .ifPresent(agency -> jdbc.sql("delete from dx_document_number where agency_code = ?").param(agency).update());
        for (String table : List.of("dx_report_figure", "dx_report_target", "dx_task_progress")) {
            jdbc.sql("delete from " + table + " where report_id in (select id from dx_report where plan_code = ?)")
                    .param(planCode).update();
        }
        for (String table : List.of("dx_report_evidence", "dx_report", "dx_urging", "dx_acknowledgement_activity", "dx_acknowledgement", "dx_task_assignment",
                "dx_plan_unit", "dx_plan_review", "dx_plan_revision", "dx_plan_version")) {
            jdbc.sql("delete from " + table + " where plan_code = ?").param(planCode).update();
        }
        jdbc.sql("delete from dx_plan where code = ?").param(planCode).update();
    }

    /**
     * A status for every plan task the unit leads or coordinates, as its report form asks ("đang triển khai"); the keys
     * the generated form gives them.
     */
    public static Map<String, Object> progress(vn.haiphong.dx.plan.PlanDefinition plan, String unitCode) {
        Map<String, Object> values = new java.util.HashMap<>();
        plan.tasksOf(unitCode).forEach(t -> values.put(vn.haiphong.dx.reporting.TaskProgress.statusKey(t.code()), "IN_PROGRESS"));
        return values;
    }

    /** The same for a seed plan. */
    public Map<String, Object> progress(String planCode, String unitCode) {
        return progress(seed(planCode).plan(), unitCode);
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
        return reportDifficulty(user, group, Map.of(DifficultyProcess.Vars.DESCRIPTION, description));
    }

    /** The same with the start form's values (urgency "NORMAL" unless given). */
    public ProcessInstance reportDifficulty(String user, String group, Map<String, Object> values) {
        Map<String, Object> form = new HashMap<>(Map.of(DifficultyProcess.Vars.URGENCY, "NORMAL"));
        form.putAll(values);
        identity.setAuthentication(user, List.of(group));
        try {
            return forms.submitStartForm(repository.createProcessDefinitionQuery().processDefinitionKey(DifficultyProcess.ID)
                    .latestVersion().singleResult().getId(), form);
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

    /**
     * Runs every due job (the asynchronous save points, timers that are due) in the order they fell due, as the job
     * executor would have over the time the test's clock jumped: a period opens before it closes. A job that fails
     * (its retries used up) is left for the test to see.
     */
    public void executeJobs() {
        for (int executed = 0; executed < 5000; executed++) {
            List<Job> next = management.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 1);
            if (next.isEmpty()) {
                return;
            }
            try {
                management.executeJob(next.get(0).getId());
            } catch (RuntimeException e) {
                if (management.createJobQuery().jobId(next.get(0).getId()).noRetriesLeft().count() == 0
                        && management.createJobQuery().jobId(next.get(0).getId()).count() > 0) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("Jobs keep falling due: a timer repeats without end?");
    }

    public String status(String planCode) {
        return jdbc.sql("select status from dx_plan where code = ?").param(planCode).query(String.class).single();
    }

    public int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
