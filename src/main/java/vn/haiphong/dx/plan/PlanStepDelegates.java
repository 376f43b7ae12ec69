package vn.haiphong.dx.plan;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.haiphong.dx.plan.PlanReviewProcess.Vars;
import vn.haiphong.dx.shared.ProcessContext;

/**
 * The service tasks of {@code PlanReviewProcess} and {@code PlanAmendmentProcess}: each reads what the person
 * submitted, calls one {@link PlanService} method and writes what the next form shows. They run in the completing
 * transaction, so a refused value rolls the user task back and the person sees why.
 */
@Configuration
class PlanStepDelegates {

    /** What the Office's and leadership's forms show of the draft: its content, its changes, which revision. */
    @Bean
    JavaDelegate prepareDraftDelegate(PlanService service) {
        return execution -> showDraft(execution, service);
    }

    @Bean
    JavaDelegate recordDraftSubmissionDelegate(PlanService service) {
        return execution -> {
            service.submitDraft(planCode(execution), version(execution), ProcessContext.currentUser(execution));
            // The Office may have revised the draft since its task opened: leadership reviews what was submitted.
            showDraft(execution, service);
        };
    }

    @Bean
    JavaDelegate recordDraftReviewDelegate(PlanService service) {
        return execution -> service.review(planCode(execution), version(execution),
                ProcessContext.text(execution, Vars.REVIEW_DECISION),
                ProcessContext.text(execution, Vars.REVIEW_COMMENTS),
                ProcessContext.currentUser(execution));
    }

    @Bean
    JavaDelegate issuePlanDelegate(PlanService service) {
        return execution -> service.issue(planCode(execution), version(execution),
                ProcessContext.text(execution, Vars.DOCUMENT_NUMBER),
                ProcessContext.date(execution.getVariable(Vars.ISSUED_ON), "Ngày ban hành"),
                ProcessContext.text(execution, Vars.SIGNER_NAME),
                ProcessContext.text(execution, Vars.SIGNER_TITLE),
                ProcessContext.currentUser(execution));
    }

    /** The amendment comes into force for what runs: listeners reconcile units, periods and open reports. */
    @Bean
    JavaDelegate applyAmendmentDelegate(Plans plans, ApplicationEventPublisher events) {
        return execution -> events.publishEvent(new PlanEvents.AmendmentInForce(
                plans.version(planCode(execution), version(execution)), version(execution)));
    }

    private static void showDraft(DelegateExecution execution, PlanService service) {
        String plan = planCode(execution);
        int version = version(execution);
        PlanService.Signer signer = service.signer(plan, version);
        if (execution.getVariable(Vars.SIGNER_NAME) == null) {
            execution.setVariable(Vars.SIGNER_NAME, signer.name());
            execution.setVariable(Vars.SIGNER_TITLE, signer.title());
        }
        execution.setVariable(Vars.PLAN_SUMMARY, service.summary(plan, version));
        execution.setVariable(Vars.PLAN_CHANGES, service.changes(plan, version));
        execution.setVariable(Vars.DRAFT_INFO, service.draftInfo(plan, version));
    }

    private static String planCode(DelegateExecution execution) {
        return (String) execution.getVariable(Vars.PLAN_CODE);
    }

    private static int version(DelegateExecution execution) {
        return ((Number) execution.getVariable(Vars.PLAN_VERSION)).intValue();
    }
}
