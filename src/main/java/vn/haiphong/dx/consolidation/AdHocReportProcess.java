package vn.haiphong.dx.consolidation;

/**
 * {@code processes/AdHocReportProcess.bpmn}: the city requests a report (báo cáo đột xuất); the Office
 * records the request, may ask chosen units for input by a deadline, and the report then goes through
 * {@link ConsolidatedReportProcess}.
 */
public final class AdHocReportProcess {

    public static final String ID = "AdHocReportProcess";

    private AdHocReportProcess() {
    }

    /** Every variable the process reads or writes. */
    public static final class Vars {
        public static final String PLAN_CODE = "planCode";
        public static final String SUBJECT = "reportSubject";
        public static final String REQUESTED_BY = "requestedBy";
        public static final String REQUEST_REFERENCE = "requestReference";
        public static final String REQUEST_DETAILS = "requestDetails";
        public static final String REPORT_DEADLINE = "reportDeadline";
        public static final String ASK_UNITS = "askUnits";
        public static final String REQUEST_INFO = "requestInfo";
        public static final String REPORT_ID = ConsolidatedReportProcess.Vars.REPORT_ID;
        public static final String OFFICE_GROUP_ID = "officeGroupId";
        public static final String TASK_CONTEXT = "taskContext";
        /** Checklist options: the plan's units, as [{label, value}] JSON. */
        public static final String UNIT_OPTIONS = "unitOptions";
        /** The units the Office chose (checklist). */
        public static final String INPUT_UNITS = "inputUnits";
        public static final String INPUT_DUE_ON = "inputDueOn";
        public static final String INPUT_DUE_AT = "inputDueAt";
        /** Element variable of the input multi-instance. */
        public static final String INPUT_UNIT_CODE = "inputUnitCode";
        public static final String UNIT_GROUP_ID = "unitGroupId";
        public static final String INPUT_CONTENT = "inputContent";
        public static final String INPUT_FIGURES = "inputFigures";

        private Vars() {
        }
    }

    public static final class Activities {
        public static final String CHOOSE_UNITS = "Task_ChooseInputUnits";
        public static final String PROVIDE_INPUT = "Task_ProvideReportInput";
        public static final String COLLECT_INPUTS = "SubProcess_CollectInputs";
        public static final String COMPILE = "CallActivity_CompileAdHocReport";
        public static final String END = "EndEvent_AdHocReportDispatched";

        private Activities() {
        }
    }
}
