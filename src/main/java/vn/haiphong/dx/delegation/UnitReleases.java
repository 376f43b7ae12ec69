package vn.haiphong.dx.delegation;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.unit.UnitGroups;
import vn.haiphong.dx.urging.Urgings;

/**
 * A unit that can no longer do its part (merged, dissolved, listed by mistake): the plan's focal unit releases it with a
 * reason, which withdraws its open work (its {@code UnitPlanProcess} ends through its event subprocess, taking its open
 * reports along) and takes it out of the plan's counts; or hands its part to another unit of the plan, whose people
 * then find the unit's open and future tasks in their queue. Either way the history stays.
 */
@Service
public class UnitReleases {

    /** Published when a unit was released or its work handed over. */
    public record UnitReleased(String planCode, String unitCode, String handedTo, String reason, String actor) {}

    /** The processes whose instances hold a unit's work in a plan (business key: the plan; variable unitCode). */
    private static final String[] UNIT_WORK = {UnitPlanProcess.ID, "PeriodicReportProcess"};

    private final Plans catalog;
    private final PlanRepository plans;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Urgings urgings;
    private final ApplicationEventPublisher events;
    private final AuthorizationService authorizations;

    UnitReleases(Plans catalog, PlanRepository plans, RuntimeService runtime, TaskService tasks, IdentityService identity,
                 Urgings urgings, ApplicationEventPublisher events, AuthorizationService authorizations) {
        this.authorizations = authorizations;
        this.catalog = catalog;
        this.plans = plans;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.urgings = urgings;
        this.events = events;
    }

    /**
     * Releases the unit from the plan, or (with {@code handOverTo}) hands its part to another unit of the plan. Only the
     * plan's focal unit and administrators may. Refused for the focal unit itself, a unit already released, a unit
     * whose part has ended, and without a reason.
     */
    @Transactional
    public void release(String planCode, String unitCode, String reason, String handOverTo, String actor, List<String> actorGroups,
                        boolean admin) {
        PlanDefinition plan = catalog.get(planCode);
        if (!admin) {
            UnitGroups.requireMember(actor, actorGroups, UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit()),
                    plan.focal().name(), "giải phóng đơn vị khỏi kế hoạch");
        }
        PlanDefinition.Unit unit = plan.unit(unitCode)
                .orElseThrow(() -> new InputRejectedException("Kế hoạch không có đơn vị «" + unitCode + "»"));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 2000) {
            throw new InputRejectedException("«Lý do» là bắt buộc, tối đa 2000 ký tự (ví dụ: đơn vị đã sáp nhập vào …)");
        }
        if (unitCode.equals(plan.focalUnit())) {
            throw new InputRejectedException("Không thể giải phóng đơn vị đầu mối khỏi kế hoạch do chính đơn vị này điều phối");
        }
        if (plans.releases(planCode).containsKey(unitCode)) {
            throw new InputRejectedException(unit.name() + " đã được giải phóng khỏi kế hoạch hoặc đã bàn giao công việc trước đó");
        }
        // The Office may not read the units' instances itself: the engine looks (the caller's right is checked above).
        ProcessInstance part = ProcessContext.asEngine(identity, () -> runtime.createProcessInstanceQuery()
                .processDefinitionKey(UnitPlanProcess.ID).processInstanceBusinessKey(planCode)
                .variableValueEquals(UnitPlanProcess.Vars.UNIT_CODE, unitCode).active().singleResult());
        if (part == null) {
            throw new InputRejectedException("Phần việc của " + unit.name() + " trong kế hoạch đã kết thúc hoặc chưa bắt đầu");
        }
        if (handOverTo == null || handOverTo.isBlank()) {
            ProcessContext.asEngine(identity, () -> runtime.createMessageCorrelation(UnitPlanProcess.UNIT_RELEASED)
                    .processInstanceId(part.getId())
                    .setVariable(UnitPlanProcess.Vars.RELEASE_REASON, why)
                    .setVariable(UnitPlanProcess.Vars.RELEASED_BY, actor)
                    .correlateWithResult());
            // Corrections of returned reports run on their own (the unit's process took its other reports along).
            ProcessContext.asEngine(identity, () -> {
                runtime.createProcessInstanceQuery().processDefinitionKey("PeriodicReportProcess").processInstanceBusinessKey(planCode)
                        .variableValueEquals(UnitPlanProcess.Vars.UNIT_CODE, unitCode).list()
                        .forEach(p -> runtime.deleteProcessInstance(p.getId(), "Đơn vị được giải phóng khỏi kế hoạch: " + why));
                return null;
            });
            events.publishEvent(new UnitReleased(planCode, unitCode, null, why, actor));
            return;
        }
        PlanDefinition.Unit successor = plan.unit(handOverTo)
                .orElseThrow(() -> new InputRejectedException("Kế hoạch không có đơn vị nhận bàn giao «" + handOverTo + "»"));
        if (handOverTo.equals(unitCode) || plans.releases(planCode).containsKey(handOverTo)) {
            throw new InputRejectedException("Đơn vị nhận bàn giao phải là một đơn vị khác, đang thực hiện kế hoạch");
        }
        plans.release(planCode, unitCode, why, handOverTo, actor);
        handOver(plan, unit, successor, why);
        events.publishEvent(new UnitReleased(planCode, unitCode, handOverTo, why, actor));
    }

    /** The release itself, recorded by the unit's process when its event subprocess starts. */
    void record(String planCode, String unitCode, String reason, String actor) {
        if (!plans.release(planCode, unitCode, reason, null, actor)) {
            throw new InputRejectedException("Đơn vị đã được giải phóng khỏi kế hoạch trước đó");
        }
    }

    /**
     * Once every unit still in the plan has acknowledged it (the last acknowledgement, or the release of the last unit
     * that had not), the plan's follow-up of acknowledgements ends: its process is told, as the engine.
     */
    void announceIfAllAcknowledged(String planCode) {
        if (plans.find(planCode).map(PlanRepository.PlanRow::allAcknowledged).orElse(false)) {
            ProcessContext.asEngine(identity, () -> runtime.createMessageCorrelation(PlanIssuanceProcess.allUnitsAcknowledged(planCode))
                    .correlateAllWithResult());
        }
    }

    /** The unit's open tasks move to the successor's queue, each with a note; its future tasks go there by themselves. */
    private void handOver(PlanDefinition plan, PlanDefinition.Unit unit, PlanDefinition.Unit successor, String reason) {
        String from = UnitGroups.unitGroupId(plan.agency().code(), unit.code());
        String to = UnitGroups.unitGroupId(plan.agency().code(), plans.responsibleUnit(plan.code(), successor.code()));
        String note = "Công việc của " + unit.name() + " được bàn giao cho " + successor.name() + ": " + reason;
        ProcessContext.asEngine(identity, () -> {
            List<Task> open = tasks.createTaskQuery().processDefinitionKeyIn(UNIT_WORK).processInstanceBusinessKey(plan.code())
                    .processVariableValueEquals(UnitPlanProcess.Vars.UNIT_CODE, unit.code()).list();
            for (Task task : open) {
                for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                    if (IdentityLinkType.CANDIDATE.equals(link.getType()) && from.equals(link.getGroupId())) {
                        tasks.deleteCandidateGroup(task.getId(), from);
                        tasks.addCandidateGroup(task.getId(), to);
                        // The engine keeps the grant it gave the old group on the task: the task is no longer theirs.
                        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                                .groupIdIn(from).list().forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
                    }
                }
                if (task.getAssignee() != null) {
                    tasks.setAssignee(task.getId(), null);
                }
                urgings.noteOnTask(task.getId(), task.getProcessInstanceId(), note, null);
            }
            return null;
        });
    }
}
