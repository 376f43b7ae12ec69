package vn.haiphong.dx.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.haiphong.dx.escalation.DifficultyProcess.Decisions;
import vn.haiphong.dx.escalation.DifficultyProcess.Status;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.calendar.PlanCalendar;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.shared.Texts;
import vn.haiphong.dx.unit.UnitGroups;

/** The life of a difficulty: who holds it, until when, what was answered, and its history. */
@Service
public class DifficultyService {

    private static final Map<String, String> URGENCY = Map.of("NORMAL", "Bình thường", "URGENT", "Khẩn");

    /** What a unit reported, from Tasklist or from a periodic report. */
    public record Report(String planCode, String unitCode, String periodCode, String source, String taskConcerned,
                         String description, String impact, String proposal, String urgency) {}

    /** Queues and the first stage of a registered difficulty. */
    record Registered(long id, String planCode, String unitCode, String unitGroupId, String officeGroupId,
                      String leadershipGroupId, String taskContext, Date stageDueAt) {}

    private final DifficultyRepository difficulties;
    private final Plans catalog;
    private final PlanRepository plans;
    private final PlanCalendar calendar;

    private final vn.haiphong.dx.calendar.WorkingDays workingDays;

    DifficultyService(DifficultyRepository difficulties, Plans catalog, PlanRepository plans, PlanCalendar calendar,
                      vn.haiphong.dx.calendar.WorkingDays workingDays) {
        this.workingDays = workingDays;
        this.difficulties = difficulties;
        this.catalog = catalog;
        this.plans = plans;
        this.calendar = calendar;
    }

    /** Difficulties not yet confirmed solved, by their stage (status); stages without any are left out. */
    public Map<Status, Long> openByStage() {
        return difficulties.openByStatus();
    }

    /**
     * Registers a difficulty and hands it to the Office. From Tasklist the unit is the reporter's own unit
     * in an issued plan of its agency (the plan code is asked for only when the unit takes part in several).
     */
    Registered register(Report report, String processInstanceId, String actor, List<String> actorGroups) {
        if (report.description() == null) {
            throw new InputRejectedException("«Nội dung khó khăn, vướng mắc» là bắt buộc");
        }
        String planCode = report.planCode();
        String unitCode = report.unitCode();
        if (unitCode == null) {
            List<PlanDefinition> candidates = catalog.all().stream()
                    .filter(p -> report.planCode() == null || p.code().equals(report.planCode()))
                    .filter(p -> plans.find(p.code()).map(r -> r.status() == PlanRepository.Status.ISSUED).orElse(false))
                    .filter(p -> p.units().stream().anyMatch(u -> actorGroups.contains(group(p, u.code()))))
                    .toList();
            if (candidates.isEmpty()) {
                throw new InputRejectedException("Người dùng " + actor + " không thuộc đơn vị nào của kế hoạch đang thực hiện"
                        + (report.planCode() == null ? "" : " có mã " + report.planCode()));
            }
            if (candidates.size() > 1) {
                throw new InputRejectedException("Đơn vị đang tham gia nhiều kế hoạch: ghi «Mã kế hoạch» của kế hoạch gặp khó khăn");
            }
            PlanDefinition plan = candidates.get(0);
            planCode = plan.code();
            unitCode = plan.units().stream().filter(u -> actorGroups.contains(group(plan, u.code()))).findFirst().orElseThrow().code();
        }
        PlanDefinition plan = catalog.get(planCode);
        String urgency = report.urgency() == null ? "NORMAL" : report.urgency();
        long id = difficulties.insert(planCode, unitCode, report.periodCode(), report.source(), report.taskConcerned(),
                report.description(), report.impact(), report.proposal(), urgency, actor, processInstanceId);
        difficulties.move(id, Status.REPORTED, actor, null, null);
        Date due = dueAfterWorkingDays(plan, plan.escalation().officeAnswerWorkingDays());
        difficulties.move(id, Status.AT_OFFICE, null, null, at(due));
        String unitName = plan.unit(unitCode).orElseThrow().name();
        return new Registered(id, planCode, unitCode, group(plan, unitCode), group(plan, plan.focalUnit()),
                UnitGroups.leadershipGroupId(plan.agency().code()), unitName + ": " + shorten(report.description()), due);
    }

    /** The Office answers, asks the unit for more, or advises leadership. Returns the next stage's due time. */
    Date officeDecision(long id, String decision, String answer, String informationRequest, String advice, String actor) {
        PlanDefinition plan = plan(id);
        switch (decision == null ? "" : decision) {
            case Decisions.ANSWER -> {
                require(answer, "«Trả lời của đơn vị đầu mối»", "khi trả lời đơn vị");
                difficulties.answer(id, answer);
                return answered(id, plan, actor, answer);
            }
            case Decisions.REQUEST_INFO -> {
                require(informationRequest, "«Nội dung cần đơn vị bổ sung»", "khi yêu cầu bổ sung thông tin");
                Date due = dueAfterWorkingDays(plan, plan.escalation().unitInformationWorkingDays());
                difficulties.move(id, Status.INFO_REQUESTED, actor, informationRequest, at(due));
                return due;
            }
            case Decisions.TO_LEADERSHIP -> {
                require(advice, "«Ý kiến tham mưu của đơn vị đầu mối»", "khi trình lãnh đạo");
                Date due = dueAfterWorkingDays(plan, plan.escalation().leadershipDecisionWorkingDays());
                difficulties.move(id, Status.AT_LEADERSHIP, actor, advice, at(due));
                return due;
            }
            default -> throw new InputRejectedException("«Hướng xử lý» là bắt buộc");
        }
    }

    Date information(long id, String information, String actor, List<String> actorGroups) {
        DifficultyRepository.Row row = row(id);
        PlanDefinition plan = catalog.get(row.planCode());
        checkUnit(plan, row.unitCode(), actor, actorGroups);
        Date due = dueAfterWorkingDays(plan, plan.escalation().officeAnswerWorkingDays());
        difficulties.move(id, Status.AT_OFFICE, actor, "Thông tin bổ sung: " + information, at(due));
        return due;
    }

    /** Leadership answers, or decides to report to the City People's Committee. */
    Date leadershipDecision(long id, String decision, String answer, String actor) {
        PlanDefinition plan = plan(id);
        if (Decisions.ANSWER.equals(decision)) {
            require(answer, "«Ý kiến chỉ đạo của lãnh đạo»", "khi lãnh đạo trả lời đơn vị");
            difficulties.answer(id, answer);
            return answered(id, plan, actor, answer);
        }
        if (!Decisions.TO_CITY.equals(decision)) {
            throw new InputRejectedException("«Quyết định của lãnh đạo» là bắt buộc");
        }
        difficulties.move(id, Status.AT_CITY, actor, answer, null);
        return null;
    }

    /** The Office records what was sent to the city; returns when to chase a direction that has not come. */
    Date cityReport(long id, String number, LocalDate date, String actor) {
        PlanDefinition plan = plan(id);
        difficulties.cityReport(id, number, date);
        LocalDate today = today(plan);
        Date followUp = calendar.startOf(plan, today.plusDays(plan.escalation().cityDirectionFollowUpDays()));
        difficulties.move(id, Status.AT_CITY, actor, "Đã báo cáo UBND thành phố: văn bản số " + number + " ngày " + Texts.DATE.format(date),
                at(followUp));
        return followUp;
    }

    void cityFollowUp(long id, String note, String actor) {
        difficulties.move(id, Status.AT_CITY, actor, "Đôn đốc UBND thành phố: " + note, null);
    }

    Date cityDirection(long id, String direction, String actor) {
        PlanDefinition plan = plan(id);
        difficulties.cityDirection(id, direction);
        String answer = "Chỉ đạo của UBND thành phố: " + direction;
        difficulties.answer(id, answer);
        return answered(id, plan, actor, answer);
    }

    /** The unit says whether the answer solves it; "not solved" reopens it at the Office with the reason. */
    Date confirm(long id, String resolved, String feedback, String actor, List<String> actorGroups) {
        DifficultyRepository.Row row = row(id);
        PlanDefinition plan = catalog.get(row.planCode());
        checkUnit(plan, row.unitCode(), actor, actorGroups);
        if (Decisions.YES.equals(resolved)) {
            difficulties.move(id, Status.CONFIRMED, actor, feedback, null);
            return null;
        }
        if (!Decisions.NO.equals(resolved)) {
            throw new InputRejectedException("«Khó khăn đã được giải quyết chưa?» là bắt buộc");
        }
        require(feedback, "«Lý do chưa được giải quyết»", "khi khó khăn chưa được giải quyết");
        Date due = dueAfterWorkingDays(plan, plan.escalation().officeAnswerWorkingDays());
        difficulties.move(id, Status.REOPENED, actor, feedback, at(due));
        return due;
    }

    /** What the Office, leadership and the unit read on every task of the difficulty. */
    String summary(long id) {
        DifficultyRepository.Row d = row(id);
        PlanDefinition plan = catalog.get(d.planCode());
        StringBuilder s = new StringBuilder();
        s.append("Đơn vị: ").append(plan.unit(d.unitCode()).orElseThrow().name()).append('\n');
        s.append("Kế hoạch: ").append(plan.title()).append('\n');
        if (d.periodCode() != null) {
            s.append("Nêu trong báo cáo định kỳ ").append(ReportingPeriod.find(plan, d.periodCode())
                    .map(ReportingPeriod::label).orElse(d.periodCode())).append('\n');
        }
        if (d.taskConcerned() != null) {
            s.append("Nhiệm vụ liên quan: ").append(d.taskConcerned()).append('\n');
        }
        s.append("Mức độ: ").append(URGENCY.getOrDefault(d.urgency(), d.urgency())).append('\n');
        s.append("Nội dung: ").append(d.description()).append('\n');
        if (d.impact() != null) {
            s.append("Ảnh hưởng: ").append(d.impact()).append('\n');
        }
        if (d.proposal() != null) {
            s.append("Đề xuất: ").append(d.proposal()).append('\n');
        }
        for (DifficultyRepository.Event e : difficulties.events(id)) {
            if (e.note() != null && (e.status() == Status.AT_OFFICE || e.status() == Status.REOPENED)) {
                s.append(e.status() == Status.REOPENED ? "Đơn vị cho biết chưa được giải quyết: " : "").append(e.note()).append('\n');
            }
        }
        return Texts.fitVariable(s.toString().strip());
    }

    /** The Office's answer as the unit reads it, signed with the name of the plan's focal unit. */
    String officeAnswerText(long id, String answer) {
        return plan(id).focal().name() + " trả lời: " + answer;
    }

    /** The difficulties of a plan with their history, newest first: what the Office and leadership monitor. */
    public List<DifficultyView> difficulties(String planCode) {
        PlanDefinition plan = catalog.get(planCode);
        Instant now = calendar.now();
        Map<Long, List<DifficultyRepository.Event>> events = difficulties.eventsByPlan(planCode);
        return difficulties.byPlan(planCode).stream().map(d -> new DifficultyView(d.id(), d.unitCode(),
                plan.unit(d.unitCode()).orElseThrow().name(), d.periodCode(), d.source(), d.description(), d.proposal(),
                d.urgency(), d.status().name(), d.stageDueAt(),
                d.stageDueAt() != null && d.closedAt() == null && now.isAfter(d.stageDueAt().toInstant()),
                d.answer(), d.reportedBy(), d.reportedAt(), d.closedAt(),
                events.getOrDefault(d.id(), List.of()).stream().map(e -> new DifficultyView.Step(e.status().name(), e.actor(),
                        e.actedAt(), e.note())).toList()))
                .toList();
    }

    private Date answered(long id, PlanDefinition plan, String actor, String answer) {
        Date due = dueAfterWorkingDays(plan, plan.escalation().unitConfirmationWorkingDays());
        difficulties.move(id, Status.ANSWERED, actor, answer, at(due));
        return due;
    }

    /** The end of the N-th working day (Monday to Friday) after today, on the plan's calendar. */
    /** The end of the working day that many working days from today (holidays and days off skipped). */
    Date dueAfterWorkingDays(PlanDefinition plan, int workingDays) {
        return calendar.endOf(plan, this.workingDays.plusWorkingDays(today(plan), workingDays));
    }

    private LocalDate today(PlanDefinition plan) {
        return calendar.today(plan);
    }

    private static void checkUnit(PlanDefinition plan, String unitCode, String actor, List<String> actorGroups) {
        UnitGroups.requireMember(actor, actorGroups, UnitGroups.unitGroupId(plan.agency().code(), unitCode),
                plan.unit(unitCode).orElseThrow().name(), "trả lời");
    }

    private static void require(String value, String field, String when) {
        if (value == null) {
            throw new InputRejectedException(field + " là bắt buộc " + when);
        }
    }

    private PlanDefinition plan(long id) {
        return catalog.get(row(id).planCode());
    }

    private DifficultyRepository.Row row(long id) {
        return difficulties.find(id).orElseThrow(() -> new IllegalStateException("No difficulty " + id));
    }

    private static String group(PlanDefinition plan, String unitCode) {
        return UnitGroups.unitGroupId(plan.agency().code(), unitCode);
    }

    private static OffsetDateTime at(Date date) {
        return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC);
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
