package vn.haiphong.dx.plan;

/**
 * {@code processes/PlanIssuanceProcess.bpmn}: the focal unit drafts, leadership reviews (with a revision
 * loop), the focal unit records the issuance, and the plan is delegated to every unit. While units work,
 * each period is consolidated when it closes; the plan ends with the final consolidated report.
 */
public final class PlanIssuanceProcess {

    public static final String ID = "PlanIssuanceProcess";

    private PlanIssuanceProcess() {
    }

    /** Every variable the process reads or writes. */
    public static final class Vars {
        public static final String PLAN_CODE = "planCode";
        public static final String FOCAL_GROUP_ID = "focalGroupId";
        public static final String LEADERSHIP_GROUP_ID = "leadershipGroupId";
        public static final String TASK_CONTEXT = "taskContext";
        public static final String PLAN_SUMMARY = "planSummary";
        public static final String DRAFT_NOTE = "draftNote";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_COMMENTS = "reviewComments";
        public static final String DOCUMENT_NUMBER = "documentNumber";
        public static final String ISSUED_ON = "issuedOn";
        public static final String SIGNER_NAME = "signerName";
        public static final String SIGNER_TITLE = "signerTitle";
        /** Element variable of the delegation multi-instance. */
        public static final String UNIT_CODE = "unitCode";

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

    /** The message that closes a period early, when every unit has reported; its name carries plan and period. */
    public static String periodReportsComplete(String planCode, String periodCode) {
        return "PeriodReportsComplete-" + planCode + "-" + periodCode;
    }

    public static final class Activities {
        public static final String SUBMIT_DRAFT = "Task_SubmitPlanDraft";
        public static final String REVIEW_DRAFT = "Task_ReviewPlanDraft";
        public static final String RECORD_ISSUANCE = "Task_RecordPlanIssuance";
        public static final String DELEGATE_TO_UNITS = "CallActivity_DelegateToUnits";
        public static final String CONSOLIDATE_PERIODS = "SubProcess_ConsolidatePeriods";
        public static final String ALL_UNITS_REPORTED = "Event_AllUnitsReported";
        public static final String PERIOD_DUE_PASSED = "Event_PeriodDuePassed";
        public static final String CONSOLIDATE_PERIOD = "CallActivity_ConsolidatePeriod";
        public static final String FINAL_REPORT = "CallActivity_FinalReport";
        public static final String END_COMPLETED = "EndEvent_PlanCompleted";

        private Activities() {
        }
    }
}
