package vn.haiphong.dx.escalation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.escalation.DifficultyProcess.Activities;
import vn.haiphong.dx.escalation.DifficultyProcess.Decisions;
import vn.haiphong.dx.escalation.DifficultyProcess.Vars;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.support.PlanFixtures;

/** Every path of a difficulty, in the commune's plan: Công an xã reports, Phòng VH-XH is the Office. */
@SpringBootTest
@ActiveProfiles("test")
class DifficultyProcessTests {

    private static final String UNIT = "kesat.cax";
    private static final String OFFICE = "kesat.vhxh";
    private static final String LEADER = "kesat.lanhdao";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired PlanFixtures fixtures;
    @Autowired DifficultyService difficulties;

    @BeforeEach
    void issuedPlan() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(at(2025, 10, 10, 9));
        fixtures.freshIssued(PlanFixtures.KESAT, "29/KH-UBND");
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void solvedByTheOffice() {
        ProcessInstance difficulty = report();
        Task handle = only(difficulty, Activities.HANDLE);
        Assertions.assertThat(handle.getName()).isEqualTo("Xử lý khó khăn, vướng mắc của đơn vị – Công an xã: "
                + "Thiếu điện thoại thông minh để hướng dẫn người cao tuổi cài đặt VNeID – 29/KH-UBND");
        assertThat(handle).hasCandidateGroup("kesat-vhxh");
        // Friday 10/10/2025 + 3 working days (plan data: officeAnswerWorkingDays) = Wednesday 15/10, end of day.
        Assertions.assertThat(handle.getDueDate()).isEqualTo(at(2025, 10, 15, 23, 59, 59));

        act(OFFICE, handle, Map.of(Vars.OFFICE_DECISION, Decisions.ANSWER, Vars.OFFICE_ANSWER, "Mượn máy của Đoàn Thanh niên xã"));
        Task confirm = only(difficulty, Activities.CONFIRM_RESOLUTION);
        assertThat(confirm).hasCandidateGroup("kesat-cax");
        Assertions.assertThat(tasks.getVariable(confirm.getId(), Vars.ANSWER_TEXT)).isEqualTo("Phòng Văn hóa – Xã hội trả lời: Mượn máy của Đoàn Thanh niên xã");
        act(UNIT, confirm, Map.of(Vars.RESOLVED, Decisions.YES));

        assertThat(difficulty).isEnded().hasPassed(Activities.END_RESOLVED);
        assertHistory(difficulty, "REPORTED", "AT_OFFICE", "ANSWERED", "CONFIRMED");
    }

    @Test
    void theOfficesViewShowsEachDifficultyWithItsOwnHistory() {
        ProcessInstance answered = report();
        act(OFFICE, only(answered, Activities.HANDLE), Map.of(Vars.OFFICE_DECISION, Decisions.ANSWER, Vars.OFFICE_ANSWER, "Mượn máy của Đoàn Thanh niên xã"));
        ProcessInstance waiting = report();
        ProcessInstance atLeadership = report();
        act(OFFICE, only(atLeadership, Activities.HANDLE), Map.of(Vars.OFFICE_DECISION, Decisions.TO_LEADERSHIP,
                Vars.OFFICE_ADVICE, "Vượt thẩm quyền của xã"));

        Assertions.assertThat(difficulties.difficulties(PlanFixtures.KESAT)).hasSize(3);
        assertHistory(answered, "REPORTED", "AT_OFFICE", "ANSWERED");
        assertHistory(waiting, "REPORTED", "AT_OFFICE");
        assertHistory(atLeadership, "REPORTED", "AT_OFFICE", "AT_LEADERSHIP");
    }

    @Test
    void moreInformationRequestedAndGiven() {
        ProcessInstance difficulty = report();
        act(OFFICE, only(difficulty, Activities.HANDLE), Map.of(Vars.OFFICE_DECISION, Decisions.REQUEST_INFO,
                Vars.INFORMATION_REQUEST, "Cần bao nhiêu máy, cho những thôn nào?"));
        Task provide = only(difficulty, Activities.PROVIDE_INFORMATION);
        assertThat(provide).hasCandidateGroup("kesat-cax");
        act(UNIT, provide, Map.of(Vars.ADDITIONAL_INFORMATION, "05 máy cho thôn Đông và thôn Nam"));
        Task handle = only(difficulty, Activities.HANDLE);
        Assertions.assertThat((String) tasks.getVariable(handle.getId(), Vars.SUMMARY)).contains("Thông tin bổ sung: 05 máy cho thôn Đông và thôn Nam");
        act(OFFICE, handle, Map.of(Vars.OFFICE_DECISION, Decisions.ANSWER, Vars.OFFICE_ANSWER, "Trung tâm VH-TT-TT cho mượn 05 máy"));
        act(UNIT, only(difficulty, Activities.CONFIRM_RESOLUTION), Map.of(Vars.RESOLVED, Decisions.YES));
        assertThat(difficulty).isEnded();
        assertHistory(difficulty, "REPORTED", "AT_OFFICE", "INFO_REQUESTED", "AT_OFFICE", "ANSWERED", "CONFIRMED");
    }

    @Test
    void forwardedToLeadershipAndSolved() {
        ProcessInstance difficulty = report();
        act(OFFICE, only(difficulty, Activities.HANDLE), Map.of(Vars.OFFICE_DECISION, Decisions.TO_LEADERSHIP,
                Vars.OFFICE_ADVICE, "Đề nghị trích kinh phí mua 05 máy"));
        Task decide = only(difficulty, Activities.DECIDE);
        assertThat(decide).isAssignedTo("kesat.lanhdao");
        // 5 working days (leadershipDecisionWorkingDays) from Friday 10/10.
        Assertions.assertThat(decide.getDueDate()).isEqualTo(at(2025, 10, 17, 23, 59, 59));
        act(LEADER, decide, Map.of(Vars.LEADERSHIP_DECISION, Decisions.ANSWER, Vars.LEADERSHIP_ANSWER, "Đồng ý, Phòng Kinh tế bố trí kinh phí"));
        Assertions.assertThat(tasks.getVariable(only(difficulty, Activities.CONFIRM_RESOLUTION).getId(), Vars.ANSWER_TEXT))
                .isEqualTo("Lãnh đạo trả lời: Đồng ý, Phòng Kinh tế bố trí kinh phí");
        act(UNIT, only(difficulty, Activities.CONFIRM_RESOLUTION), Map.of(Vars.RESOLVED, Decisions.YES));
        assertThat(difficulty).isEnded();
        assertHistory(difficulty, "REPORTED", "AT_OFFICE", "AT_LEADERSHIP", "ANSWERED", "CONFIRMED");
    }

    @Test
    void forwardedToTheCityDirectionRecordedAnswerConfirmed() {
        ProcessInstance difficulty = toCity();
        act(OFFICE, only(difficulty, Activities.RECORD_CITY_DIRECTION), Map.of(Vars.CITY_DIRECTION,
                "Công văn 812/UBND-VX ngày 20/10/2025: Sở KH&CN hỗ trợ thiết bị"));
        act(UNIT, only(difficulty, Activities.CONFIRM_RESOLUTION), Map.of(Vars.RESOLVED, Decisions.YES));
        assertThat(difficulty).isEnded();
        assertHistory(difficulty, "REPORTED", "AT_OFFICE", "AT_LEADERSHIP", "AT_CITY", "AT_CITY", "ANSWERED", "CONFIRMED");
        Assertions.assertThat(fixtures.count("select count(*) from dx_difficulty where city_report_number = '15/BC-UBND' "
                + "and city_direction like 'Công văn 812%'", new Object[0])).isEqualTo(1);
    }

    @Test
    void followUpReminderWhenTheCityIsSilent() {
        ProcessInstance difficulty = toCity();
        ClockUtil.setCurrentTime(at(2025, 10, 24, 9));
        fixtures.executeJobs();
        Assertions.assertThat(taskQuery().processInstanceId(difficulty.getId()).taskDefinitionKey(Activities.FOLLOW_UP_CITY).count()).isZero();

        // cityDirectionFollowUpDays = 15 after the report was sent on 10/10.
        ClockUtil.setCurrentTime(at(2025, 10, 25, 9));
        fixtures.executeJobs();
        Task followUp = only(difficulty, Activities.FOLLOW_UP_CITY);
        assertThat(followUp).hasCandidateGroup("kesat-vhxh");
        act(OFFICE, followUp, Map.of(Vars.FOLLOW_UP_NOTE, "Đã gọi Văn phòng UBND thành phố"));
        assertThat(difficulty).isWaitingAt(Activities.RECORD_CITY_DIRECTION);
        Assertions.assertThat(difficulties.difficulties(PlanFixtures.KESAT).get(0).history())
                .anySatisfy(step -> Assertions.assertThat(step.note()).isEqualTo("Đôn đốc UBND thành phố: Đã gọi Văn phòng UBND thành phố"));
    }

    @Test
    void answerNotAcceptedReopensAtTheOfficeWithTheReason() {
        ProcessInstance difficulty = report();
        act(OFFICE, only(difficulty, Activities.HANDLE), Map.of(Vars.OFFICE_DECISION, Decisions.ANSWER, Vars.OFFICE_ANSWER, "Tự khắc phục"));
        Task confirm = only(difficulty, Activities.CONFIRM_RESOLUTION);
        assertThatThrownBy(() -> act(UNIT, confirm, Map.of(Vars.RESOLVED, Decisions.NO)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Lý do chưa được giải quyết» là bắt buộc");
        act(UNIT, confirm, Map.of(Vars.RESOLVED, Decisions.NO, Vars.UNIT_FEEDBACK, "Đơn vị không có kinh phí"));

        Task handle = only(difficulty, Activities.HANDLE);
        Assertions.assertThat((String) tasks.getVariable(handle.getId(), Vars.SUMMARY))
                .contains("Đơn vị cho biết chưa được giải quyết: Đơn vị không có kinh phí");
        Assertions.assertThat(difficulties.difficulties(PlanFixtures.KESAT).get(0).status()).isEqualTo("REOPENED");
        assertHistory(difficulty, "REPORTED", "AT_OFFICE", "ANSWERED", "REOPENED");
    }

    @Test
    void aDifficultyRaisedInAPeriodicReportTakesTheSameProcess() {
        ProcessInstance report = runtime.createProcessInstanceByKey(PeriodicReportProcess.ID).businessKey(PlanFixtures.KESAT)
                .setVariable("planCode", PlanFixtures.KESAT).setVariable("unitCode", "CAX").setVariable("periodCode", "2025-10")
                .execute();
        fixtures.executeJobs();
        identity.setAuthentication(UNIT, List.of("kesat-cax"));
        Map<String, Object> values = new java.util.HashMap<>(fixtures.progress(PlanFixtures.KESAT, "CAX"));
        values.putAll(Map.of("reportNarrative", "Đã hướng dẫn 40 người", "residentsVneid", 40, "hasDifficulty", true,
                "difficultyDescription", "Đường truyền Internet tại nhà văn hóa thôn yếu", "difficultyProposal", "Đề nghị hỗ trợ bộ phát Wi-Fi"));
        tasks.complete(taskQuery().processInstanceId(report.getId()).singleResult().getId(), values);
        identity.clearAuthentication();
        assertThat(report).isEnded();

        ProcessInstance difficulty = runtime.createProcessInstanceQuery().processDefinitionKey(DifficultyProcess.ID)
                .processInstanceBusinessKey(PlanFixtures.KESAT).singleResult();
        assertThat(difficulty).isWaitingAt(Activities.HANDLE);
        Assertions.assertThat((String) runtime.getVariable(difficulty.getId(), Vars.SUMMARY))
                .contains("Nêu trong báo cáo định kỳ tháng 10/2025");
        DifficultyView view = difficulties.difficulties(PlanFixtures.KESAT).get(0);
        Assertions.assertThat(view).extracting(DifficultyView::source, DifficultyView::periodCode, DifficultyView::unitCode,
                DifficultyView::proposal, DifficultyView::reportedBy)
                .containsExactly("PERIODIC_REPORT", "2025-10", "CAX", "Đề nghị hỗ trợ bộ phát Wi-Fi", UNIT);
    }

    @Test
    void badInputIsRefusedWithNothingWritten() {
        identity.setAuthentication(UNIT, List.of("kesat-cax"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DifficultyProcess.ID, Map.of(Vars.URGENCY, "NORMAL")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Nội dung khó khăn, vướng mắc» là bắt buộc");
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DifficultyProcess.ID, Map.of(Vars.URGENCY, "RẤT KHẨN",
                Vars.DESCRIPTION, "x")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Mức độ» có giá trị không nằm trong danh sách lựa chọn");
        identity.setAuthentication("nguoi.ngoai", List.of("nhom-khac"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DifficultyProcess.ID, Map.of(Vars.URGENCY, "NORMAL",
                Vars.DESCRIPTION, "Không thuộc đơn vị nào")))
                .as("someone outside the plans may not start it at all").isInstanceOf(AuthorizationException.class);
        identity.setAuthentication("snnmt.tccb", List.of("snnmt-tccb"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(DifficultyProcess.ID, Map.of(Vars.URGENCY, "NORMAL",
                Vars.DESCRIPTION, "Kế hoạch của Sở chưa ban hành")))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("không thuộc đơn vị nào của kế hoạch đang thực hiện");
        identity.clearAuthentication();
        Assertions.assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DifficultyProcess.ID).count()).isZero();
        Assertions.assertThat(fixtures.count("select count(*) from dx_difficulty", new Object[0])).isZero();

        ProcessInstance difficulty = report();
        Task handle = only(difficulty, Activities.HANDLE);
        assertThatThrownBy(() -> act(OFFICE, handle, Map.of(Vars.OFFICE_DECISION, Decisions.ANSWER)))
                .isInstanceOf(InputRejectedException.class).hasMessageContaining("«Trả lời của đơn vị đầu mối» là bắt buộc");
        act(OFFICE, handle, Map.of(Vars.OFFICE_DECISION, Decisions.ANSWER, Vars.OFFICE_ANSWER, "Trả lời"));
        Task confirm = only(difficulty, Activities.CONFIRM_RESOLUTION);
        assertThatThrownBy(() -> act("kesat.dtn", confirm, Map.of(Vars.RESOLVED, Decisions.YES)))
                .as("another unit cannot act on the difficulty").isInstanceOf(AuthorizationException.class);
        identity.setAuthentication("kesat.dtn", List.of("kesat-dtn"));
        Assertions.assertThat(taskQuery().processInstanceId(difficulty.getId()).count()).as("nor see its tasks").isZero();
        Assertions.assertThat(runtime.createProcessInstanceQuery().processInstanceId(difficulty.getId()).count()).isZero();
        identity.clearAuthentication();
        assertThat(difficulty).isWaitingAt(Activities.CONFIRM_RESOLUTION);
        assertHistory(difficulty, "REPORTED", "AT_OFFICE", "ANSWERED");
    }

    private ProcessInstance toCity() {
        ProcessInstance difficulty = report();
        act(OFFICE, only(difficulty, Activities.HANDLE), Map.of(Vars.OFFICE_DECISION, Decisions.TO_LEADERSHIP,
                Vars.OFFICE_ADVICE, "Vượt thẩm quyền của xã"));
        act(LEADER, only(difficulty, Activities.DECIDE), Map.of(Vars.LEADERSHIP_DECISION, Decisions.TO_CITY,
                Vars.LEADERSHIP_ANSWER, "Báo cáo UBND thành phố hỗ trợ thiết bị"));
        act(OFFICE, only(difficulty, Activities.REPORT_TO_CITY), Map.of(Vars.CITY_REPORT_NUMBER, "15/BC-UBND",
                Vars.CITY_REPORT_DATE, "2025-10-10"));
        assertThat(difficulty).isWaitingAt(Activities.RECORD_CITY_DIRECTION);
        return difficulty;
    }

    /** Công an xã reports from Tasklist (the start form). */
    private ProcessInstance report() {
        identity.setAuthentication(UNIT, List.of("kesat-cax"));
        Map<String, Object> values = new HashMap<>(Map.of(Vars.TASK_CONCERNED, "Hướng dẫn cài đặt VNeID",
                Vars.DESCRIPTION, "Thiếu điện thoại thông minh để hướng dẫn người cao tuổi cài đặt VNeID",
                Vars.IMPACT, "Chậm tiến độ kích hoạt tài khoản", Vars.PROPOSAL, "Hỗ trợ 05 máy", Vars.URGENCY, "URGENT"));
        ProcessInstance instance = engine.getFormService().submitStartForm(
                engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(DifficultyProcess.ID)
                        .latestVersion().singleResult().getId(), values);
        identity.clearAuthentication();
        Assertions.assertThat(runtime.getVariable(instance.getId(), Vars.REPORTED_BY)).isEqualTo(UNIT);
        return instance;
    }

    private void act(String user, Task task, Map<String, Object> values) {
        String group = user.replace('.', '-');
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task only(ProcessInstance instance, String activity) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activity).singleResult();
    }

    private void assertHistory(ProcessInstance instance, String... statuses) {
        long id = ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(Vars.DIFFICULTY_ID).singleResult().getValue()).longValue();
        Assertions.assertThat(difficulties.difficulties(PlanFixtures.KESAT)).filteredOn(d -> d.id() == id).singleElement()
                .satisfies(d -> Assertions.assertThat(d.history()).extracting(DifficultyView.Step::status).containsExactly(statuses));
    }

    private static Date at(int year, int month, int day, int hour) {
        return at(year, month, day, hour, 0, 0);
    }

    private static Date at(int year, int month, int day, int hour, int minute, int second) {
        return Date.from(LocalDateTime.of(year, month, day, hour, minute, second).atZone(PlanService.ZONE).toInstant());
    }
}
