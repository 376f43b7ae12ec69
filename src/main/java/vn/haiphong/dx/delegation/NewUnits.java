package vn.haiphong.dx.delegation;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanEvents;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.shared.ProcessContext;

/**
 * A unit an amendment adds gets its part of the plan at once: an inner instance is added to the plan's delegation
 * multi-instance, so its {@code UnitPlanProcess} starts like the others' did at issuance (acknowledgement, periods,
 * final report) and the plan waits for it before its final report.
 */
@Component
class NewUnits {

    private final RuntimeService runtime;
    private final HistoryService history;

    NewUnits(RuntimeService runtime, HistoryService history) {
        this.runtime = runtime;
        this.history = history;
    }

    @EventListener
    @Order(5)
    public void onAmendment(PlanEvents.AmendmentInForce amendment) {
        PlanDefinition plan = amendment.plan();
        Set<String> delegated = new HashSet<>();
        history.createHistoricProcessInstanceQuery().processDefinitionKey(UnitPlanProcess.ID).processInstanceBusinessKey(plan.code())
                .list().forEach(p -> history.createHistoricVariableInstanceQuery().processInstanceId(p.getId())
                        .variableName(UnitPlanProcess.Vars.UNIT_CODE).list()
                        .forEach(v -> delegated.add(String.valueOf(v.getValue()))));
        for (ProcessInstance whole : runtime.createProcessInstanceQuery().processDefinitionKey(PlanIssuanceProcess.ID)
                .processInstanceBusinessKey(plan.code()).active().list()) {
            ActivityInstance body = ProcessContext.multiInstanceBody(runtime, whole.getId(), PlanIssuanceProcess.Activities.DELEGATE_TO_UNITS);
            if (body == null) {
                continue;
            }
            for (PlanDefinition.Unit unit : plan.units()) {
                if (!delegated.contains(unit.code())) {
                    runtime.createProcessInstanceModification(whole.getId())
                            .startBeforeActivity(PlanIssuanceProcess.Activities.DELEGATE_TO_UNITS, body.getId())
                            .setVariableLocal(PlanIssuanceProcess.Vars.UNIT_CODE, unit.code()).execute();
                }
            }
        }
    }
}
