package vn.haiphong.dx.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.support.PlanFixtures;
import vn.haiphong.dx.support.TestSmtp;

/**
 * Every job thread dispatching at once, on the smallest database pool the application starts with (one
 * connection more than job threads, shared/ConnectionBudget): each dispatch holds its job's connection and takes
 * a second one to record each mail, and none of them waits forever for it.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:dx-concurrent-dispatch;DB_CLOSE_DELAY=-1",
        TestSmtp.HOST, TestSmtp.PORT, TestSmtp.SENDER,
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.core-pool-size=3", "camunda.bpm.job-execution.max-pool-size=3",
        "spring.datasource.hikari.maximum-pool-size=4",
        // A connection that cannot be had fails the job within seconds instead of the default half minute.
        "spring.datasource.hikari.connection-timeout=3000"})
@ActiveProfiles("test")
class ConcurrentDispatchTests {

    @RegisterExtension
    static final GreenMailExtension SMTP = TestSmtp.server();

    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired PlanFixtures fixtures;
    @Autowired Plans catalog;
    @Autowired HikariDataSource pool;

    @Test
    void asManyDispatchesAsJobThreadsAllGoThroughOnThePoolTheApplicationRequires() throws Exception {
        assertThat(pool.getMaximumPoolSize()).isEqualTo(4);
        JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobExecutor.shutdown();
        List<String> periods = List.of("2025-10", "2025-11", "2025-12");
        try {
            fixtures.freshIssued(PlanFixtures.KESAT, "15/KH-UBND");
            for (String period : periods) {
                fixtures.approvedKesatReport(period);
            }
            assertThat(management.createJobQuery().executable().count()).as("the dispatches, waiting together").isEqualTo(periods.size());
        } finally {
            jobExecutor.start();
        }

        int recipients = catalog.get(PlanFixtures.KESAT).recipients().size();
        assertThat(SMTP.waitForIncomingEmail(60_000, periods.size() * recipients)).as("every mail within a minute").isTrue();
        long deadline = System.currentTimeMillis() + 60_000;
        while (dispatched() < periods.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(management.createJobQuery().withException().count()).as("no dispatch failed").isZero();
        assertThat(dispatched()).isEqualTo(periods.size());
        List<String> mails = new ArrayList<>();
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            mails.add(GreenMailUtil.getAddressList(message.getAllRecipients()) + " " + message.getSubject().split(" – ")[0]);
        }
        assertThat(mails).as("each report to each recipient, once").doesNotHaveDuplicates().hasSize(periods.size() * recipients);
        assertThat(fixtures.count("select count(*) from dx_report_dispatch d join dx_consolidated_report r on r.id = d.report_id "
                + "where r.plan_code = ?", PlanFixtures.KESAT)).isEqualTo(periods.size() * recipients);
    }

    private int dispatched() {
        return fixtures.count("select count(*) from dx_consolidated_report where plan_code = ? and status = 'DISPATCHED'",
                PlanFixtures.KESAT);
    }
}
