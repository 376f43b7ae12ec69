package vn.haiphong.dx.delegation;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.haiphong.dx.delegation.UnitPlanProcess.Activities;
import vn.haiphong.dx.delegation.UnitPlanProcess.Vars;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.urging.Urgings;

/** The service tasks of {@code UnitPlanProcess}, and of the acknowledgement follow-up in {@code PlanIssuanceProcess}. */
@Configuration
class UnitPlanDelegates {

    private static final Logger LOG = LoggerFactory.getLogger(UnitPlanDelegates.class);

    /** Puts the unit's queue, task context, assignment summary and acknowledgement dates into the instance. */
    @Bean
    JavaDelegate prepareUnitAssignmentDelegate(AcknowledgementService service) {
        return execution -> {
            AcknowledgementService.UnitAssignment assignment = service.assignment(plan(execution), unit(execution));
            execution.setVariable(Vars.UNIT_GROUP_ID, assignment.groupId());
            execution.setVariable(Vars.TASK_CONTEXT, assignment.taskContext());
            execution.setVariable(Vars.ASSIGNMENT_SUMMARY, assignment.summary());
            AcknowledgementService.Due due = service.due(plan(execution));
            execution.setVariable(Vars.ACKNOWLEDGEMENT_DUE_AT, due.dueAt());
            execution.setVariable(Vars.ACKNOWLEDGEMENT_DUE_ON, due.dueOn().toString());
            execution.setVariable(Vars.ACKNOWLEDGEMENT_REMIND_AT, due.remindAt());
        };
    }

    @Bean
    JavaDelegate recordAcknowledgementDelegate(AcknowledgementService service, UnitReleases releases) {
        return execution -> {
            service.acknowledge(plan(execution), unit(execution),
                    ProcessContext.text(execution, Vars.PERSON_IN_CHARGE),
                    ProcessContext.text(execution, Vars.CONTACT),
                    ProcessContext.text(execution, Vars.PLANNED_ACTIVITIES),
                    ProcessContext.text(execution, Vars.ACKNOWLEDGEMENT_NOTES),
                    ProcessContext.currentUser(execution),
                    ProcessContext.currentGroups(execution));
            releases.announceIfAllAcknowledged(plan(execution));
        };
    }

    /** The day before the acknowledgement is due: a note on the unit's task. */
    @Bean
    JavaDelegate remindAcknowledgementDelegate(AcknowledgementService service, Urgings urgings) {
        return execution -> {
            String note = service.reminder(LocalDate.parse((String) execution.getVariable(Vars.ACKNOWLEDGEMENT_DUE_ON)));
            execution.getProcessEngineServices().getTaskService().createTaskQuery()
                    .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(Activities.ACKNOWLEDGE_PLAN).list()
                    .forEach(task -> urgings.noteOnTask(task.getId(), execution.getProcessInstanceId(), note, null));
        };
    }

    /**
     * The plan's reporting closed before the unit acknowledged the plan or gave its final report: its part ends, so
     * that the plan reaches its final report; the monitoring pages show what the unit did not do.
     */
    @Bean
    JavaDelegate closeUnitPartDelegate() {
        return execution -> LOG.info("Plan {}: the part of unit {} closed at {} without {}", plan(execution), unit(execution),
                ClockUtil.getCurrentTime(), execution.getCurrentActivityId());
    }

    /** The Office released the unit from the plan: recorded with its reason; the unit's open work is withdrawn. */
    @Bean
    JavaDelegate recordReleaseDelegate(UnitReleases releases) {
        return execution -> {
            releases.record(plan(execution), unit(execution),
                    ProcessContext.text(execution, Vars.RELEASE_REASON), ProcessContext.text(execution, Vars.RELEASED_BY));
            releases.announceIfAllAcknowledged(plan(execution));
        };
    }

    /** The acknowledgements fell due: the units that have not acknowledged (never the focal unit) go to the Office. */
    @Bean
    JavaDelegate findUnacknowledgedDelegate(AcknowledgementService service, Urgings urgings) {
        return execution -> urgings.offer(execution, unacknowledged(execution, service, urgings));
    }

    /** The Office urged the chosen units to acknowledge the plan, or stopped urging. */
    @Bean
    JavaDelegate recordAcknowledgementUrgingsDelegate(AcknowledgementService service, Urgings urgings) {
        return execution -> {
            String planCode = plan(execution);
            urgings.record(execution, new Urgings.Round(planCode, Urgings.ACKNOWLEDGEMENT, () -> unacknowledged(execution, service, urgings),
                    (extendTo, dueDays) -> service.extension(planCode, extendTo, dueDays),
                    (message, extendTo) -> service.urgingNote(planCode, message, extendTo), null,
                    (rt, instance, dueAt, dueOn) -> {
                        rt.setVariable(instance, Vars.ACKNOWLEDGEMENT_DUE_AT, dueAt);
                        rt.setVariable(instance, Vars.ACKNOWLEDGEMENT_DUE_ON, dueOn.toString());
                    },
                    () -> service.nextCheckAt(planCode)));
        };
    }

    /** The units whose acknowledgement task is open past its due date, the focal unit left out. */
    private static List<Urgings.Late> unacknowledged(DelegateExecution execution, AcknowledgementService service, Urgings urgings) {
        String planCode = plan(execution);
        return urgings.late(new Urgings.LateWork(UnitPlanProcess.ID, planCode, Activities.ACKNOWLEDGE_PLAN, null, null,
                Urgings.ACKNOWLEDGEMENT, Vars.ACKNOWLEDGEMENT_DUE_ON, service.focalUnit(planCode), unit -> service.unitName(planCode, unit)));
    }

    private static String plan(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.PLAN_CODE);
    }

    private static String unit(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.UNIT_CODE);
    }
}
