package vn.haiphong.dx.escalation;

/**
 * {@code processes/DifficultyProcess.bpmn}: a unit's difficulty goes to the Office, which answers, asks the
 * unit for more information, or advises leadership; leadership answers or reports it to the City People's
 * Committee, whose direction the Office records (and is reminded to chase). The unit confirms whether the
 * answer solves it; "not solved" reopens it at the Office. Started from Tasklist or from a periodic report.
 */
public final class DifficultyProcess {

    public static final String ID = "DifficultyProcess";

    private DifficultyProcess() {
    }

    public static final class Vars {
        public static final String DIFFICULTY_ID = "difficultyId";
        public static final String REPORTED_BY = "reportedBy";
        public static final String PLAN_CODE = "planCode";
        public static final String UNIT_CODE = "unitCode";
        public static final String PERIOD_CODE = "periodCode";
        public static final String SOURCE = "difficultySource";
        public static final String TASK_CONCERNED = "taskConcerned";
        public static final String DESCRIPTION = "difficultyDescription";
        public static final String IMPACT = "difficultyImpact";
        public static final String PROPOSAL = "difficultyProposal";
        public static final String URGENCY = "urgency";
        public static final String UNIT_GROUP_ID = "unitGroupId";
        public static final String OFFICE_GROUP_ID = "officeGroupId";
        public static final String LEADERSHIP_GROUP_ID = "leadershipGroupId";
        public static final String TASK_CONTEXT = "taskContext";
        public static final String SUMMARY = "difficultySummary";
        public static final String STAGE_DUE_AT = "stageDueAt";
        public static final String OFFICE_DECISION = "officeDecision";
        public static final String OFFICE_ANSWER = "officeAnswer";
        public static final String INFORMATION_REQUEST = "informationRequest";
        public static final String ADDITIONAL_INFORMATION = "additionalInformation";
        public static final String OFFICE_ADVICE = "officeAdvice";
        public static final String LEADERSHIP_DECISION = "leadershipDecision";
        public static final String LEADERSHIP_ANSWER = "leadershipAnswer";
        public static final String CITY_REPORT_NUMBER = "cityReportNumber";
        public static final String CITY_REPORT_DATE = "cityReportDate";
        public static final String CITY_DIRECTION = "cityDirection";
        public static final String CITY_FOLLOW_UP_AT = "cityFollowUpAt";
        public static final String FOLLOW_UP_NOTE = "followUpNote";
        public static final String ANSWER_TEXT = "answerText";
        public static final String RESOLVED = "resolved";
        public static final String UNIT_FEEDBACK = "unitFeedback";

        private Vars() {
        }
    }

    /** Values of the routing decisions. */
    public static final class Decisions {
        public static final String ANSWER = "ANSWER";
        public static final String REQUEST_INFO = "REQUEST_INFO";
        public static final String TO_LEADERSHIP = "TO_LEADERSHIP";
        public static final String TO_CITY = "TO_CITY";
        public static final String YES = "YES";
        public static final String NO = "NO";

        private Decisions() {
        }
    }

    public static final class Activities {
        public static final String HANDLE = "Task_HandleDifficulty";
        public static final String PROVIDE_INFORMATION = "Task_ProvideInformation";
        public static final String DECIDE = "Task_DecideDifficulty";
        public static final String REPORT_TO_CITY = "Task_ReportToCity";
        public static final String RECORD_CITY_DIRECTION = "Task_RecordCityDirection";
        public static final String FOLLOW_UP_CITY = "Task_FollowUpCity";
        public static final String CONFIRM_RESOLUTION = "Task_ConfirmResolution";
        public static final String END_RESOLVED = "EndEvent_DifficultyResolved";

        private Activities() {
        }
    }

    /** Statuses of {@code dx_difficulty}. */
    public enum Status {
        REPORTED("Đơn vị báo cáo"), AT_OFFICE("Đơn vị đầu mối đang xử lý"), INFO_REQUESTED("Chờ đơn vị bổ sung thông tin"),
        AT_LEADERSHIP("Trình lãnh đạo"), AT_CITY("Báo cáo UBND thành phố"), ANSWERED("Đã trả lời, chờ đơn vị xác nhận"),
        CONFIRMED("Đã giải quyết"), REOPENED("Đơn vị chưa đồng ý, mở lại");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** How people read the status, in reports and on the monitoring pages. */
        public String label() {
            return label;
        }
    }
}
