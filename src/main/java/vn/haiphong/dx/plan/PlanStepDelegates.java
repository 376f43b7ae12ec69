package vn.haiphong.dx.plan;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.haiphong.dx.plan.PlanIssuanceProcess.Vars;
import vn.haiphong.dx.shared.ProcessContext;

/**
 * The service tasks of {@code PlanIssuanceProcess}: each reads what the person submitted, calls one
 * {@link PlanService} method and writes nothing else. They run in the completing transaction, so a
 * refused value rolls the user task back and the person sees why.
 */
@Configuration
class PlanStepDelegates {

    @Bean
    JavaDelegate recordDraftSubmissionDelegate(PlanService service) {
        return execution -> service.submitDraft(planCode(execution), ProcessContext.currentUser(execution));
    }

    @Bean
    JavaDelegate recordDraftReviewDelegate(PlanService service) {
        return execution -> service.review(planCode(execution),
                ProcessContext.text(execution, Vars.REVIEW_DECISION),
                ProcessContext.text(execution, Vars.REVIEW_COMMENTS),
                ProcessContext.currentUser(execution));
    }

    @Bean
    JavaDelegate issuePlanDelegate(PlanService service) {
        return execution -> service.issue(planCode(execution),
                ProcessContext.text(execution, Vars.DOCUMENT_NUMBER),
                ProcessContext.date(execution.getVariable(Vars.ISSUED_ON), "Ngày ban hành"),
                ProcessContext.text(execution, Vars.SIGNER_NAME),
                ProcessContext.text(execution, Vars.SIGNER_TITLE),
                ProcessContext.currentUser(execution));
    }

    private static String planCode(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.PLAN_CODE);
    }
}
