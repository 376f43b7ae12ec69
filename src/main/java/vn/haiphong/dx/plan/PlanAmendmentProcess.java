package vn.haiphong.dx.plan;

/**
 * {@code processes/PlanAmendmentProcess.bpmn}: an amendment of an issued plan (kế hoạch điều chỉnh, bổ sung), drafted
 * by its Office, goes through the same review and issuance as the plan ({@link PlanReviewProcess}) and then comes into
 * force: periods not yet reported follow it, what was reported stays as it was.
 */
public final class PlanAmendmentProcess {

    public static final String ID = "PlanAmendmentProcess";

    private PlanAmendmentProcess() {
    }

    /** Every variable the process reads or writes: the ones it hands to the review. */
    public static final class Vars {
        public static final String PLAN_CODE = PlanIssuanceProcess.Vars.PLAN_CODE;
        public static final String PLAN_VERSION = PlanIssuanceProcess.Vars.PLAN_VERSION;
        public static final String FOCAL_GROUP_ID = PlanIssuanceProcess.Vars.FOCAL_GROUP_ID;
        public static final String LEADERSHIP_GROUP_ID = PlanIssuanceProcess.Vars.LEADERSHIP_GROUP_ID;
        public static final String TASK_CONTEXT = PlanIssuanceProcess.Vars.TASK_CONTEXT;

        private Vars() {
        }
    }

    public static final class Activities {
        public static final String REVIEW_AND_ISSUE = "CallActivity_ReviewAndIssueAmendment";
        public static final String APPLY = "ServiceTask_ApplyAmendment";
        public static final String END_IN_FORCE = "EndEvent_AmendmentInForce";

        private Activities() {
        }
    }
}
