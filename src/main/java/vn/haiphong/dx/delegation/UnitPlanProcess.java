package vn.haiphong.dx.delegation;

/**
 * {@code processes/UnitPlanProcess.bpmn}: one instance per unit of an issued plan (its own instance, so
 * units never contend on a shared one). Now: the unit acknowledges the plan and says how it folds the
 * work into its own work plan.
 */
public final class UnitPlanProcess {

    public static final String ID = "UnitPlanProcess";

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

        private Vars() {
        }
    }

    public static final class Activities {
        public static final String ACKNOWLEDGE_PLAN = "Task_AcknowledgePlan";
        public static final String END_ACKNOWLEDGED = "EndEvent_UnitPartDone";

        private Activities() {
        }
    }
}
