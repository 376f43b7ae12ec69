package vn.haiphong.dx.reporting;

import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanEvents;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.reporting.PeriodicReportProcess.Vars;
import vn.haiphong.dx.shared.ProcessContext;

/**
 * When an amendment comes into force, what runs follows it where nothing has been reported yet:
 * <ul>
 * <li>every report not yet submitted (open or waiting for its period) is asked by the amended version: its form,
 * its targets, its information; a waiting report whose period now opens on another day waits for that day;</li>
 * <li>a period the amendment removes that has not opened is withdrawn, for the units and for the consolidation;</li>
 * <li>a period it adds is created for every unit in its reporting phase and for the consolidation.</li>
 * </ul>
 * Submitted reports keep the version they were asked and evaluated with.
 */
@Component
class AmendmentReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(AmendmentReconciliation.class);
    static final String WITHDRAWN = "Kỳ báo cáo không còn trong kế hoạch điều chỉnh";

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ReportingService reporting;

    AmendmentReconciliation(RuntimeService runtime, ManagementService management, ReportingService reporting) {
        this.runtime = runtime;
        this.management = management;
        this.reporting = reporting;
    }

    @EventListener
    @Order(10)
    public void onAmendment(PlanEvents.AmendmentInForce amendment) {
        PlanDefinition plan = amendment.plan();
        Set<String> periods = ReportingPeriod.of(plan).stream().map(ReportingPeriod::code).collect(Collectors.toSet());
        Set<String> units = plan.units().stream().map(PlanDefinition.Unit::code).collect(Collectors.toSet());
        for (ProcessInstance report : runtime.createProcessInstanceQuery().processDefinitionKey(PeriodicReportProcess.ID)
                .variableValueEquals(Vars.PLAN_CODE, plan.code()).active().list()) {
            String unit = (String) runtime.getVariable(report.getId(), Vars.UNIT_CODE);
            String period = (String) runtime.getVariable(report.getId(), Vars.PERIOD_CODE);
            if (!units.contains(unit)) {
                continue;
            }
            if (!periods.contains(period) && notOpen(report)) {
                runtime.deleteProcessInstance(report.getId(), WITHDRAWN);
                continue;
            }
            if (periods.contains(period)) {
                askAgain(plan, report, unit, period);
            }
        }
        addPeriods(plan, periods);
        LOG.info("Amendment {} of plan {} is in force for what runs", amendment.version() - 1, plan.code());
    }

    /** A report not yet submitted is asked by the version in force now. */
    private void askAgain(PlanDefinition plan, ProcessInstance report, String unit, String period) {
        ReportingService.PeriodSetup setup = reporting.setup(plan.code(), unit, period);
        runtime.setVariables(report.getId(), Map.of(Vars.PLAN_VERSION, setup.planVersion(),
                Vars.REPORT_FORM_KEY, setup.reportFormKey(), Vars.PERIOD_INFO, setup.periodInfo(),
                Vars.TASK_CONTEXT, setup.taskContext()));
        if (notOpen(report)) {
            for (Job timer : management.createJobQuery().processInstanceId(report.getId()).timers().list()) {
                if (!timer.getDuedate().equals(setup.openAt())) {
                    management.setJobDuedate(timer.getId(), setup.openAt());
                }
            }
            runtime.setVariable(report.getId(), Vars.DUE_AT, setup.dueAt());
            runtime.setVariable(report.getId(), Vars.DUE_ON, setup.dueOn());
        }
    }

    private boolean notOpen(ProcessInstance report) {
        return runtime.getActiveActivityIds(report.getId()).contains(PeriodicReportProcess.Activities.PERIOD_OPENS);
    }

    /**
     * Periods the amendment adds, for each unit in its reporting phase (an inner instance added to the per-period
     * multi-instance of its {@code UnitPlanProcess}) and for the plan's consolidation.
     */
    private void addPeriods(PlanDefinition plan, Set<String> periods) {
        for (ProcessInstance unitPart : runtime.createProcessInstanceQuery().processDefinitionKey(UnitPlanProcess.ID)
                .variableValueEquals(UnitPlanProcess.Vars.PLAN_CODE, plan.code()).active().list()) {
            ActivityInstance body = ProcessContext.multiInstanceBody(runtime, unitPart.getId(), UnitPlanProcess.Activities.REPORT_EACH_PERIOD);
            if (body == null) {
                continue;
            }
            Set<String> existing = new HashSet<>();
            runtime.createProcessInstanceQuery().superProcessInstanceId(unitPart.getId()).list()
                    .forEach(p -> existing.add((String) runtime.getVariable(p.getId(), Vars.PERIOD_CODE)));
            existing.addAll(reporting.reportedPeriods(plan.code(), (String) runtime.getVariable(unitPart.getId(), UnitPlanProcess.Vars.UNIT_CODE)));
            for (String period : reporting.periodCodes(plan.code())) {
                if (!existing.contains(period)) {
                    runtime.createProcessInstanceModification(unitPart.getId())
                            .startBeforeActivity(UnitPlanProcess.Activities.REPORT_EACH_PERIOD, body.getId())
                            .setVariableLocal(UnitPlanProcess.Vars.PERIOD_CODE, period).execute();
                }
            }
        }
        for (ProcessInstance whole : runtime.createProcessInstanceQuery().processDefinitionKey(PlanIssuanceProcess.ID)
                .processInstanceBusinessKey(plan.code()).active().list()) {
            ActivityInstance body = ProcessContext.multiInstanceBody(runtime, whole.getId(), PlanIssuanceProcess.Activities.CONSOLIDATE_PERIODS);
            if (body == null) {
                continue;
            }
            Set<String> open = new HashSet<>();
            for (ActivityInstance inner : body.getChildActivityInstances()) {
                String execution = inner.getExecutionIds()[0];
                String period = String.valueOf(runtime.getVariableLocal(execution, PlanIssuanceProcess.Vars.PERIOD_CODE));
                open.add(period);
                boolean waiting = java.util.Arrays.stream(inner.getChildActivityInstances())
                        .noneMatch(a -> PlanIssuanceProcess.Activities.CONSOLIDATE_PERIOD.equals(a.getActivityId()));
                if (!periods.contains(period) && waiting) {
                    runtime.createProcessInstanceModification(whole.getId()).cancelActivityInstance(inner.getId()).execute();
                } else if (waiting) {
                    Date closes = reporting.periodClosesAt(plan.code(), period);
                    for (Job timer : management.createJobQuery().processInstanceId(whole.getId()).timers().list()) {
                        if (timer.getExecutionId() != null && isIn(timer.getExecutionId(), inner) && !timer.getDuedate().equals(closes)) {
                            management.setJobDuedate(timer.getId(), closes);
                        }
                    }
                }
            }
            List<String> consolidated = reporting.consolidatedPeriods(plan.code());
            for (String period : reporting.periodCodes(plan.code())) {
                if (!open.contains(period) && !consolidated.contains(period)) {
                    runtime.createProcessInstanceModification(whole.getId())
                            .startBeforeActivity(PlanIssuanceProcess.Activities.CONSOLIDATE_PERIODS, body.getId())
                            .setVariableLocal(PlanIssuanceProcess.Vars.PERIOD_CODE, period).execute();
                }
            }
        }
    }

    /** The running multi-instance body of an activity, or null when the instance is not (or no longer) there. */

    /** Whether an execution belongs to an activity instance or one of its children. */
    private static boolean isIn(String executionId, ActivityInstance instance) {
        if (java.util.Arrays.asList(instance.getExecutionIds()).contains(executionId)) {
            return true;
        }
        return java.util.Arrays.stream(instance.getChildActivityInstances()).anyMatch(child -> isIn(executionId, child))
                || java.util.Arrays.stream(instance.getChildTransitionInstances()).anyMatch(t -> executionId.equals(t.getExecutionId()));
    }
}
