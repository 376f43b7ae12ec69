package vn.haiphong.dx.tasklist;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Leadership decides without claiming first: a task for a leadership group with exactly one member (the signer,
 * as in both seed plans) is assigned to that person when it is created, so Tasklist opens its form ready to decide.
 * With several members nobody is chosen for them: the one who takes the decision claims it, so that two deputies
 * never decide the same draft at once. Units and the Office keep claiming, as colleagues share their queues.
 */
@Component
class LeadershipAssignment {

    private static final String LEADERSHIP_SUFFIX = "-" + UnitGroups.LEADERSHIP.toLowerCase(Locale.ROOT);

    private final IdentityService identity;

    LeadershipAssignment(IdentityService identity) {
        this.identity = identity;
    }

    @Order(10)
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onCreate(DelegateTask task) {
        if (task.getAssignee() != null) {
            return;
        }
        List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
        if (groups.size() != 1 || !isLeadership(groups.get(0))) {
            return;
        }
        // The person who completed the previous step may not read the leadership's members; the engine may.
        List<User> members = ProcessContext.asEngine(identity,
                () -> identity.createUserQuery().memberOfGroup(groups.get(0)).listPage(0, 2));
        if (members.size() == 1) {
            task.setAssignee(members.get(0).getId());
        }
    }

    static boolean isLeadership(String groupId) {
        return groupId.endsWith(LEADERSHIP_SUFFIX);
    }
}
