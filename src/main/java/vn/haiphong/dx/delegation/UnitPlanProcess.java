package vn.haiphong.dx.delegation;

/**
 * {@code processes/UnitPlanProcess.bpmn}: one instance per unit of an issued plan (its own instance, so
 * units never contend on a shared one): the unit acknowledges the plan by its due date (reminded the day before,
 * urged with the other late units by the Office) and says how it folds the work into its own work plan, reports
 * every period (one {@code PeriodicReportProcess} each), and closes its part with its final report when the plan's
 * period is over. The part always ends: when the plan's reporting closes, an acknowledgement or a final report not
 * given closes it; the Office may release the unit ({@link #UNIT_RELEASED}), which withdraws its open work.
 */
public final class UnitPlanProcess {

    public static final String ID = "UnitPlanProcess";
    /** The message that releases the unit from the plan; correlated to the unit's instance. */
    public static final String UNIT_RELEASED = "UnitReleased";

    private UnitPlanProcess() {
    }

    public static final class Vars {
        public static final String PLAN_CODE = "planCode";
        public static final String UNIT_CODE = "unitCode";
        public static final String UNIT_GROUP_ID = "unitGroupId";
        public static final String TASK_CONTEXT = "taskContext";
        public static final String ASSIGNMENT_SUMMARY = "assignmentSummary";
        public static final String PERSON_IN_CHARGE = "personInCharge";
        public static final String CONTACT = "contact";
        public static final String PLANNED_ACTIVITIES = "plannedActivities";
        public static final String ACKNOWLEDGEMENT_NOTES = "acknowledgementNotes";
        public static final String ACKNOWLEDGEMENT_DUE_AT = "acknowledgementDueAt";
        public static final String ACKNOWLEDGEMENT_DUE_ON = "acknowledgementDueOn";
        public static final String ACKNOWLEDGEMENT_REMIND_AT = "acknowledgementRemindAt";
        /** Sent with {@link UnitPlanProcess#UNIT_RELEASED}: why, and by whom. */
        public static final String RELEASE_REASON = "releaseReason";
        public static final String RELEASED_BY = "releasedBy";
        /** Element variable of the per-period multi-instance. */
        public static final String PERIOD_CODE = "periodCode";
        public static final String FINAL_OPEN_AT = "finalOpenAt";
        public static final String FINAL_DUE_AT = "finalDueAt";
        public static final String FINAL_INFO = "finalInfo";
        public static final String FINAL_SUMMARY = "finalSummary";
        public static final String SELF_ASSESSMENT = "selfAssessment";
        public static final String FINAL_PROPOSALS = "finalProposals";
        public static final String FINAL_REPORT_ID = "finalReportId";

        private Vars() {
        }
    }

    public static final class Activities {
        public static final String ACKNOWLEDGE_PLAN = "Task_AcknowledgePlan";
        public static final String ACKNOWLEDGEMENT_REMINDER_DUE = "BoundaryEvent_AcknowledgementReminderDue";
        public static final String ACKNOWLEDGEMENT_CLOSED = "BoundaryEvent_AcknowledgementClosed";
        public static final String FINAL_REPORT_CLOSED = "BoundaryEvent_FinalReportClosed";
        public static final String END_CLOSED = "EndEvent_UnitPartClosed";
        public static final String END_RELEASED = "EndEvent_UnitReleased";
        public static final String REPORT_EACH_PERIOD = "CallActivity_ReportEachPeriod";
        public static final String PLAN_PERIOD_OVER = "Event_PlanPeriodOver";
        public static final String SUBMIT_FINAL_REPORT = "Task_SubmitFinalReport";
        public static final String END_ACKNOWLEDGED = "EndEvent_UnitPartDone";

        private Activities() {
        }
    }
}
