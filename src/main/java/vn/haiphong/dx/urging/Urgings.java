package vn.haiphong.dx.urging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.form.FormValues;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.shared.ProcessContext;
import vn.haiphong.dx.shared.Texts;

/**
 * Urging that scales: when work falls due, one task of the plan's focal unit lists every unit whose work is late
 * (never the focal unit itself), and the Office urges all or chosen units at once, with one message and, if it
 * wishes, one new due date. Each urged unit sees the message on its open task (its notes field and a comment), its
 * task's due date moves with the extension, and {@link UnitsUrged} tells whoever notifies people. The plan's
 * periodic reports ({@code PlanIssuanceProcess}, per period) and its acknowledgements use it alike; every urging is
 * kept in {@code dx_urging} under its subject (the period's code, or {@link #ACKNOWLEDGEMENT}).
 */
@Component
public class Urgings {

    /** The variables of an urging round, as the plan's process declares them. */
    private interface Vars {
        String LATE_UNITS_INFO = PlanIssuanceProcess.UrgingVars.LATE_UNITS_INFO;
        String LATE_UNIT_OPTIONS = PlanIssuanceProcess.UrgingVars.LATE_UNIT_OPTIONS;
        String ANY_LATE_UNIT = PlanIssuanceProcess.UrgingVars.ANY_LATE_UNIT;
        String URGING_DECISION = PlanIssuanceProcess.UrgingVars.URGING_DECISION;
        String URGE_UNITS = PlanIssuanceProcess.UrgingVars.URGE_UNITS;
        String URGING_MESSAGE = PlanIssuanceProcess.UrgingVars.URGING_MESSAGE;
        String EXTEND_DUE_TO = PlanIssuanceProcess.UrgingVars.EXTEND_DUE_TO;
    }

    /** The Office's choices in {@code urgeLateUnits}. */
    public static final String URGE = "URGE";
    public static final String STOP = "STOP";
    /** The subject under which urgings to acknowledge a plan are kept. */
    public static final String ACKNOWLEDGEMENT = "ACK";
    /** Working days between two checks while the Office keeps urging. */
    public static final int CHECK_AGAIN_AFTER_WORKING_DAYS = 2;

    /** A unit whose work is late: its open task, its due day and how often it was urged already. */
    public record Late(String unitCode, String unitName, String taskId, String processInstanceId, LocalDate dueOn, int urgedBefore) {}

    /** What the Office decided: urge the chosen units with the message (and extend their due date), or stop. */
    public record Decision(boolean urge, List<String> unitCodes, String message, LocalDate extendTo) {}

    /** Published after units were urged (in the transaction that urged them). */
    public record UnitsUrged(String planCode, String subject, List<Late> units, String message, LocalDate extendedTo, String actor) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Urgings(TaskService tasks, RuntimeService runtime, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * The open tasks of one kind in a plan, by the unit whose instance holds them (its {@code unitCode} variable):
     * instances of {@code processKey} with the plan's code as business key, optionally only those whose instance
     * variable has a value (the period).
     */
    public Map<String, Task> openTasks(String processKey, String planCode, String taskKey, String variable, Object value) {
        TaskQuery query = tasks.createTaskQuery().processDefinitionKey(processKey).processInstanceBusinessKey(planCode)
                .taskDefinitionKey(taskKey);
        if (variable != null) {
            query.processVariableValueEquals(variable, value);
        }
        List<Task> open = query.list();
        Map<String, Task> byUnit = new LinkedHashMap<>();
        if (open.isEmpty()) {
            return byUnit;
        }
        Map<String, String> unitOfInstance = new LinkedHashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery()
                .processInstanceIdIn(open.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .variableName("unitCode").list()) {
            if (v.getExecutionId().equals(v.getProcessInstanceId())) {
                unitOfInstance.put(v.getProcessInstanceId(), String.valueOf(v.getValue()));
            }
        }
        open.forEach(task -> {
            String unit = unitOfInstance.get(task.getProcessInstanceId());
            if (unit != null) {
                byUnit.put(unit, task);
            }
        });
        return byUnit;
    }

    /** Which open tasks are late work: where they are, what they are about, and who is not urged. */
    public record LateWork(String processKey, String planCode, String taskKey, String variable, Object value, String subject,
                           String dueOnVariable, String focalUnit, java.util.function.Function<String, String> unitNames) {}

    /**
     * The units whose open task of that kind is past its due moment, in Vietnamese order of their names; the focal unit
     * is left out (it urges the others, never itself).
     */
    public List<Late> late(LateWork work) {
        List<Late> late = new ArrayList<>();
        Date now = ClockUtil.getCurrentTime();
        openTasks(work.processKey(), work.planCode(), work.taskKey(), work.variable(), work.value()).forEach((unit, task) -> {
            if (unit.equals(work.focalUnit()) || task.getDueDate() == null || !task.getDueDate().before(now)) {
                return;
            }
            Object dueOn = runtime.getVariable(task.getProcessInstanceId(), work.dueOnVariable());
            late.add(new Late(unit, work.unitNames().apply(unit), task.getId(), task.getProcessInstanceId(),
                    dueOn == null ? null : LocalDate.parse(dueOn.toString()), count(work.planCode(), unit, work.subject())));
        });
        late.sort(java.util.Comparator.comparing(Late::unitName, Texts.VIETNAMESE));
        return late;
    }

    /**
     * Puts the late units into the Office's task: the list it reads, the options it chooses from, whether there are any.
     * The round's variables are declared local to its subprocess (input parameters), so they stay there.
     */
    public void offer(DelegateExecution execution, List<Late> late) {
        StringBuilder info = new StringBuilder();
        List<Map<String, String>> options = new ArrayList<>();
        for (Late unit : late) {
            info.append("- ").append(unit.unitName()).append(": hạn ")
                    .append(unit.dueOn() == null ? "—" : Texts.DATE.format(unit.dueOn()))
                    .append(unit.urgedBefore() == 0 ? ", chưa được đôn đốc" : ", đã đôn đốc " + unit.urgedBefore() + " lần")
                    .append('\n');
            options.add(Map.of("label", unit.unitName(), "value", unit.unitCode()));
        }
        execution.setVariable(Vars.LATE_UNITS_INFO, late.isEmpty() ? "Không còn đơn vị nào quá hạn."
                : Texts.fitVariable(late.size() + " đơn vị quá hạn:\n" + info.toString().strip()));
        try {
            execution.setVariable(Vars.LATE_UNIT_OPTIONS, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execution.setVariable(Vars.ANY_LATE_UNIT, !late.isEmpty());
        // A new round: the previous round's answers do not carry over into the next task. Every late unit is ticked to
        // begin with (the Office usually urges them all); the list is a JSON value, so that Tasklist sends the chosen
        // units back as one (it keeps the type a variable already has).
        for (String answer : List.of(Vars.URGING_DECISION, Vars.URGING_MESSAGE, Vars.EXTEND_DUE_TO)) {
            execution.setVariable(answer, null);
        }
        try {
            execution.setVariable(Vars.URGE_UNITS, SpinValues.jsonValue(JSON.writeValueAsString(
                    late.stream().map(Late::unitCode).toList())).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How a round's extension is checked and turned into the new due moment (null without an extension). */
    @FunctionalInterface
    public interface Extension {
        Date dueAt(LocalDate extendTo, List<LocalDate> currentDueDays);
    }

    /**
     * One kind of urging round, as its owner sees it: the plan and subject, the units late now, how an extension is
     * checked, the note the units read, where their process keeps its notes and due date, when to look again.
     */
    public record Round(String planCode, String subject, java.util.function.Supplier<List<Late>> late, Extension extension,
                        java.util.function.BiFunction<String, LocalDate, String> note, String notesVariable,
                        DueVariables dueVariables, java.util.function.Supplier<Date> nextCheckAt) {}

    /**
     * The Office's answer in its task: urges the chosen units that are still late (refused when none is) and sets when
     * to look again, or stops urging.
     */
    public void record(DelegateExecution execution, Round round) {
        Decision decision = decision(execution);
        execution.setVariable(PlanIssuanceProcess.UrgingVars.KEEP_URGING, decision.urge());
        if (!decision.urge()) {
            return;
        }
        List<Late> chosen = round.late().get().stream().filter(u -> decision.unitCodes().contains(u.unitCode())).toList();
        if (chosen.isEmpty()) {
            throw new InputRejectedException("Các đơn vị đã chọn đều đã thực hiện hoặc không còn quá hạn; hãy chọn lại hoặc kết thúc đôn đốc");
        }
        Date newDue = round.extension().dueAt(decision.extendTo(), chosen.stream().map(Late::dueOn).toList());
        urge(execution, round.planCode(), round.subject(), chosen, decision, round.note().apply(decision.message(), decision.extendTo()),
                newDue, round.notesVariable(), round.dueVariables());
        execution.setVariable(PlanIssuanceProcess.UrgingVars.NEXT_CHECK_AT, round.nextCheckAt().get());
    }

    /** Reads and checks the Office's answer; refuses an urging without units or message. */
    Decision decision(DelegateExecution execution) {
        Object decided = execution.getVariable(Vars.URGING_DECISION);
        if (STOP.equals(decided)) {
            return new Decision(false, List.of(), null, null);
        }
        if (!URGE.equals(decided)) {
            throw new InputRejectedException("«Việc cần làm» là bắt buộc: đôn đốc các đơn vị đã chọn hoặc kết thúc đôn đốc");
        }
        List<String> problems = new ArrayList<>();
        Object chosen = FormValues.plain(execution.getVariableTyped(Vars.URGE_UNITS));
        List<String> units = chosen instanceof Collection<?> c ? c.stream().map(String::valueOf).distinct().toList() : List.of();
        if (units.isEmpty()) {
            problems.add("Chọn ít nhất một đơn vị cần đôn đốc");
        }
        String message = ProcessContext.text(execution, Vars.URGING_MESSAGE);
        if (message == null) {
            problems.add("«Nội dung đôn đốc» là bắt buộc khi đôn đốc");
        }
        if (!problems.isEmpty()) {
            throw new InputRejectedException(problems);
        }
        Object extend = execution.getVariable(Vars.EXTEND_DUE_TO);
        LocalDate extendTo = extend == null || extend.toString().isBlank() ? null : ProcessContext.date(extend, "Gia hạn chung đến ngày");
        return new Decision(true, units, message, extendTo);
    }

    /**
     * Urges the chosen units among those still late (a unit that reported meanwhile is left alone): records each
     * urging, shows the note on its task and, with an extension, moves the task's due date and the instance's due
     * variables. Runs as the engine: the Office may not touch the units' tasks itself. Returns the units urged.
     *
     * @param notesVariable the instance variable the unit's form shows the Office's notes in, or null
     * @param dueVariables  sets the instance's due variables for a new due moment and day (null: none)
     */
    List<Late> urge(DelegateExecution execution, String planCode, String subject, List<Late> late, Decision decision,
                           String note, Date newDue, String notesVariable, DueVariables dueVariables) {
        String actor = ProcessContext.currentUser(execution);
        List<Late> urged = late.stream().filter(u -> decision.unitCodes().contains(u.unitCode())).toList();
        ProcessContext.asEngine(execution, () -> urged.forEach(unit -> {
            record(planCode, unit.unitCode(), subject, decision.message(), decision.extendTo(), actor);
            noteOnTask(unit.taskId(), unit.processInstanceId(), note, notesVariable);
            if (newDue != null) {
                Task task = tasks.createTaskQuery().taskId(unit.taskId()).singleResult();
                if (task != null) {
                    task.setDueDate(newDue);
                    tasks.saveTask(task);
                }
                if (dueVariables != null) {
                    dueVariables.set(runtime, unit.processInstanceId(), newDue, decision.extendTo());
                }
            }
        }));
        if (!urged.isEmpty()) {
            events.publishEvent(new UnitsUrged(planCode, subject, urged, decision.message(), decision.extendTo(), actor));
        }
        return urged;
    }

    /** Refuses an extension that does not move every chosen unit's due day later. */
    public static void requireAfterCurrentDue(LocalDate extendTo, List<LocalDate> currentDueDays) {
        currentDueDays.stream().filter(java.util.Objects::nonNull).max(LocalDate::compareTo)
                .filter(latest -> !extendTo.isAfter(latest))
                .ifPresent(latest -> {
                    throw new InputRejectedException("«Gia hạn chung đến ngày» phải sau hạn hiện tại của các đơn vị được chọn (muộn nhất "
                            + Texts.DATE.format(latest) + ")");
                });
    }

    /** Where an urged unit's process keeps its due date, for an extension. */
    @FunctionalInterface
    public interface DueVariables {
        void set(RuntimeService runtime, String processInstanceId, Date dueAt, LocalDate dueOn);
    }

    /**
     * Shows a note to a unit on its open task: appended to the notes its form shows (when it has such a field) and
     * as a task comment, which Tasklist lists under the task.
     */
    public void noteOnTask(String taskId, String processInstanceId, String note, String notesVariable) {
        if (notesVariable != null) {
            Object previous = runtime.getVariable(processInstanceId, notesVariable);
            String all = previous == null || previous.toString().isBlank() ? note : previous + "\n" + note;
            runtime.setVariable(processInstanceId, notesVariable, Texts.fitVariableKeepingEnd(all));
        }
        tasks.createComment(taskId, processInstanceId, note);
    }

    /** Keeps an urging: who urged which unit about what, and the extension if any. */
    public void record(String planCode, String unitCode, String subject, String message, LocalDate extendedTo, String actor) {
        jdbc.sql("""
                insert into dx_urging (plan_code, unit_code, period_code, message, extended_to, urged_by, urged_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(planCode, unitCode, subject, message, extendedTo, actor, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
    }

    /** How often a unit was urged about a subject. */
    public int count(String planCode, String unitCode, String subject) {
        return jdbc.sql("select count(*) from dx_urging where plan_code = ? and unit_code = ? and period_code = ?")
                .params(planCode, unitCode, subject).query(Integer.class).single();
    }
}
