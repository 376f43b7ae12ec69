package vn.haiphong.dx.reporting;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.haiphong.dx.reporting.PeriodicReportProcess.Vars;
import vn.haiphong.dx.shared.ProcessContext;

/**
 * The Office sends a unit's report back for correction: the report stops counting, and a new
 * {@code PeriodicReportProcess} instance asks the unit for its correction with the same form, filled with what it gave
 * and the Office's reason. The correction replaces the returned report; both are kept.
 */
@Service
public class ReportCorrections {

    /** Published when a report was returned, in the transaction that returned it. */
    public record ReportReturned(String planCode, String unitCode, String periodCode, long reportId, String reason, String actor,
                                 String correctionInstanceId) {}

    private final ReportingService reporting;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;

    ReportCorrections(ReportingService reporting, RuntimeService runtime, IdentityService identity, ApplicationEventPublisher events) {
        this.reporting = reporting;
        this.runtime = runtime;
        this.identity = identity;
        this.events = events;
    }

    /** Returns the report; the id of the instance that asks for its correction. */
    @Transactional
    public String returnForCorrection(String planCode, String unitCode, String periodCode, String reason, String actor,
                                      List<String> actorGroups, boolean admin) {
        ReportRepository.ReportRow report = reporting.returnReport(planCode, unitCode, periodCode, reason, actor, actorGroups, admin);
        String instance = ProcessContext.asEngine(identity, () -> runtime.createProcessInstanceByKey(PeriodicReportProcess.ID)
                .businessKey(planCode)
                .setVariable(Vars.PLAN_CODE, planCode)
                .setVariable(Vars.UNIT_CODE, unitCode)
                .setVariable(Vars.PERIOD_CODE, periodCode)
                .setVariable(Vars.CORRECTION_OF, report.id())
                .execute().getId());
        events.publishEvent(new ReportReturned(planCode, unitCode, periodCode, report.id(), reason.strip(), actor, instance));
        return instance;
    }
}
