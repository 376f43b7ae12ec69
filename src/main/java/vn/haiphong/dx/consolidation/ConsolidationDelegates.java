package vn.haiphong.dx.consolidation;

import java.time.LocalDate;
import java.util.Collection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess.Vars;
import vn.haiphong.dx.form.FormValues;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.shared.ProcessContext;

/** The service tasks of {@code ConsolidatedReportProcess} and {@code AdHocReportProcess}. */
@Configuration
class ConsolidationDelegates {

    @Bean
    JavaDelegate draftConsolidatedReportDelegate(ConsolidationService service) {
        return execution -> {
            Object adHocId = execution.getVariable(Vars.REPORT_ID);
            ConsolidationService.Draft draft = service.draft((String) execution.getVariable(Vars.PLAN_CODE),
                    (String) execution.getVariable(Vars.REPORT_KIND), (String) execution.getVariable(Vars.PERIOD_CODE),
                    adHocId == null ? null : ((Number) adHocId).longValue(), execution.getProcessInstanceId());
            execution.setVariable(Vars.REPORT_ID, draft.reportId());
            execution.setVariable(Vars.OFFICE_GROUP_ID, draft.officeGroupId());
            execution.setVariable(Vars.LEADERSHIP_GROUP_ID, draft.leadershipGroupId());
            execution.setVariable(Vars.TASK_CONTEXT, draft.taskContext());
            execution.setVariable(Vars.REPORT_DUE_AT, draft.dueAt());
            execution.setVariable(Vars.COMPILED_OVERVIEW, draft.overview());
            execution.setVariable(Vars.DOCUMENT_LINKS, draft.documentLinks());
            execution.setVariable(Vars.REPORT_SUMMARY, draft.summary());
            execution.setVariable(Vars.REPORT_PROPOSALS, draft.proposals());
        };
    }

    @Bean
    JavaDelegate submitConsolidatedReportDelegate(ConsolidationService service) {
        return execution -> {
            ConsolidationService.Submitted submitted = service.submit(reportId(execution),
                    ProcessContext.text(execution, Vars.REPORT_SUMMARY), ProcessContext.text(execution, Vars.REPORT_ASSESSMENT),
                    ProcessContext.text(execution, Vars.REPORT_PROPOSALS), ProcessContext.currentUser(execution),
                    ProcessContext.currentGroups(execution));
            // Leadership's approval form shows what was stored, on the data as compiled at submission.
            execution.setVariable(Vars.REPORT_SUMMARY, submitted.summary());
            execution.setVariable(Vars.REPORT_PROPOSALS, submitted.proposals());
            execution.setVariable(Vars.COMPILED_OVERVIEW, submitted.overview());
        };
    }

    @Bean
    JavaDelegate recordReportDecisionDelegate(ConsolidationService service) {
        return execution -> {
            String decision = ProcessContext.text(execution, Vars.APPROVAL_DECISION);
            String number = service.decide(reportId(execution), decision, ProcessContext.text(execution, Vars.LEADERSHIP_COMMENT),
                    ProcessContext.currentUser(execution), ProcessContext.currentGroups(execution));
            if (number != null) {
                execution.setVariable(Vars.DOCUMENT_NUMBER, number);
            }
        };
    }

    @Bean
    JavaDelegate dispatchConsolidatedReportDelegate(ReportDocuments documents) {
        return execution -> documents.dispatch(reportId(execution));
    }

    @Bean
    JavaDelegate registerAdHocRequestDelegate(ConsolidationService service) {
        return execution -> {
            Object deadline = execution.getVariable(AdHocReportProcess.Vars.REPORT_DEADLINE);
            ConsolidationService.Registered registered = service.registerAdHoc(new ConsolidationService.AdHocRequest(
                            ProcessContext.text(execution, AdHocReportProcess.Vars.PLAN_CODE),
                            ProcessContext.text(execution, AdHocReportProcess.Vars.SUBJECT),
                            ProcessContext.text(execution, AdHocReportProcess.Vars.REQUESTED_BY),
                            ProcessContext.text(execution, AdHocReportProcess.Vars.REQUEST_REFERENCE),
                            ProcessContext.text(execution, AdHocReportProcess.Vars.REQUEST_DETAILS),
                            deadline == null || deadline.toString().isBlank() ? null : ProcessContext.date(deadline, "Hạn gửi báo cáo")),
                    execution.getProcessInstanceId(), ProcessContext.currentUser(execution), ProcessContext.currentGroups(execution));
            execution.setVariable(AdHocReportProcess.Vars.REPORT_ID, registered.reportId());
            execution.setVariable(AdHocReportProcess.Vars.PLAN_CODE, registered.planCode());
            execution.setVariable(AdHocReportProcess.Vars.OFFICE_GROUP_ID, registered.officeGroupId());
            execution.setVariable(AdHocReportProcess.Vars.TASK_CONTEXT, registered.taskContext());
            execution.setVariable(AdHocReportProcess.Vars.REQUEST_INFO, registered.requestInfo());
            execution.setVariable(AdHocReportProcess.Vars.UNIT_OPTIONS, SpinValues.jsonValue(registered.unitOptions()).create());
            execution.setVariable(AdHocReportProcess.Vars.ASK_UNITS,
                    Boolean.TRUE.equals(execution.getVariable(AdHocReportProcess.Vars.ASK_UNITS)));
        };
    }

    @Bean
    JavaDelegate requestUnitInputsDelegate(ConsolidationService service) {
        return execution -> {
            Object chosen = FormValues.plain(execution.getVariableTyped(AdHocReportProcess.Vars.INPUT_UNITS));
            if (!(chosen instanceof Collection<?> units)) {
                throw new InputRejectedException("Chọn ít nhất một đơn vị cung cấp thông tin");
            }
            Object due = execution.getVariable(AdHocReportProcess.Vars.INPUT_DUE_ON);
            LocalDate dueOn = due == null || due.toString().isBlank() ? null : ProcessContext.date(due, "Hạn đơn vị gửi thông tin");
            long id = reportId(execution);
            service.askUnits(id, units.stream().map(String::valueOf).toList(), dueOn,
                    ProcessContext.currentUser(execution), ProcessContext.currentGroups(execution));
            execution.setVariable(AdHocReportProcess.Vars.INPUT_DUE_AT, service.inputDueAt(id, dueOn));
        };
    }

    @Bean
    JavaDelegate recordUnitInputDelegate(ConsolidationService service) {
        return execution -> service.submitInput(reportId(execution),
                (String) execution.getVariable(AdHocReportProcess.Vars.INPUT_UNIT_CODE),
                ProcessContext.text(execution, AdHocReportProcess.Vars.INPUT_CONTENT),
                ProcessContext.text(execution, AdHocReportProcess.Vars.INPUT_FIGURES),
                ProcessContext.currentUser(execution), ProcessContext.currentGroups(execution));
    }

    private static long reportId(DelegateExecution execution) {
        return ((Number) execution.getVariable(Vars.REPORT_ID)).longValue();
    }
}
