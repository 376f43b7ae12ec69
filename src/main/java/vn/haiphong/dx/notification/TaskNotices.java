package vn.haiphong.dx.notification;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.Application;
import vn.haiphong.dx.notification.NotificationRepository.Event;
import vn.haiphong.dx.notification.NotificationRepository.Kind;
import vn.haiphong.dx.notification.NotificationRepository.Notice;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.tasklist.PlanLabels;

/**
 * Turns a recorded task event into the messages of the people it concerns, read after the event's transaction
 * committed (so the task is as its listeners left it: short name, assignee, due date). Whom a task reaches: its
 * assignee, or else every member of its candidate groups (and its candidate users). Runs on the dispatcher's thread,
 * with no person's authorizations.
 */
@Component
class TaskNotices {

    /** A person as a message addresses them. */
    record Person(String id, String name, String email) {}

    static final ZoneId ZONE = ZoneId.of(Application.TIME_ZONE);
    private static final String PLAN_CODE = "planCode";

    private final TaskService tasks;
    private final IdentityService identity;
    private final PlanLabels plans;
    private final NotificationSettings settings;
    private final NotificationRepository repository;

    TaskNotices(TaskService tasks, IdentityService identity, PlanLabels plans, NotificationSettings settings,
                NotificationRepository repository) {
        this.repository = repository;
        this.tasks = tasks;
        this.identity = identity;
        this.plans = plans;
        this.settings = settings;
    }

    List<Notice> of(Event event) {
        Task task = tasks.createTaskQuery().taskId(event.taskId()).singleResult();
        if (task == null) {
            // Completed or withdrawn before anyone could be told: no news to give.
            return List.of();
        }
        return switch (event.kind()) {
            case CREATED -> {
                TaskKinds.Heading heading = TaskKinds.of(task.getTaskDefinitionKey(), name -> tasks.getVariable(task.getId(), name));
                yield immediate(task, recipients(task), "task:" + task.getId(), Kind.TASK, heading.lead(), heading.lead() + ".",
                        heading.lines());
            }
            case ASSIGNED -> task.getAssignee() == null || task.getAssignee().equals(event.actor()) ? List.of()
                    : immediate(task, people(List.of(task.getAssignee())), "assigned:" + task.getId(), Kind.ASSIGNED,
                            "Công việc được giao cho anh/chị", "Công việc sau đã được giao cho anh/chị xử lý.", List.of());
            case NOTED, URGED -> notes(task, event);
        };
    }

    /**
     * The notes the engine left on the task by itself (comments without an author): reminders wait for the daily
     * digest, an urging goes at once. Each note is told once, however often the task changes afterwards.
     */
    private List<Notice> notes(Task task, Event event) {
        boolean urging = event.kind() == NotificationRepository.EventKind.URGED;
        List<String> urgings = urging ? List.of(event.detail() == null ? "" : event.detail()) : repository.urgings(task.getId());
        List<Notice> notices = new ArrayList<>();
        List<Person> recipients = recipients(task);
        // Which note is the urging's, whatever order events are read in: the one quoting the Office's message.
        List<Comment> notes = tasks.getTaskComments(task.getId()).stream()
                .filter(c -> c.getUserId() == null && c.getFullMessage() != null)
                .filter(c -> urging == urgings.stream().anyMatch(c.getFullMessage()::contains))
                .sorted(java.util.Comparator.comparing(Comment::getTime)).toList();
        for (Comment comment : notes) {
            String key = "comment:" + comment.getId();
            if (urging) {
                notices.addAll(immediate(task, recipients, key, Kind.URGING, "Đôn đốc",
                        "Công việc sau của anh/chị đang được đôn đốc.", List.of("Nội dung đôn đốc: " + comment.getFullMessage())));
            } else {
                for (Person person : recipients) {
                    notices.add(new Notice(key, person.id(), person.email(), Kind.REMINDER, task.getId(),
                            "Nhắc việc: " + task.getName(), comment.getFullMessage() + "\n" + details(task, List.of()), true));
                }
            }
        }
        return notices;
    }

    private List<Notice> immediate(Task task, List<Person> recipients, String key, Kind kind, String subjectLead, String lead,
                                   List<String> lines) {
        String subject = subjectLead + ": " + task.getName();
        List<Notice> notices = new ArrayList<>();
        for (Person person : recipients) {
            StringBuilder body = new StringBuilder()
                    .append(greeting(person)).append("\n\n")
                    .append(lead).append("\n\n")
                    .append(details(task, lines))
                    .append('\n').append(footer());
            notices.add(new Notice(key, person.id(), person.email(), kind, task.getId(), subject, body.toString(), false));
        }
        return notices;
    }

    /** The task as a mail describes it: name, plan, due date, what the process says about it, the link that opens it. */
    private String details(Task task, List<String> lines) {
        Object planCode = tasks.getVariable(task.getId(), PLAN_CODE);
        Optional<PlanLabels.Label> plan = planCode == null ? Optional.empty() : plans.find(planCode.toString());
        StringBuilder text = new StringBuilder("Công việc: ").append(task.getName()).append('\n');
        plan.ifPresent(p -> text.append("Kế hoạch: ").append(p.fullTitle()).append('\n'));
        text.append("Hạn xử lý: ").append(due(task.getDueDate())).append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        text.append("Mở công việc trong Tasklist: ").append(settings.taskLink(task.getId())).append('\n');
        return text.toString();
    }

    static String greeting(Person person) {
        return "Kính gửi " + person.name() + ",";
    }

    String footer() {
        return "--\nThư gửi tự động từ hệ thống Kế hoạch chuyển đổi số, vui lòng không trả lời thư này.\n"
                + "Bật hoặc tắt thư thông báo: " + settings.preferencesLink() + "\n";
    }

    /** "hết ngày 05/11/2025" for a due date at the end of a day (as plans set them), else the moment. */
    static String due(Date due) {
        if (due == null) {
            return "không quy định";
        }
        ZonedDateTime at = due.toInstant().atZone(ZONE);
        if (at.getHour() == 23 && at.getMinute() == 59) {
            return "hết ngày " + Texts.DATE.format(at);
        }
        return at.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy"));
    }

    /** The task's assignee, or else the members of its candidate groups and its candidate users. */
    List<Person> recipients(Task task) {
        if (task.getAssignee() != null) {
            return people(List.of(task.getAssignee()));
        }
        List<String> ids = new ArrayList<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getGroupId() != null) {
                identity.createUserQuery().memberOfGroup(link.getGroupId()).list().forEach(u -> ids.add(u.getId()));
            } else if (link.getUserId() != null) {
                ids.add(link.getUserId());
            }
        }
        return people(ids);
    }

    List<Person> people(List<String> ids) {
        Map<String, Person> people = new LinkedHashMap<>();
        for (String id : ids) {
            if (!people.containsKey(id)) {
                User user = identity.createUserQuery().userId(id).singleResult();
                if (user != null) {
                    people.put(id, new Person(id, name(user), user.getEmail()));
                }
            }
        }
        return List.copyOf(people.values());
    }

    static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
