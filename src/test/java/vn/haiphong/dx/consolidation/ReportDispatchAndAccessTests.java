package vn.haiphong.dx.consolidation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess.Vars;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.TestSmtp;

/**
 * An approved report is e-mailed with its PDF and DOCX to every recipient of the plan data, through a real
 * SMTP server in-process (GreenMail); its documents are readable by the agency's focal unit and leadership
 * only, over HTTP; the city's ad-hoc request can be posted to the REST API by the Office.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:dx-dispatch;DB_CLOSE_DELAY=-1",
        TestSmtp.HOST, TestSmtp.PORT, TestSmtp.SENDER})
@ActiveProfiles("test")
class ReportDispatchAndAccessTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtime;
    @Autowired PlanFixtures fixtures;
    @Autowired Plans catalog;
    @Autowired JdbcClient jdbc;

    @Autowired ManagementService management;
    @Autowired RefusingOnceMailSender mail;

    long reportId;
    Job dispatchJob;

    @BeforeEach
    void approvedPeriodicReport() {
        fixtures.freshDraft(PlanFixtures.SNNMT);
        fixtures.freshIssued(PlanFixtures.KESAT, "15/KH-UBND");
        ProcessInstance report = fixtures.approvedKesatReport("2025-12");
        reportId = ((Number) runtime.getVariable(report.getId(), Vars.REPORT_ID)).longValue();
        // The dispatch waits for the job executor (asynchronous step); each test runs it as its case needs.
        dispatchJob = management.createJobQuery().processInstanceId(report.getId()).singleResult();
    }

    @Test
    void theApprovedReportIsMailedWithBothDocumentsToEveryRecipient() throws Exception {
        fixtures.executeJobs();
        var recipients = catalog.get(PlanFixtures.KESAT).recipients();
        assertThat(SMTP.waitForIncomingEmail(5000, recipients.size())).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(recipients.size());
        assertThat(addressees())
                .containsExactlyInAnyOrderElementsOf(recipients.stream().map(r -> r.email()).toList());
        for (MimeMessage message : received) {
            assertThat(message.getSubject()).startsWith("Báo cáo số 01/BC-UBND – Kết quả thực hiện");
            assertThat(message.getFrom()[0].toString()).isEqualTo("van-thu@kesat.example");
            MimeMultipart parts = (MimeMultipart) message.getContent();
            List<String> files = new java.util.ArrayList<>();
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.getFileName() != null) {
                    files.add(part.getFileName() + " " + part.getContentType().split(";")[0]);
                }
            }
            assertThat(files).containsExactlyInAnyOrder("BC-01-BC-UBND.pdf application/pdf",
                    "BC-01-BC-UBND.docx application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
        assertThat(fixtures.count("select count(*) from dx_report_dispatch where report_id = ? and channel = 'EMAIL' "
                + "and reference is not null", reportId)).isEqualTo(recipients.size());
    }

    @Test
    void onlyTheFocalUnitAndLeadershipOfTheAgencyReadTheDocuments() {
        fixtures.executeJobs();
        String pdf = "/api/reports/" + reportId + "/document.pdf";
        String docx = "/api/reports/" + reportId + "/document.docx";
        ResponseEntity<byte[]> office = http.withBasicAuth("kesat.vhxh", "demo").getForEntity(pdf, byte[].class);
        assertThat(office.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(office.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(new String(office.getBody(), 0, 5)).isEqualTo("%PDF-");
        assertThat(office.getHeaders().getContentDisposition().getFilename()).isEqualTo("BC-01-BC-UBND.pdf");
        assertThat(office.getHeaders().getFirst("Content-Disposition")).as("a plain name every client reads")
                .isEqualTo("attachment; filename=\"BC-01-BC-UBND.pdf\"");
        assertThat(http.withBasicAuth("kesat.lanhdao", "demo").getForEntity(docx, byte[].class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForEntity("/api/plans/kesat-ncds-2025/reports", String.class).getBody())
                .contains("\"documentNumber\":\"01/BC-UBND\"", "\"statusLabel\":\"Đã gửi\"");

        assertThat(http.withBasicAuth("kesat.cax", "demo").getForEntity(pdf, String.class).getStatusCode())
                .as("a unit of the same agency").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("kesat.cax", "demo").getForEntity(docx, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("snnmt.tccb", "demo").getForEntity(pdf, String.class).getStatusCode())
                .as("a unit of another agency").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("snnmt.vp", "demo").getForEntity(pdf, String.class).getStatusCode())
                .as("another agency's Office").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("snnmt.lanhdao", "demo").getForEntity("/api/plans/kesat-ncds-2025/reports", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(pdf, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("kesat.vhxh", "demo").getForEntity("/api/reports/999999/document.pdf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void whenARecipientsMailFailsTheRetrySendsToThatRecipientOnlyAndNobodyGetsTheReportTwice() throws Exception {
        var recipients = catalog.get(PlanFixtures.KESAT).recipients();
        assertThat(recipients).hasSize(2);
        String first = recipients.get(0).email();
        String second = recipients.get(1).email();
        mail.refuseOnce(second);

        assertThatThrownBy(() -> management.executeJob(dispatchJob.getId())).hasMessageContaining("Sending the report to " + second);
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(addressees()).containsExactly(first);
        assertThat(fixtures.count("select count(*) from dx_report_dispatch where report_id = ?", reportId))
                .as("the mail that went is recorded, although the job failed").isEqualTo(1);
        assertThat(fixtures.count("select count(*) from dx_consolidated_report where id = ? and status = 'APPROVED'", reportId))
                .as("not yet dispatched").isEqualTo(1);
        assertThat(management.createJobQuery().jobId(dispatchJob.getId()).singleResult().getRetries()).as("retried by the engine").isEqualTo(4);

        management.executeJob(dispatchJob.getId());
        assertThat(SMTP.waitForIncomingEmail(5000, 2)).isTrue();
        assertThat(addressees()).as("each recipient exactly once").containsExactlyInAnyOrder(first, second);
        assertThat(fixtures.count("select count(*) from dx_report_dispatch where report_id = ? and channel = 'EMAIL'", reportId)).isEqualTo(2);
        assertThat(fixtures.count("select count(*) from dx_consolidated_report where id = ? and status = 'DISPATCHED'", reportId)).isEqualTo(1);
        assertThat(management.createJobQuery().jobId(dispatchJob.getId()).count()).isZero();
    }

    @Test
    void whenEveryMailWentButTheJobFailedAfterwardsTheRetryMarksTheReportDispatchedWithoutMailingAgain() throws Exception {
        int recipients = catalog.get(PlanFixtures.KESAT).recipients().size();
        // A database fault after the mails: the report's status update fails once (an H2 trigger).
        jdbc.sql("create trigger dx_test_refuse_status before update on dx_consolidated_report for each row call \""
                + RefuseStatusUpdateOnce.class.getName() + "\"").update();
        try {
            RefuseStatusUpdateOnce.armed = true;
            assertThatThrownBy(() -> management.executeJob(dispatchJob.getId())).hasStackTraceContaining("status update refused");
            assertThat(SMTP.waitForIncomingEmail(5000, recipients)).isTrue();
            assertThat(fixtures.count("select count(*) from dx_report_dispatch where report_id = ?", reportId))
                    .as("every mail that went is recorded").isEqualTo(recipients);
            assertThat(fixtures.count("select count(*) from dx_consolidated_report where id = ? and status = 'APPROVED'", reportId))
                    .isEqualTo(1);

            management.executeJob(dispatchJob.getId());
        } finally {
            RefuseStatusUpdateOnce.armed = false;
            jdbc.sql("drop trigger dx_test_refuse_status").update();
        }
        assertThat(SMTP.getReceivedMessages()).as("nobody mailed again").hasSize(recipients);
        assertThat(fixtures.count("select count(*) from dx_report_dispatch where report_id = ?", reportId)).isEqualTo(recipients);
        assertThat(fixtures.count("select count(*) from dx_consolidated_report where id = ? and status = 'DISPATCHED'", reportId))
                .isEqualTo(1);
        assertThat(management.createJobQuery().jobId(dispatchJob.getId()).count()).isZero();
    }

    /**
     * An H2 trigger that refuses one update of the table it is on that changes a row, when armed (the dispatch's own
     * hold on the report's row, an update that changes nothing, goes through).
     */
    public static class RefuseStatusUpdateOnce implements org.h2.api.Trigger {

        static volatile boolean armed;

        @Override
        public void fire(java.sql.Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            if (armed && !java.util.Arrays.equals(oldRow, newRow)) {
                armed = false;
                throw new java.sql.SQLException("status update refused");
            }
        }
    }

    private List<String> addressees() throws Exception {
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            to.add(GreenMailUtil.getAddressList(message.getAllRecipients()));
        }
        return to;
    }

    /**
     * The real SMTP client of the application (spring.mail.*) towards GreenMail, which can be told to fail once
     * for one address, as a mail server that is briefly unavailable for a mailbox would.
     */
    @TestConfiguration
    static class MailServer {

        @Bean
        RefusingOnceMailSender javaMailSender(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
            RefusingOnceMailSender sender = new RefusingOnceMailSender();
            sender.setHost(host);
            sender.setPort(port);
            return sender;
        }
    }

    static class RefusingOnceMailSender extends JavaMailSenderImpl {

        private volatile String refused;

        void refuseOnce(String address) {
            refused = address;
        }

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
            for (MimeMessage message : messages) {
                try {
                    if (refused != null && GreenMailUtil.getAddressList(message.getAllRecipients()).equals(refused)) {
                        refused = null;
                        throw new MailSendException("450 4.2.1 Mailbox temporarily unavailable");
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new MailPreparationException(e);
                }
            }
            super.doSend(messages, originals);
        }
    }

    @Test
    void theOfficeCanPostTheCitysAdHocRequestToTheRestApiButAUnitCannot() {
        String body = """
                {"variables": {
                  "reportSubject": {"value": "Tình hình triển khai VNeID", "type": "String"},
                  "requestedBy": {"value": "UBND thành phố", "type": "String"},
                  "reportDeadline": {"value": "2099-12-31", "type": "String"},
                  "askUnits": {"value": false, "type": "Boolean"}}}""";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String start = "/engine-rest/process-definition/key/AdHocReportProcess/submit-form";
        assertThat(http.withBasicAuth("kesat.cax", "demo").postForEntity(start, new HttpEntity<>(body, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> started = http.withBasicAuth("kesat.vhxh", "demo").postForEntity(start, new HttpEntity<>(body, headers), String.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(fixtures.count("select count(*) from dx_consolidated_report where plan_code = ? and kind = 'AD_HOC' "
                + "and subject = 'Tình hình triển khai VNeID' and status = 'DRAFTED'", PlanFixtures.KESAT)).isEqualTo(1);
        ResponseEntity<String> refused = http.withBasicAuth("kesat.vhxh", "demo").postForEntity(start,
                new HttpEntity<>(body.replace("Tình hình triển khai VNeID", ""), headers), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("Nội dung yêu cầu báo cáo");
    }
}
