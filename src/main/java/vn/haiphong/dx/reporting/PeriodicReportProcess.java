package vn.haiphong.dx.reporting;

/**
 * {@code processes/PeriodicReportProcess.bpmn}: one instance per unit and period. The period opens, the
 * unit reports (reminded before the due date); a late report is accepted and marked late until the plan's
 * reporting closes, when the period is recorded as not reported. Late units are urged together, per period,
 * by the plan's process ({@code PlanIssuanceProcess}), which extends due dates on these instances. The report's
 * form is generated from the plan ({@link ReportForms}): the figures it asks for are the plan's metrics, keyed by
 * their codes. A report the Office returns for correction is asked again by a new instance whose
 * {@code correctionOf} names the returned report.
 */
public final class PeriodicReportProcess {

    public static final String ID = "PeriodicReportProcess";

    private PeriodicReportProcess() {
    }

    public static final class Vars {
        public static final String PLAN_CODE = "planCode";
        public static final String UNIT_CODE = "unitCode";
        public static final String PERIOD_CODE = "periodCode";
        public static final String TASK_CONTEXT = "taskContext";
        public static final String DUE_AT = "dueAt";
        public static final String DUE_ON = "dueOn";
        public static final String PERIOD_INFO = "periodInfo";
        /** The version of the plan the report is asked with, and the key of its unit's form in that version. */
        public static final String PLAN_VERSION = "planVersion";
        public static final String REPORT_FORM_KEY = "reportFormKey";
        public static final String OFFICE_NOTES = "officeNotes";
        public static final String REPORT_NARRATIVE = "reportNarrative";
        public static final String EVIDENCE_LINKS = "evidenceLinks";
        public static final String HAS_DIFFICULTY = "hasDifficulty";
        public static final String DIFFICULTY_DESCRIPTION = "difficultyDescription";
        public static final String DIFFICULTY_PROPOSAL = "difficultyProposal";
        /** Only models deployed before 2026-12-02, whose Office urged each unit on its own task, read these three. */
        public static final String URGING_MESSAGE = "urgingMessage";
        public static final String EXTEND_DUE_TO = "extendDueTo";
        public static final String DUE_DATE_EXTENDED = "dueDateExtended";
        /** The id of the returned report this instance asks the unit to correct; absent for a period's first report. */
        public static final String CORRECTION_OF = "correctionOf";
        public static final String REPORT_ID = "reportId";
        public static final String REPORT_LATE = "reportLate";

        private Vars() {
        }
    }

    public static final class Activities {
        public static final String PERIOD_OPENS = "Event_PeriodOpens";
        public static final String SUBMIT_REPORT = "Task_SubmitPeriodicReport";
        public static final String REMINDER_DUE = "BoundaryEvent_ReminderDue";
        public static final String REPORTING_CLOSED = "BoundaryEvent_ReportingClosed";
        public static final String END_STORED = "EndEvent_ReportStored";
        public static final String END_MISSING = "EndEvent_ReportMissing";

        private Activities() {
        }
    }
}
