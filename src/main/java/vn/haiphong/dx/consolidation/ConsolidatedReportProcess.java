package vn.haiphong.dx.consolidation;

/**
 * {@code processes/ConsolidatedReportProcess.bpmn}: the document pipeline every consolidated report goes
 * through. The report is drafted from the units' data, the Office completes and submits it, leadership
 * approves or returns it with comments, and the approved report is numbered, dated and dispatched.
 */
public final class ConsolidatedReportProcess {

    public static final String ID = "ConsolidatedReportProcess";

    private ConsolidatedReportProcess() {
    }

    /** Every variable the process reads or writes. */
    public static final class Vars {
        public static final String PLAN_CODE = "planCode";
        /** One of {@link Kinds}. */
        public static final String REPORT_KIND = "reportKind";
        /** The period of a periodic report. */
        public static final String PERIOD_CODE = "periodCode";
        /** Set by the caller for an ad-hoc report, by the draft step otherwise. */
        public static final String REPORT_ID = "consolidatedReportId";
        public static final String OFFICE_GROUP_ID = "officeGroupId";
        public static final String LEADERSHIP_GROUP_ID = "leadershipGroupId";
        public static final String TASK_CONTEXT = "taskContext";
        public static final String REPORT_DUE_AT = "reportDueAt";
        /** What the draft was compiled from, for the Office and leadership to read. */
        public static final String COMPILED_OVERVIEW = "compiledOverview";
        public static final String DOCUMENT_LINKS = "documentLinks";
        public static final String REPORT_SUMMARY = "reportSummary";
        public static final String REPORT_ASSESSMENT = "reportAssessment";
        public static final String REPORT_PROPOSALS = "reportProposals";
        public static final String APPROVAL_DECISION = "approvalDecision";
        public static final String LEADERSHIP_COMMENT = "leadershipComment";
        public static final String DOCUMENT_NUMBER = "documentNumber";

        private Vars() {
        }
    }

    /** Values of {@link Vars#REPORT_KIND}, as stored in {@code dx_consolidated_report.kind}. */
    public static final class Kinds {
        public static final String PERIODIC = "PERIODIC";
        public static final String AD_HOC = "AD_HOC";
        public static final String FINAL = "FINAL";

        private Kinds() {
        }
    }

    /** Values of {@link Vars#APPROVAL_DECISION}. */
    public static final class Decisions {
        public static final String APPROVE = "APPROVE";
        public static final String RETURN = "RETURN";

        private Decisions() {
        }
    }

    public static final class Activities {
        public static final String COMPILE_REPORT = "Task_CompileReport";
        public static final String APPROVE_REPORT = "Task_ApproveReport";
        public static final String DISPATCH_REPORT = "ServiceTask_DispatchReport";
        public static final String END_DISPATCHED = "EndEvent_ReportDispatched";

        private Activities() {
        }
    }
}
