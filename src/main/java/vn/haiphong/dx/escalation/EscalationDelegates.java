package vn.haiphong.dx.escalation;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.haiphong.dx.escalation.DifficultyProcess.Decisions;
import vn.haiphong.dx.escalation.DifficultyProcess.Vars;
import vn.haiphong.dx.shared.ProcessContext;

/** The service tasks of {@code DifficultyProcess}, and the hand-over from a periodic report. */
@Configuration
class EscalationDelegates {

    static final String SOURCE_TASKLIST = "TASKLIST";
    static final String SOURCE_PERIODIC_REPORT = "PERIODIC_REPORT";

    @Bean
    JavaDelegate registerDifficultyDelegate(DifficultyService service) {
        return execution -> {
            String source = ProcessContext.text(execution, Vars.SOURCE);
            DifficultyService.Registered r = service.register(new DifficultyService.Report(
                            ProcessContext.text(execution, Vars.PLAN_CODE), ProcessContext.text(execution, Vars.UNIT_CODE),
                            ProcessContext.text(execution, Vars.PERIOD_CODE), source == null ? SOURCE_TASKLIST : source,
                            ProcessContext.text(execution, Vars.TASK_CONCERNED), ProcessContext.text(execution, Vars.DESCRIPTION),
                            ProcessContext.text(execution, Vars.IMPACT), ProcessContext.text(execution, Vars.PROPOSAL),
                            ProcessContext.text(execution, Vars.URGENCY)),
                    execution.getProcessInstanceId(), ProcessContext.currentUser(execution), ProcessContext.currentGroups(execution));
            // The plan is the business key of everything that happens in it (Cockpit, monitoring, clean-up).
            execution.setProcessBusinessKey(r.planCode());
            execution.setVariable(Vars.DIFFICULTY_ID, r.id());
            execution.setVariable(Vars.PLAN_CODE, r.planCode());
            execution.setVariable(Vars.UNIT_CODE, r.unitCode());
            execution.setVariable(Vars.UNIT_GROUP_ID, r.unitGroupId());
            execution.setVariable(Vars.OFFICE_GROUP_ID, r.officeGroupId());
            execution.setVariable(Vars.LEADERSHIP_GROUP_ID, r.leadershipGroupId());
            execution.setVariable(Vars.TASK_CONTEXT, r.taskContext());
            execution.setVariable(Vars.STAGE_DUE_AT, r.stageDueAt());
            execution.setVariable(Vars.SUMMARY, service.summary(r.id()));
        };
    }

    @Bean
    JavaDelegate recordOfficeDecisionDelegate(DifficultyService service) {
        return execution -> {
            String decision = ProcessContext.text(execution, Vars.OFFICE_DECISION);
            String answer = ProcessContext.text(execution, Vars.OFFICE_ANSWER);
            Date due = service.officeDecision(id(execution), decision, answer,
                    ProcessContext.text(execution, Vars.INFORMATION_REQUEST), ProcessContext.text(execution, Vars.OFFICE_ADVICE),
                    ProcessContext.currentUser(execution));
            execution.setVariable(Vars.STAGE_DUE_AT, due);
            if (Decisions.ANSWER.equals(decision)) {
                execution.setVariable(Vars.ANSWER_TEXT, service.officeAnswerText(id(execution), answer));
            }
        };
    }

    @Bean
    JavaDelegate recordInformationDelegate(DifficultyService service) {
        return execution -> {
            execution.setVariable(Vars.STAGE_DUE_AT, service.information(id(execution),
                    ProcessContext.text(execution, Vars.ADDITIONAL_INFORMATION), ProcessContext.currentUser(execution),
                    ProcessContext.currentGroups(execution)));
            execution.setVariable(Vars.SUMMARY, service.summary(id(execution)));
            execution.removeVariable(Vars.OFFICE_DECISION);
        };
    }

    @Bean
    JavaDelegate recordLeadershipDecisionDelegate(DifficultyService service) {
        return execution -> {
            String decision = ProcessContext.text(execution, Vars.LEADERSHIP_DECISION);
            String answer = ProcessContext.text(execution, Vars.LEADERSHIP_ANSWER);
            Date due = service.leadershipDecision(id(execution), decision, answer, ProcessContext.currentUser(execution));
            execution.setVariable(Vars.STAGE_DUE_AT, due);
            if (Decisions.ANSWER.equals(decision)) {
                execution.setVariable(Vars.ANSWER_TEXT, "Lãnh đạo trả lời: " + answer);
            }
        };
    }

    @Bean
    JavaDelegate recordCityReportDelegate(DifficultyService service) {
        return execution -> execution.setVariable(Vars.CITY_FOLLOW_UP_AT, service.cityReport(id(execution),
                ProcessContext.text(execution, Vars.CITY_REPORT_NUMBER),
                ProcessContext.date(execution.getVariable(Vars.CITY_REPORT_DATE), "Ngày gửi văn bản"),
                ProcessContext.currentUser(execution)));
    }

    @Bean
    JavaDelegate recordCityFollowUpDelegate(DifficultyService service) {
        return execution -> service.cityFollowUp(id(execution), ProcessContext.text(execution, Vars.FOLLOW_UP_NOTE),
                ProcessContext.currentUser(execution));
    }

    @Bean
    JavaDelegate recordCityDirectionDelegate(DifficultyService service) {
        return execution -> {
            String direction = ProcessContext.text(execution, Vars.CITY_DIRECTION);
            execution.setVariable(Vars.STAGE_DUE_AT, service.cityDirection(id(execution), direction,
                    ProcessContext.currentUser(execution)));
            execution.setVariable(Vars.ANSWER_TEXT, "Chỉ đạo của UBND thành phố: " + direction);
        };
    }

    @Bean
    JavaDelegate recordConfirmationDelegate(DifficultyService service) {
        return execution -> {
            Date due = service.confirm(id(execution), ProcessContext.text(execution, Vars.RESOLVED),
                    ProcessContext.text(execution, Vars.UNIT_FEEDBACK), ProcessContext.currentUser(execution),
                    ProcessContext.currentGroups(execution));
            if (due != null) {
                execution.setVariable(Vars.STAGE_DUE_AT, due);
                execution.setVariable(Vars.SUMMARY, service.summary(id(execution)));
                execution.removeVariables(java.util.List.of(Vars.OFFICE_DECISION, Vars.LEADERSHIP_DECISION));
            }
        };
    }

    /**
     * A periodic report that says the unit met a difficulty starts the same {@code DifficultyProcess} as
     * Tasklist does, inside the report's transaction.
     */
    @Bean
    JavaDelegate raiseDifficultyFromReportDelegate() {
        return execution -> execution.getProcessEngineServices().getRuntimeService()
                .createProcessInstanceByKey(DifficultyProcess.ID)
                .businessKey(execution.getProcessBusinessKey())
                .setVariables(Map.of(
                        Vars.PLAN_CODE, execution.getVariable(Vars.PLAN_CODE),
                        Vars.UNIT_CODE, execution.getVariable(Vars.UNIT_CODE),
                        Vars.PERIOD_CODE, execution.getVariable(Vars.PERIOD_CODE),
                        Vars.SOURCE, SOURCE_PERIODIC_REPORT,
                        Vars.DESCRIPTION, execution.getVariable(Vars.DESCRIPTION),
                        Vars.PROPOSAL, String.valueOf(execution.getVariable(Vars.PROPOSAL) == null ? "" : execution.getVariable(Vars.PROPOSAL)),
                        Vars.URGENCY, "NORMAL"))
                .execute();
    }

    private static long id(DelegateExecution execution) {
        return ((Number) execution.getVariable(Vars.DIFFICULTY_ID)).longValue();
    }
}
