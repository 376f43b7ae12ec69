package vn.haiphong.dx.delegation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.haiphong.dx.delegation.UnitPlanProcess.Vars;
import vn.haiphong.dx.shared.ProcessContext;

/** The service tasks of {@code UnitPlanProcess}. */
@Configuration
class UnitPlanDelegates {

    /** Puts the unit's queue, task context and assignment summary into the instance. */
    @Bean
    JavaDelegate prepareUnitAssignmentDelegate(AcknowledgementService service) {
        return execution -> {
            AcknowledgementService.UnitAssignment assignment = service.assignment(plan(execution), unit(execution));
            execution.setVariable(Vars.UNIT_GROUP_ID, assignment.groupId());
            execution.setVariable(Vars.TASK_CONTEXT, assignment.taskContext());
            execution.setVariable(Vars.ASSIGNMENT_SUMMARY, assignment.summary());
        };
    }

    @Bean
    JavaDelegate recordAcknowledgementDelegate(AcknowledgementService service) {
        return execution -> service.acknowledge(plan(execution), unit(execution),
                ProcessContext.text(execution, Vars.PERSON_IN_CHARGE),
                ProcessContext.text(execution, Vars.CONTACT),
                ProcessContext.text(execution, Vars.PLANNED_ACTIVITIES),
                ProcessContext.text(execution, Vars.ACKNOWLEDGEMENT_NOTES),
                ProcessContext.currentUser(execution),
                ProcessContext.currentGroups(execution));
    }

    private static String plan(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.PLAN_CODE);
    }

    private static String unit(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.UNIT_CODE);
    }
}
