package vn.haiphong.dx.reporting;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.reporting.PeriodicReportProcess.Activities;
import vn.haiphong.dx.reporting.PeriodicReportProcess.Vars;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.urging.Urgings;

/** The service tasks of {@code PeriodicReportProcess} and of the final report in {@code UnitPlanProcess}. */
@Configuration
class ReportingDelegates {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ReportingDelegates.class);

    /**
     * When the report is created: what its tasks and its form need beyond the plan's dates and groups (which
     * the model reads from the plan). Written with the unit's other reports in one transaction.
     */
    @Bean
    JavaDelegate setUpPeriodDelegate(ReportingService service) {
        return execution -> {
            Object correctionOf = execution.getVariable(Vars.CORRECTION_OF);
            ReportingService.PeriodSetup setup;
            if (correctionOf == null) {
                setup = service.setup(plan(execution), unit(execution), (String) execution.getVariable(Vars.PERIOD_CODE));
            } else {
                // A returned report: its correction starts from what the unit gave, with the Office's reason.
                ReportingService.Returned returned = service.returned(((Number) correctionOf).longValue());
                setup = service.correctionSetup(plan(execution), unit(execution), (String) execution.getVariable(Vars.PERIOD_CODE), returned);
                execution.setVariables(returned.values());
                execution.setVariable(Vars.OFFICE_NOTES, service.returnNote(plan(execution), returned.reason()));
            }
            execution.setVariable(Vars.TASK_CONTEXT, setup.taskContext());
            execution.setVariable(Vars.DUE_AT, setup.dueAt());
            execution.setVariable(Vars.DUE_ON, setup.dueOn());
            execution.setVariable(Vars.PERIOD_INFO, setup.periodInfo());
            execution.setVariable(Vars.PLAN_VERSION, setup.planVersion());
            execution.setVariable(Vars.REPORT_FORM_KEY, setup.reportFormKey());
        };
    }

    /**
     * The same step in models deployed before 2026-11-23, whose opening timer read {@code openAt} and whose
     * tasks read {@code unitGroupId}, {@code reminderAt} and {@code officeGroupId}. Units of plans issued before
     * an upgrade still create reports of that version (the call is bound to its deployment), so they get those
     * variables too.
     */
    @Bean
    JavaDelegate preparePeriodDelegate(ReportingService service) {
        JavaDelegate setUpPeriod = setUpPeriodDelegate(service);
        return execution -> {
            setUpPeriod.execute(execution);
            String plan = plan(execution);
            String period = (String) execution.getVariable(Vars.PERIOD_CODE);
            execution.setVariable(LegacyVars.OPEN_AT, service.opensAt(plan, period));
            execution.setVariable(LegacyVars.UNIT_GROUP_ID, service.unitGroupId(plan, unit(execution)));
            execution.setVariable(LegacyVars.OFFICE_GROUP_ID, service.officeGroupId(plan));
            execution.setVariable(LegacyVars.REMINDER_AT, service.remindAt(plan, period));
        };
    }

    /** Variables only models deployed before 2026-11-23 read (see {@code preparePeriodDelegate}). */
    static final class LegacyVars {
        static final String OPEN_AT = "openAt";
        static final String UNIT_GROUP_ID = "unitGroupId";
        static final String REMINDER_AT = "reminderAt";
        static final String OFFICE_GROUP_ID = "officeGroupId";

        private LegacyVars() {
        }
    }

    @Bean
    JavaDelegate recordPeriodicReportDelegate(ReportingService service) {
        return execution -> {
            int version = ((Number) execution.getVariable(Vars.PLAN_VERSION)).intValue();
            Map<String, Object> figures = new HashMap<>();
            service.metricCodes(plan(execution), version, unit(execution))
                    .forEach(metric -> figures.put(metric, execution.getVariable(metric)));
            // Reports of models deployed before 2026-12-02 have a form without task progress (preparePeriodDelegate).
            Map<String, Object> progress = null;
            if (!execution.hasVariable(LegacyVars.OPEN_AT)) {
                progress = new HashMap<>();
                for (String key : service.progressKeys(plan(execution), version, unit(execution))) {
                    progress.put(key, execution.getVariable(key));
                }
            }
            Object correctionOf = execution.getVariable(Vars.CORRECTION_OF);
            ReportingService.Stored stored = service.submit(plan(execution), unit(execution),
                    (String) execution.getVariable(Vars.PERIOD_CODE), version,
                    new ReportingService.Submission(figures, progress,
                            ProcessContext.text(execution, Vars.REPORT_NARRATIVE),
                            ProcessContext.text(execution, Vars.EVIDENCE_LINKS),
                            Boolean.TRUE.equals(execution.getVariable(Vars.HAS_DIFFICULTY)),
                            ProcessContext.text(execution, Vars.DIFFICULTY_DESCRIPTION),
                            ProcessContext.text(execution, Vars.DIFFICULTY_PROPOSAL),
                            correctionOf == null ? null : ((Number) correctionOf).longValue()),
                    (Date) execution.getVariable(Vars.DUE_AT),
                    ProcessContext.currentUser(execution), ProcessContext.currentGroups(execution));
            execution.setVariable(Vars.REPORT_ID, stored.reportId());
            execution.setVariable(Vars.REPORT_LATE, stored.late());
            if (stored.periodComplete()) {
                // The plan's process (not the unit's user) closes the period: it consolidates it now.
                ProcessContext.asEngine(execution, () -> execution.getProcessEngineServices().getRuntimeService()
                        .createMessageCorrelation(PlanIssuanceProcess.periodReportsComplete(plan(execution),
                                (String) execution.getVariable(Vars.PERIOD_CODE)))
                        .correlateAll());
            }
            // The routing flag is always set, also when a client left the checkbox out. A correction raises a difficulty
            // only if the returned report had none: the one it had is with the Office already.
            boolean raise = Boolean.TRUE.equals(execution.getVariable(Vars.HAS_DIFFICULTY))
                    && (correctionOf == null || !service.returned(((Number) correctionOf).longValue()).hadDifficulty());
            execution.setVariable(Vars.HAS_DIFFICULTY, raise);
        };
    }

    /** The plan's reporting closed before the unit reported on the period: the period stays not reported. */
    @Bean
    JavaDelegate recordMissingReportDelegate() {
        return execution -> LOG.info("Plan {}: unit {} did not report on period {} before the plan's reporting closed",
                plan(execution), unit(execution), execution.getVariable(Vars.PERIOD_CODE));
    }

    /**
     * The period closed: the units whose report is still open after its due date (never the focal unit, which urges
     * the others) are offered to the Office in one task.
     */
    @Bean
    JavaDelegate findLateReportsDelegate(ReportingService service, Urgings urgings) {
        return execution -> urgings.offer(execution, lateReports(execution, service, urgings));
    }

    /** The Office urged the chosen late units of the period at once, or stopped urging. */
    @Bean
    JavaDelegate recordUrgingsDelegate(ReportingService service, Urgings urgings) {
        return execution -> {
            String planCode = (String) execution.getVariable(PlanIssuanceProcess.Vars.PLAN_CODE);
            urgings.record(execution, new Urgings.Round(planCode, (String) execution.getVariable(PlanIssuanceProcess.Vars.PERIOD_CODE),
                    () -> lateReports(execution, service, urgings),
                    (extendTo, dueDays) -> service.extension(planCode, extendTo, dueDays),
                    (message, extendTo) -> service.urgingNote(planCode, message, extendTo), Vars.OFFICE_NOTES,
                    (rt, instance, dueAt, dueOn) -> {
                        rt.setVariable(instance, Vars.DUE_AT, dueAt);
                        rt.setVariable(instance, Vars.DUE_ON, dueOn.toString());
                    },
                    () -> service.nextUrgingCheckAt(planCode)));
        };
    }

    /** The open reports of the plan's period whose due day has passed, by unit (the focal unit left out). */
    private static List<Urgings.Late> lateReports(DelegateExecution execution, ReportingService service, Urgings urgings) {
        String planCode = (String) execution.getVariable(PlanIssuanceProcess.Vars.PLAN_CODE);
        String periodCode = (String) execution.getVariable(PlanIssuanceProcess.Vars.PERIOD_CODE);
        return urgings.late(new Urgings.LateWork(PeriodicReportProcess.ID, planCode, Activities.SUBMIT_REPORT, Vars.PERIOD_CODE,
                periodCode, periodCode, Vars.DUE_ON, service.focalUnit(planCode), unit -> service.unitName(planCode, unit)));
    }

    @Bean
    JavaDelegate remindUnitDelegate(ReportingService service) {
        return execution -> noteOnReportTask(execution, service.reminder((String) execution.getVariable(Vars.DUE_ON)));
    }

    @Bean
    JavaDelegate recordUrgingDelegate(ReportingService service) {
        return execution -> {
            String message = ProcessContext.text(execution, Vars.URGING_MESSAGE);
            Object extend = execution.getVariable(Vars.EXTEND_DUE_TO);
            java.time.LocalDate extendTo = extend == null || extend.toString().isBlank() ? null : ProcessContext.date(extend, "Gia hạn đến ngày");
            Date newDue = service.urge(plan(execution), unit(execution), (String) execution.getVariable(Vars.PERIOD_CODE),
                    message, extendTo, (String) execution.getVariable(Vars.DUE_ON), ProcessContext.currentUser(execution));
            String note = service.urgingNote(plan(execution), message, extendTo);
            ProcessContext.asEngine(execution, () -> {
                Task report = noteOnReportTask(execution, note);
                if (newDue != null && report != null) {
                    report.setDueDate(newDue);
                    execution.getProcessEngineServices().getTaskService().saveTask(report);
                }
            });
            if (newDue != null) {
                execution.setVariable(Vars.DUE_AT, newDue);
                execution.setVariable(Vars.DUE_ON, extendTo.toString());
            }
            execution.setVariable(Vars.DUE_DATE_EXTENDED, newDue != null);
            execution.removeVariable(Vars.URGING_MESSAGE);
            execution.removeVariable(Vars.EXTEND_DUE_TO);
        };
    }

    @Bean
    JavaDelegate prepareFinalReportDelegate(ReportingService service) {
        return execution -> {
            ReportingService.PeriodSetup setup = service.setup(plan(execution), unit(execution), ReportingPeriod.FINAL_CODE);
            execution.setVariable(UnitPlanProcess.Vars.FINAL_OPEN_AT, setup.openAt());
            execution.setVariable(UnitPlanProcess.Vars.FINAL_DUE_AT, setup.dueAt());
            execution.setVariable(UnitPlanProcess.Vars.FINAL_INFO, setup.periodInfo());
        };
    }

    @Bean
    JavaDelegate recordFinalReportDelegate(ReportingService service) {
        return execution -> {
            ReportingService.Stored stored = service.submitFinal(plan(execution), unit(execution),
                    ProcessContext.text(execution, UnitPlanProcess.Vars.FINAL_SUMMARY),
                    ProcessContext.text(execution, UnitPlanProcess.Vars.SELF_ASSESSMENT),
                    ProcessContext.text(execution, UnitPlanProcess.Vars.FINAL_PROPOSALS),
                    (Date) execution.getVariable(UnitPlanProcess.Vars.FINAL_DUE_AT),
                    ProcessContext.currentUser(execution), ProcessContext.currentGroups(execution));
            execution.setVariable(UnitPlanProcess.Vars.FINAL_REPORT_ID, stored.reportId());
        };
    }

    /**
     * Shows a note to the unit on its open report task: in the form (the notes field) and as a task comment.
     * Returns the task, or null if the report is no longer open.
     */
    private static Task noteOnReportTask(DelegateExecution execution, String note) {
        List<String> notes = new ArrayList<>();
        String previous = ProcessContext.text(execution, Vars.OFFICE_NOTES);
        if (previous != null) {
            notes.add(previous);
        }
        notes.add(note);
        String all = String.join("\n", notes);
        execution.setVariable(Vars.OFFICE_NOTES, Texts.fitVariableKeepingEnd(all));
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        Task report = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(Activities.SUBMIT_REPORT).singleResult();
        if (report != null) {
            tasks.createComment(report.getId(), execution.getProcessInstanceId(), note);
        }
        return report;
    }

    private static String plan(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.PLAN_CODE);
    }

    private static String unit(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.UNIT_CODE);
    }
}
