package vn.haiphong.dx.plan;

/**
 * {@code processes/PlanIssuanceProcess.bpmn}: the plan's first version goes through review and issuance
 * ({@link PlanReviewProcess}), then the plan is delegated to every unit (the Office urges, in one task, the units
 * that have not acknowledged it by their due date) and, while units work, each period is consolidated when it closes
 * and its late units are urged together in one task of the Office; the plan ends with the final consolidated report.
 */
public final class PlanIssuanceProcess {

    public static final String ID = "PlanIssuanceProcess";

    private PlanIssuanceProcess() {
    }

    /** Every variable the process reads or writes. */
    public static final class Vars {
        public static final String PLAN_CODE = "planCode";
        /** The version under review: 1 here, the amendment's in {@link PlanAmendmentProcess}. */
        public static final String PLAN_VERSION = "planVersion";
        public static final String FOCAL_GROUP_ID = "focalGroupId";
        public static final String LEADERSHIP_GROUP_ID = "leadershipGroupId";
        public static final String TASK_CONTEXT = "taskContext";
        /** Element variable of the delegation multi-instance. */
        public static final String UNIT_CODE = "unitCode";
        /** Element variable of the per-period multi-instance. */
        public static final String PERIOD_CODE = "periodCode";

        private Vars() {
        }
    }

    /**
     * The variables of an urging round (of a period's late reports, or of the acknowledgements), local to its subprocess;
     * the form {@code urgeLateUnits} shows and fills them (see {@code urging.Urgings}).
     */
    public static final class UrgingVars {
        public static final String LATE_UNITS_INFO = "lateUnitsInfo";
        public static final String LATE_UNIT_OPTIONS = "lateUnitOptions";
        public static final String ANY_LATE_UNIT = "anyLateUnit";
        public static final String URGING_DECISION = "urgingDecision";
        public static final String URGE_UNITS = "urgeUnits";
        public static final String URGING_MESSAGE = "urgingMessage";
        public static final String EXTEND_DUE_TO = "extendDueTo";
        public static final String KEEP_URGING = "keepUrging";
        public static final String NEXT_CHECK_AT = "nextCheckAt";

        private UrgingVars() {
        }
    }

    /** The message that ends the follow-up of acknowledgements once every unit still in the plan has acknowledged it. */
    public static String allUnitsAcknowledged(String planCode) {
        return "AllUnitsAcknowledged-" + planCode;
    }

    /** The message that closes a period early, when every unit has reported; its name carries plan and period. */
    public static String periodReportsComplete(String planCode, String periodCode) {
        return "PeriodReportsComplete-" + planCode + "-" + periodCode;
    }

    public static final class Activities {
        public static final String REVIEW_AND_ISSUE = "CallActivity_ReviewAndIssuePlan";
        public static final String DELEGATE_TO_UNITS = "CallActivity_DelegateToUnits";
        public static final String CONSOLIDATE_PERIODS = "SubProcess_ConsolidatePeriods";
        public static final String ALL_UNITS_REPORTED = "Event_AllUnitsReported";
        public static final String PERIOD_DUE_PASSED = "Event_PeriodDuePassed";
        public static final String CONSOLIDATE_PERIOD = "CallActivity_ConsolidatePeriod";
        public static final String URGE_LATE_UNITS = "Task_UrgeLateUnits";
        public static final String NEXT_LATE_CHECK = "Event_NextLateCheck";
        public static final String FOLLOW_UP_ACKNOWLEDGEMENTS = "SubProcess_FollowUpAcknowledgements";
        public static final String ACKNOWLEDGEMENTS_DUE = "Event_AcknowledgementsDue";
        public static final String URGE_ACKNOWLEDGEMENTS = "Task_UrgeAcknowledgements";
        public static final String NEXT_ACKNOWLEDGEMENT_CHECK = "Event_NextAcknowledgementCheck";
        public static final String FINAL_REPORT = "CallActivity_FinalReport";
        public static final String END_COMPLETED = "EndEvent_PlanCompleted";

        private Activities() {
        }
    }
}
