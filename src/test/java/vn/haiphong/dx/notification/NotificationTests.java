package vn.haiphong.dx.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.plan.PlanReviewProcess;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.reporting.PeriodicReportProcess;
import vn.haiphong.dx.reporting.ReportCorrections;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.TasklistSession;
import vn.haiphong.dx.support.TestSmtp;
import vn.haiphong.dx.support.TestUsers;
import vn.haiphong.dx.support.VietnameseText;

/**
 * E-mail when work reaches people, through a real SMTP server in-process (GreenMail): one test per kind of event,
 * each mail in Vietnamese with a link that, followed by its recipient over HTTP, opens the task; reminders once a day
 * in one digest; a person who turned mail off gets none; a rolled-back task mails nobody; a mail server that fails
 * neither fails the work nor makes anyone get a mail twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dx-notifications;DB_CLOSE_DELAY=-1",
        TestSmtp.HOST, TestSmtp.PORT, TestSmtp.SENDER,
        "dx.notifications.enabled=true",
        // The digest and the sweep are run by the tests themselves.
        "dx.notifications.scheduled=false",
        "dx.notifications.base-url=" + NotificationTests.BASE})
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class NotificationTests {

    static final String BASE = "https://kehoach.haiphong.example";
    static final String NUMBER = "29/KH-UBND";
    static final Pattern LINK = Pattern.compile("Mở công việc trong Tasklist: (\\S+)");

    @RegisterExtension
    // One server for the class: a server restarted between tests would refuse mails still being sent.
    static final GreenMailExtension SMTP = TestSmtp.server().withPerMethodLifecycle(false);

    @Autowired TestRestTemplate http;
    @Autowired PlanFixtures fixtures;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired NotificationDispatcher dispatcher;
    @Autowired DailyDigest digest;
    @Autowired NotificationPreferences preferences;
    @Autowired ReportCorrections corrections;

    /** One received mail, decoded. */
    record Mail(String to, String subject, String text) {

        String link() {
            Matcher link = LINK.matcher(text);
            return link.find() ? link.group(1) : null;
        }
    }

    @BeforeEach
    void freshDraft() {
        // While the commune's plan runs (its reporting closed in January 2026); a test moves the clock on from here.
        clock(2025, 9, 29, 9);
        fixtures.freshDraft(PlanFixtures.KESAT);
        startClean();
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
        jdbc.sql("delete from dx_notification_preference").update();
        TestUsers.remove(identity, "kesat.cax2");
    }

    // --- one test per kind of event ---

    @Test
    void aPlanDraftReachesTheOfficeItsReviewTheLeaderAReturnedDraftTheOfficeWithTheReason() throws Exception {
        fixtures.freshDraft(PlanFixtures.KESAT);
        Mail draft = await("kesat.vhxh", "Dự thảo kế hoạch cần hoàn thiện, trình lãnh đạo: Hoàn thiện, trình dự thảo kế hoạch – kesat-ncds-2025");
        assertOpensTask(draft, "kesat.vhxh", only(PlanReviewProcess.Activities.SUBMIT_DRAFT));
        assertThat(draft.text()).startsWith("Kính gửi Cán bộ Phòng Văn hóa – Xã hội,")
                .contains("Kế hoạch: Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025",
                        "Hạn xử lý: không quy định", "Bật hoặc tắt thư thông báo: " + BASE + "/notifications/preferences");

        complete("kesat.vhxh", only(PlanReviewProcess.Activities.SUBMIT_DRAFT), Map.of("draftNote", "Kính trình"));
        Mail review = await("kesat.lanhdao", "Dự thảo kế hoạch chờ lãnh đạo xem xét, phê duyệt: Xem xét, phê duyệt dự thảo kế hoạch");
        assertOpensTask(review, "kesat.lanhdao", only(PlanReviewProcess.Activities.REVIEW_DRAFT));
        assertThat(review.text()).startsWith("Kính gửi Phạm Thị Thu Hiền (Phó Chủ tịch),");

        complete("kesat.lanhdao", only(PlanReviewProcess.Activities.REVIEW_DRAFT),
                Map.of("reviewDecision", "RETURN", "reviewComments", "Bổ sung chỉ tiêu về VNeID"));
        Mail returned = await("kesat.vhxh", "Dự thảo kế hoạch bị trả lại để chỉnh sửa: Hoàn thiện, trình dự thảo kế hoạch");
        assertThat(returned.text()).contains("Ý kiến của lãnh đạo: Bổ sung chỉ tiêu về VNeID");
        assertOpensTask(returned, "kesat.vhxh", only(PlanReviewProcess.Activities.SUBMIT_DRAFT));

        complete("kesat.vhxh", only(PlanReviewProcess.Activities.SUBMIT_DRAFT), Map.of("draftNote", "Đã bổ sung"));
        complete("kesat.lanhdao", only(PlanReviewProcess.Activities.REVIEW_DRAFT), Map.of("reviewDecision", "APPROVE"));
        await("kesat.vhxh", "Kế hoạch đã được phê duyệt, cần ghi nhận số, ngày ban hành: Ghi nhận số, ngày ban hành kế hoạch");
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void anIssuedPlanReachesEveryUnitAsItsAssignment() throws Exception {
        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        Mail cax = await("kesat.cax", "Kế hoạch mới giao nhiệm vụ cho đơn vị: Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác – Công an xã – 29/KH-UBND");
        assertThat(cax.text()).contains("Kế hoạch: Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia năm 2025 "
                + "trên địa bàn xã Kẻ Sặt (số 29/KH-UBND)");
        Task caxTask = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN).taskCandidateGroup("kesat-cax")
                .singleResult();
        assertOpensTask(cax, "kesat.cax", caxTask);
        assertNotOpenedBy(cax, "kesat.dtn");
        for (String unit : List.of("kesat.vhxh", "kesat.ttvh", "kesat.pkt", "kesat.vpub", "kesat.mttq", "kesat.dtn", "kesat.truong",
                "kesat.thon", "kesat.tcns")) {
            await(unit, "Kế hoạch mới giao nhiệm vụ cho đơn vị: Tiếp nhận kế hoạch");
        }
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void aReportPeriodOpeningReachesTheUnitWithItsDueDate() throws Exception {
        ProcessInstance report = periodicReport();
        clock(2025, 10, 1, 0);
        fixtures.executeJobs();
        Mail opened = await("kesat.cax", "Mở kỳ báo cáo định kỳ: Nộp báo cáo định kỳ tháng 10/2025 – Công an xã – 29/KH-UBND");
        assertThat(opened.text()).contains("Hạn xử lý: hết ngày 05/11/2025");
        assertOpensTask(opened, "kesat.cax", reportTask(report));
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void lateUnitsReachTheOfficeInOneUrgingTaskAndTheUrgingReachesEachUnitAtOnce() throws Exception {
        clock(2025, 9, 29, 9);
        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        for (String unit : List.of("cax", "dtn")) {
            complete("kesat." + unit, tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN)
                    .taskCandidateGroup("kesat-" + unit).singleResult(), acknowledgement());
        }
        clock(2025, 10, 1, 0);
        fixtures.executeJobs();
        startClean();
        clock(2025, 11, 6, 8);
        fixtures.executeJobs();
        List<Task> urgings = tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT)
                .taskDefinitionKey(PlanIssuanceProcess.Activities.URGE_LATE_UNITS).list();
        assertThat(urgings).as("%s", urgings.stream().map(t -> t.getName() + " " + t.getProcessInstanceId()).toList()).hasSize(1);
        Task urge = urgings.get(0);
        Mail toOffice = await("kesat.vhxh", "Các đơn vị chưa nộp báo cáo đúng hạn, cần đôn đốc: Đôn đốc các đơn vị chưa nộp báo cáo tháng 10/2025");
        assertOpensTask(toOffice, "kesat.vhxh", urge);

        complete("kesat.vhxh", urge, Map.of(PlanIssuanceProcess.UrgingVars.URGING_DECISION, "URGE",
                PlanIssuanceProcess.UrgingVars.URGE_UNITS, SpinValues.jsonValue("[\"CAX\",\"DTN\"]").create(),
                PlanIssuanceProcess.UrgingVars.URGING_MESSAGE, "Đề nghị các đơn vị nộp báo cáo ngay.",
                PlanIssuanceProcess.UrgingVars.EXTEND_DUE_TO, "2025-11-12"));
        for (String unit : List.of("CAX", "DTN")) {
            String user = "kesat." + unit.toLowerCase();
            Mail urged = await(user, "Đôn đốc: Nộp báo cáo định kỳ tháng 10/2025");
            assertThat(urged.text()).contains("Đề nghị các đơn vị nộp báo cáo ngay.", "Hạn xử lý: hết ngày 12/11/2025");
            assertOpensTask(urged, user, tasks.createTaskQuery().taskDefinitionKey(PeriodicReportProcess.Activities.SUBMIT_REPORT)
                    .taskCandidateGroup("kesat-" + unit.toLowerCase())
                    .processVariableValueEquals(PeriodicReportProcess.Vars.PERIOD_CODE, "2025-10").singleResult());
        }
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void aReturnedReportReachesTheUnitWithTheReason() throws Exception {
        ProcessInstance report = periodicReport();
        clock(2025, 10, 1, 0);
        fixtures.executeJobs();
        Map<String, Object> values = new java.util.HashMap<>(PlanFixtures.progress(fixtures.seed(PlanFixtures.KESAT).plan(), "CAX"));
        values.put(PeriodicReportProcess.Vars.REPORT_NARRATIVE, "Đã hướng dẫn người dân.");
        values.put("residentsVneid", 9000);
        complete("kesat.cax", reportTask(report), values);
        startClean();
        clock(2025, 10, 6, 9);
        corrections.returnForCorrection(PlanFixtures.KESAT, "CAX", "2025-10", "Số người được hướng dẫn vượt số dân của xã.",
                "kesat.vhxh", List.of("kesat-vhxh"), false);
        fixtures.executeJobs();
        Mail returned = await("kesat.cax", "Báo cáo định kỳ bị trả lại để sửa: Nộp báo cáo định kỳ tháng 10/2025 – Công an xã (sửa theo yêu cầu)");
        assertThat(returned.text()).contains("Lý do trả lại:", "Số người được hướng dẫn vượt số dân của xã.");
        assertOpensTask(returned, "kesat.cax", tasks.createTaskQuery().taskDefinitionKey(PeriodicReportProcess.Activities.SUBMIT_REPORT)
                .taskCandidateGroup("kesat-cax").singleResult());
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void aDifficultyReachesTheOfficeAndItsAnswerReachesTheUnit() throws Exception {
        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        startClean();
        ProcessInstance difficulty = reportDifficulty("Thiếu máy tính bảng để hướng dẫn người dân cài đặt VNeID");
        Mail toOffice = await("kesat.vhxh", "Khó khăn, vướng mắc của đơn vị cần xử lý: Xử lý khó khăn, vướng mắc của đơn vị – Công an xã: "
                + "Thiếu máy tính bảng");
        assertOpensTask(toOffice, "kesat.vhxh", tasks.createTaskQuery().processInstanceId(difficulty.getId()).singleResult());

        complete("kesat.vhxh", tasks.createTaskQuery().processInstanceId(difficulty.getId()).singleResult(),
                Map.of(DifficultyProcess.Vars.OFFICE_DECISION, DifficultyProcess.Decisions.ANSWER,
                        DifficultyProcess.Vars.OFFICE_ANSWER, "Mượn máy của Đoàn Thanh niên xã"));
        Mail answered = await("kesat.cax", "Khó khăn, vướng mắc đã được trả lời: Xác nhận kết quả giải quyết khó khăn – Công an xã");
        assertThat(answered.text()).contains("Nội dung trả lời:", "Mượn máy của Đoàn Thanh niên xã");
        assertOpensTask(answered, "kesat.cax", tasks.createTaskQuery().processInstanceId(difficulty.getId()).singleResult());
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void aConsolidatedReportReachesLeadershipToApproveAndComesBackToTheOfficeWithTheComment() throws Exception {
        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        startClean();
        ProcessInstance report = fixtures.kesatReport("2025-10");
        await("kesat.vhxh", "Báo cáo tổng hợp cần hoàn thiện, trình lãnh đạo: Hoàn thiện, trình báo cáo tổng hợp tháng 10/2025 – 29/KH-UBND");
        complete("kesat.vhxh", single(report), Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY, "Tình hình chung.",
                ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, "Đánh giá."));
        Mail toApprove = await("kesat.lanhdao", "Báo cáo tổng hợp chờ lãnh đạo phê duyệt: Phê duyệt báo cáo tổng hợp tháng 10/2025 – 29/KH-UBND");
        assertOpensTask(toApprove, "kesat.lanhdao", single(report));

        complete("kesat.lanhdao", single(report), Map.of(ConsolidatedReportProcess.Vars.APPROVAL_DECISION,
                ConsolidatedReportProcess.Decisions.RETURN, ConsolidatedReportProcess.Vars.LEADERSHIP_COMMENT, "Bổ sung số liệu VNeID"));
        Mail returned = await("kesat.vhxh", "Báo cáo tổng hợp bị trả lại để chỉnh sửa: Hoàn thiện, trình báo cáo tổng hợp tháng 10/2025");
        assertThat(returned.text()).contains("Ý kiến của lãnh đạo: Bổ sung số liệu VNeID");
        assertOpensTask(returned, "kesat.vhxh", single(report));
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void aTaskSomeoneElseAssignsReachesTheAssigneeButClaimingOnesOwnIsNoNews() throws Exception {
        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        TestUsers.colleague(identity, "kesat.cax2", "kesat-cax");
        startClean();
        Task cax = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN).taskCandidateGroup("kesat-cax")
                .singleResult();
        identity.setAuthentication("kesat.cax", List.of("kesat-cax"));
        tasks.claim(cax.getId(), "kesat.cax");
        // Only an administrator may hand a unit's task to someone (units and the Office work on their tasks).
        identity.setAuthentication("admin", List.of("camunda-admin"));
        tasks.setAssignee(cax.getId(), "kesat.cax2");
        identity.clearAuthentication();
        Mail assigned = await("kesat.cax2", "Công việc được giao cho anh/chị: Tiếp nhận kế hoạch, lồng ghép vào kế hoạch công tác – Công an xã");
        assertOpensTask(assigned, "kesat.cax2", cax);
        settle();
        assertThat(mails()).as("claiming one's own task mails nobody").extracting(Mail::to).containsExactly(address("kesat.cax2"));
        assertEveryMailOnceAndVietnamese();
    }

    // --- reminders: one digest per person and day ---

    @Test
    void remindersWaitForOneDigestADayThatLeavesOutWorkAlreadyDone() throws Exception {
        ProcessInstance report = periodicReport();
        clock(2025, 10, 1, 0);
        fixtures.executeJobs();
        startClean();
        Task acknowledge = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN)
                .taskCandidateGroup("kesat-cax").singleResult();
        clock(2025, 11, 3, 9);
        // The report's reminder (its follow-up date: two days before it is due) ...
        fixtures.executeJobs();
        // ... and a second note the engine leaves on the unit's other task.
        tasks.createComment(acknowledge.getId(), acknowledge.getProcessInstanceId(), "Nhắc hạn: đề nghị tiếp nhận kế hoạch trong tuần.");
        Task pkt = tasks.createTaskQuery().taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN).taskCandidateGroup("kesat-pkt")
                .singleResult();
        tasks.createComment(pkt.getId(), pkt.getProcessInstanceId(), "Nhắc hạn: đề nghị tiếp nhận kế hoạch.");
        complete("kesat.pkt", pkt, acknowledgement());
        settle();
        // (The Office hears at once of its task urging the units that have not acknowledged, due 06/10: not a reminder.)
        assertThat(mails()).as("reminders are not mailed one by one")
                .allSatisfy(m -> assertThat(m.subject()).startsWith("Các đơn vị chưa tiếp nhận kế hoạch, cần đôn đốc"));

        LocalDate day = LocalDate.of(2025, 11, 3);
        digest.send(day);
        // The unit's notes of the day: the report's reminder, the acknowledgement's own reminder (due 06/10) and the note.
        Mail daily = await("kesat.cax", "Nhắc việc ngày 03/11/2025: 3 công việc cần chú ý");
        assertThat(daily.text()).contains("Nhắc hạn: báo cáo cần nộp trước hết ngày 05/11/2025.",
                "Công việc: Nộp báo cáo định kỳ tháng 10/2025 – Công an xã – 29/KH-UBND",
                "Nhắc hạn: đơn vị cần xác nhận tiếp nhận kế hoạch trước hết ngày 06/10/2025.",
                "Nhắc hạn: đề nghị tiếp nhận kế hoạch trong tuần.",
                BASE + "/camunda/app/tasklist/default/#/?task=" + reportTask(report).getId(),
                BASE + "/camunda/app/tasklist/default/#/?task=" + acknowledge.getId());
        assertThat(mails()).as("the reminder of a task done before the digest is left out; no digest of nothing")
                .extracting(Mail::to).contains(address("kesat.cax")).doesNotContain(address("kesat.pkt"));
        int digests = mails().size();

        tasks.createComment(acknowledge.getId(), acknowledge.getProcessInstanceId(), "Nhắc hạn lần hai.");
        digest.send(day);
        settle();
        assertThat(mails()).as("at most one digest a day").hasSize(digests);
        digest.send(day.plusDays(1));
        Mail next = await("kesat.cax", "Nhắc việc ngày 04/11/2025: 1 công việc cần chú ý");
        assertThat(next.text()).contains("1. Nhắc hạn lần hai.").doesNotContain("trước hết ngày 05/11/2025");
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void theDigestTimeComesFromConfiguration() {
        var trigger = NotificationConfiguration.digestTrigger(LocalTime.of(7, 30));
        var context = new org.springframework.scheduling.support.SimpleTriggerContext(
                null, null, ZonedDateTime.of(2025, 11, 3, 6, 0, 0, 0, TaskNotices.ZONE).toInstant());
        assertThat(trigger.nextExecution(context)).isEqualTo(ZonedDateTime.of(2025, 11, 3, 7, 30, 0, 0, TaskNotices.ZONE).toInstant());
        var afterIt = new org.springframework.scheduling.support.SimpleTriggerContext(
                null, null, ZonedDateTime.of(2025, 11, 3, 7, 30, 1, 0, TaskNotices.ZONE).toInstant());
        assertThat(trigger.nextExecution(afterIt)).isEqualTo(ZonedDateTime.of(2025, 11, 4, 7, 30, 0, 0, TaskNotices.ZONE).toInstant());
    }

    // --- opting out ---

    @Test
    void aPersonTurnsMailOffOnTheirPageAndBackOnAsJson() throws Exception {
        TasklistSession cax = TasklistSession.login(http, "kesat.cax", "demo");
        ResponseEntity<String> page = cax.exchange(PreferencePage.PATH, HttpMethod.GET, null, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<h1>Thư thông báo</h1>", "kesat.cax@demo.invalid", "checked", "Cán bộ Công an xã");
        String token = Pattern.compile("name=\"token\" value=\"([0-9a-f]+)\"").matcher(page.getBody()).results().findFirst()
                .orElseThrow().group(1);

        assertThat(cax.exchange(PreferencePage.PATH, HttpMethod.POST, "token=forged", MediaType.APPLICATION_FORM_URLENCODED, String.class)
                .getStatusCode()).as("a form from elsewhere").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(preferences.emailEnabled("kesat.cax")).isTrue();
        ResponseEntity<String> saved = cax.exchange(PreferencePage.PATH, HttpMethod.POST, "token=" + token,
                MediaType.APPLICATION_FORM_URLENCODED, String.class);
        assertThat(saved.getStatusCode().isError()).as("saved, then back to the page").isFalse();
        assertThat(preferences.emailEnabled("kesat.cax")).isFalse();
        assertThat(cax.exchange(PreferencePage.PATH + "?saved", HttpMethod.GET, null, String.class).getBody())
                .contains("Đã lưu lựa chọn của anh/chị.").doesNotContain("checked");
        assertThat(http.withBasicAuth("kesat.cax", "demo").getForObject(PreferenceApi.PATH, Map.class))
                .containsEntry("userId", "kesat.cax").containsEntry("emailEnabled", false);

        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        await("kesat.dtn", "Kế hoạch mới giao nhiệm vụ cho đơn vị");
        settle();
        assertThat(mails()).extracting(Mail::to).doesNotContain(address("kesat.cax"));
        assertThat(jdbc.sql("select status from dx_notification where recipient = 'kesat.cax'").query(String.class).list())
                .containsExactly("SKIPPED");

        ResponseEntity<Map> on = http.withBasicAuth("kesat.cax", "demo").exchange(PreferenceApi.PATH, HttpMethod.PUT,
                new HttpEntity<>(Map.of("emailEnabled", true)), Map.class);
        assertThat(on.getBody()).containsEntry("emailEnabled", true);
        reportDifficultyAnswered();
        await("kesat.cax", "Khó khăn, vướng mắc đã được trả lời");

        assertThat(http.getForEntity(PreferenceApi.PATH, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders browser = new HttpHeaders();
        browser.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> anonymous = http.exchange(PreferencePage.PATH, HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).as("from a mail's link, not logged in: redirected to Tasklist's login")
                .contains("<base href=\"/camunda/app/tasklist/").doesNotContain("Thư thông báo");
    }

    // --- transactions and failures ---

    @Test
    void aTaskRolledBackMailsNobody() throws Exception {
        Task draft = only(PlanReviewProcess.Activities.SUBMIT_DRAFT);
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            complete("kesat.vhxh", draft, Map.of("draftNote", "Kính trình"));
            assertThat(only(PlanReviewProcess.Activities.REVIEW_DRAFT)).as("created inside the transaction").isNotNull();
            status.setRollbackOnly();
        });
        assertThat(only(PlanReviewProcess.Activities.REVIEW_DRAFT)).isNull();
        settle();
        Thread.sleep(300);
        assertThat(mails()).isEmpty();
        assertThat(jdbc.sql("select count(*) from dx_notification_event").query(Integer.class).single())
                .as("the record of the task went with it").isZero();

        complete("kesat.vhxh", draft, Map.of("draftNote", "Kính trình"));
        await("kesat.lanhdao", "Dự thảo kế hoạch chờ lãnh đạo xem xét, phê duyệt");
        assertEveryMailOnceAndVietnamese();
    }

    @Test
    void aMailServerThatFailsNeitherFailsTheWorkNorMailsAnyoneTwice(CapturedOutput log) throws Exception {
        SMTP.stop();
        try {
            complete("kesat.vhxh", only(PlanReviewProcess.Activities.SUBMIT_DRAFT), Map.of("draftNote", "Kính trình"));
            assertThat(only(PlanReviewProcess.Activities.REVIEW_DRAFT)).as("the work went on").isNotNull();
            waitFor(() -> jdbc.sql("select count(*) from dx_notification where recipient = 'kesat.lanhdao' and status = 'PENDING' "
                    + "and attempts = 1 and last_error like '%Connection refused%'").query(Integer.class).single() == 1);
        } finally {
            SMTP.start();
        }
        assertThat(mails()).isEmpty();

        // The pause before the next attempt is over.
        jdbc.sql("update dx_notification set next_attempt_at = ? where recipient = 'kesat.lanhdao'")
                .param(NotificationRepository.now().minusSeconds(1)).update();
        dispatcher.sweep();
        await("kesat.lanhdao", "Dự thảo kế hoạch chờ lãnh đạo xem xét, phê duyệt");
        dispatcher.sweep();
        settle();
        assertThat(mails()).hasSize(1);
        assertThat(jdbc.sql("select status || ' ' || attempts from dx_notification where recipient = 'kesat.lanhdao'").query(String.class)
                .single()).isEqualTo("SENT 2");
        assertThat(log.getOut()).contains("Notifications: mail", "to kesat.lanhdao not sent (attempt 1), tried again in PT1M");
    }

    @Test
    void everyUserTaskOfEveryModelHasASubjectThatSaysWhatItIs() throws Exception {
        Set<String> userTasks = new java.util.TreeSet<>();
        for (var definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            repository.getBpmnModelInstance(definition.getId())
                    .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class)
                    .forEach(task -> userTasks.add(task.getId()));
        }
        assertThat(userTasks).hasSizeGreaterThanOrEqualTo(18);
        assertThat(TaskKinds.known()).containsAll(userTasks);
        assertThat(TaskKinds.of("Task_Unknown", name -> null).lead()).isEqualTo(TaskKinds.NEW_TASK);
    }

    // --- helpers ---

    private ProcessInstance periodicReport() {
        fixtures.freshIssued(PlanFixtures.KESAT, NUMBER);
        clock(2025, 9, 20, 9);
        ProcessInstance report = runtime.createProcessInstanceByKey(PeriodicReportProcess.ID).businessKey(PlanFixtures.KESAT)
                .setVariable(PeriodicReportProcess.Vars.PLAN_CODE, PlanFixtures.KESAT)
                .setVariable(PeriodicReportProcess.Vars.UNIT_CODE, "CAX")
                .setVariable(PeriodicReportProcess.Vars.PERIOD_CODE, "2025-10").execute();
        startClean();
        return report;
    }

    private Task reportTask(ProcessInstance report) {
        return tasks.createTaskQuery().processInstanceId(report.getId()).taskDefinitionKey(PeriodicReportProcess.Activities.SUBMIT_REPORT)
                .singleResult();
    }

    private ProcessInstance reportDifficulty(String description) {
        return fixtures.reportDifficulty("kesat.cax", "kesat-cax", description);
    }

    private void reportDifficultyAnswered() {
        ProcessInstance difficulty = reportDifficulty("Thiếu máy in");
        complete("kesat.vhxh", single(difficulty), Map.of(DifficultyProcess.Vars.OFFICE_DECISION, DifficultyProcess.Decisions.ANSWER,
                DifficultyProcess.Vars.OFFICE_ANSWER, "Dùng máy in của Văn phòng"));
    }

    private static Map<String, Object> acknowledgement() {
        return Map.of(UnitPlanProcess.Vars.PERSON_IN_CHARGE, "Nguyễn Văn A – Trưởng phòng", UnitPlanProcess.Vars.PLANNED_ACTIVITIES,
                "Tháng 10: Tuyên truyền trên loa truyền thanh");
    }

    private Task single(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private Task only(String activity) {
        return tasks.createTaskQuery().processInstanceBusinessKey(PlanFixtures.KESAT).taskDefinitionKey(activity).singleResult();
    }

    /** Completes the task as the demo user, a member of the group of the same name ("kesat.cax" of "kesat-cax"). */
    private void complete(String user, Task task, Map<String, Object> values) {
        fixtures.completeAs(user, user.replace('.', '-'), task.getId(), values);
    }

    private static String address(String user) {
        return user + "@demo.invalid";
    }

    /**
     * The recipient follows the mail's link as a browser would: the address is Tasklist's (on the configured base),
     * the page loads in their session, and the task it names opens with its form.
     */
    @SuppressWarnings("unchecked")
    private void assertOpensTask(Mail mail, String user, Task task) {
        assertThat(mail.link()).isEqualTo(BASE + "/camunda/app/tasklist/default/#/?task=" + task.getId());
        URI link = URI.create(mail.link());
        TasklistSession session = TasklistSession.login(http, user, "demo");
        ResponseEntity<String> app = session.exchange(link.getRawPath(), HttpMethod.GET, null, String.class);
        assertThat(app.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(app.getBody()).contains("tasklist");
        String taskId = link.getRawFragment().substring(link.getRawFragment().indexOf("task=") + "task=".length());
        ResponseEntity<Map> opened = session.exchange("/camunda/api/engine/engine/default/task/" + taskId, HttpMethod.GET, null, Map.class);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(opened.getBody().get("name")).isEqualTo(task.getName());
        assertThat(mail.subject()).endsWith(task.getName());
        assertThat(session.exchange("/camunda/api/engine/engine/default/task/" + taskId + "/deployed-form", HttpMethod.GET, null,
                String.class).getStatusCode()).as("its form").isEqualTo(HttpStatus.OK);
    }

    private void assertNotOpenedBy(Mail mail, String other) {
        String taskId = mail.link().substring(mail.link().indexOf("task=") + "task=".length());
        TasklistSession session = TasklistSession.login(http, other, "demo");
        assertThat(session.exchange("/camunda/api/engine/engine/default/task/" + taskId, HttpMethod.GET, null, String.class)
                .getStatusCode().is2xxSuccessful()).as("another unit cannot open it").isFalse();
    }

    /** Everything recorded so far is sent (or waits for a digest), then the inbox and the tables are emptied. */
    private void startClean() {
        settle();
        try {
            SMTP.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new AssertionError(e);
        }
        for (String table : List.of("dx_notification", "dx_notification_digest", "dx_notification_event")) {
            jdbc.sql("delete from " + table).update();
        }
    }

    private void settle() {
        waitFor(() -> {
            dispatcher.run();
            return jdbc.sql("select count(*) from dx_notification_event where processed_at is null").query(Integer.class).single() == 0
                    && jdbc.sql("select count(*) from dx_notification where status = 'SENDING' or (status = 'PENDING' and digest = false "
                    + "and attempts = 0)").query(Integer.class).single() == 0;
        });
    }

    private Mail await(String user, String subjectStart) {
        List<Mail> found = new ArrayList<>();
        waitFor(() -> {
            dispatcher.run();
            found.clear();
            mails().stream().filter(m -> m.to().equals(address(user)) && m.subject().startsWith(subjectStart)).forEach(found::add);
            return !found.isEmpty();
        });
        return found.get(found.size() - 1);
    }

    private static void waitFor(Supplier<Boolean> condition) {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("not within 20 s; received: " + mails().stream().map(m -> m.to() + " " + m.subject()).toList());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Each mail went once (no two mails to a person with the same subject and link), in Vietnamese with diacritics. */
    private void assertEveryMailOnceAndVietnamese() throws InterruptedException {
        settle();
        Thread.sleep(300);
        List<Mail> all = mails();
        assertThat(all.stream().collect(Collectors.groupingBy(m -> m.to() + " " + m.subject() + " " + m.link(), Collectors.counting())))
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
        assertThat(all).allSatisfy(m -> {
            assertThat(VietnameseText.isVietnamese(m.subject())).as(m.subject()).isTrue();
            assertThat(VietnameseText.isVietnamese(m.text())).as(m.text()).isTrue();
        });
        System.out.printf("Notifications: %d mails, each once, in Vietnamese: %s%n", all.size(),
                all.stream().map(Mail::subject).distinct().toList());
    }

    static List<Mail> mails() {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            try {
                mails.add(new Mail(GreenMailUtil.getAddressList(message.getAllRecipients()), message.getSubject(), text(message)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return mails;
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static void clock(int year, int month, int day, int hour) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(PlanService.ZONE).toInstant()));
    }
}
