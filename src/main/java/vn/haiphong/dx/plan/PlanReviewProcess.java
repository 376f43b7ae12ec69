package vn.haiphong.dx.plan;

/**
 * {@code processes/PlanReviewProcess.bpmn}: one version of a plan — the original or an amendment — from draft to
 * issuance. The focal unit completes and submits the draft (revising its text in the application before), leadership
 * approves it or returns it with comments, and the focal unit records the number and date it was issued with; the
 * version is then frozen as the plan that runs. Called by {@link PlanIssuanceProcess} and {@link PlanAmendmentProcess}.
 */
public final class PlanReviewProcess {

    public static final String ID = "PlanReviewProcess";

    private PlanReviewProcess() {
    }

    /** Every variable the process reads or writes. */
    public static final class Vars {
        public static final String PLAN_CODE = PlanIssuanceProcess.Vars.PLAN_CODE;
        public static final String PLAN_VERSION = PlanIssuanceProcess.Vars.PLAN_VERSION;
        public static final String FOCAL_GROUP_ID = PlanIssuanceProcess.Vars.FOCAL_GROUP_ID;
        public static final String LEADERSHIP_GROUP_ID = PlanIssuanceProcess.Vars.LEADERSHIP_GROUP_ID;
        public static final String TASK_CONTEXT = PlanIssuanceProcess.Vars.TASK_CONTEXT;
        /** Which draft and revision is under review, and where the Office revises it. */
        public static final String DRAFT_INFO = "draftInfo";
        public static final String PLAN_SUMMARY = "planSummary";
        /** What the version changes against the version in force. */
        public static final String PLAN_CHANGES = "planChanges";
        public static final String DRAFT_NOTE = "draftNote";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_COMMENTS = "reviewComments";
        public static final String DOCUMENT_NUMBER = "documentNumber";
        public static final String ISSUED_ON = "issuedOn";
        public static final String SIGNER_NAME = "signerName";
        public static final String SIGNER_TITLE = "signerTitle";

        private Vars() {
        }
    }

    /** Values of {@link Vars#REVIEW_DECISION}. */
    public static final class Decisions {
        public static final String APPROVE = "APPROVE";
        public static final String RETURN = "RETURN";

        private Decisions() {
        }
    }

    public static final class Activities {
        public static final String SUBMIT_DRAFT = "Task_SubmitPlanDraft";
        public static final String REVIEW_DRAFT = "Task_ReviewPlanDraft";
        public static final String RECORD_ISSUANCE = "Task_RecordPlanIssuance";
        public static final String END_ISSUED = "EndEvent_PlanVersionIssued";

        private Activities() {
        }
    }
}
