package vn.haiphong.dx.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import vn.haiphong.dx.Application;
import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanReviewProcess;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Two application nodes on one PostgreSQL server, as in production (profile {@code postgres}, the configured job
 * executor): started at the same moment on an empty database, both come up; people's work is completed on both
 * and both job executors run jobs; a node dies in the middle of a dispatch, and the other finishes it once the
 * dead node's job lock has expired. The figures printed go into the issue's closing note.
 */
class ClusterTests {

    private static final String PLAN = "kesat-ncds-2025";
    private static final String ADMIN_PASSWORD = "QuanTri-Cluster-2026!";

    /** A moment of the engine's clock (which this test moves back to 2025) on the wall clock the kill was timed by. */
    private static Instant onWallClock(Instant engineMoment) {
        return engineMoment.minusMillis(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis());
    }

    @Test
    void twoNodesStartTogetherOnAnEmptyDatabaseShareTheWorkAndFinishADeadNodesJob() throws Exception {
        // Both nodes live on 01/10/2025 while the seed plan runs (its reporting closed in January 2026); time moves on.
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(Duration.between(Instant.now(),
                java.time.LocalDateTime.of(2025, 10, 1, 9, 0).atZone(vn.haiphong.dx.plan.PlanService.ZONE).toInstant()).toMillis());
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            List<Node> nodes = startTogether(url, "node-a", "node-b");
            Node a = nodes.get(0);
            Node b = nodes.get(1);
            try {
                run(a, b);
            } finally {
                b.context.close();
                a.context.close();
                org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            }
        }
    }

    private void run(Node a, Node b) throws Exception {
        List<String> log = new ArrayList<>();
        log.add(String.format("start-up, both launched at the same moment on an empty database: %s %.1f s (waited %.1f s for the other), "
                        + "%s %.1f s (waited %.1f s)", a.name, seconds(a.startup), seconds(a.waited), b.name, seconds(b.startup),
                seconds(b.waited)));
        assertThat(List.of(a.waited, b.waited)).as("one node waited for the other's start-up").anyMatch(w -> w.toMillis() > 0);
        JdbcClient jdbc = b.bean(JdbcClient.class);
        assertThat(a.session()).as("the node named in its session ids, for the proxy's sticky sessions").endsWith("." + a.name);
        assertThat(b.session()).endsWith("." + b.name);
        assertThat(a.bean(StartupLock.class).held()).as("released once started").isFalse();
        assertThat(jdbc.sql("select count(*) from pg_locks where locktype = 'advisory'").query(Integer.class).single()).isZero();
        List<ProcessDefinition> definitions = b.bean(RepositoryService.class).createProcessDefinitionQuery().list();
        assertThat(definitions).as("the models deployed once, not by each node").allMatch(d -> d.getVersion() == 1).hasSize(8);
        assertThat(jdbc.sql("select code from dx_plan order by code").query(String.class).list())
                .containsExactly("kesat-ncds-2025", "snnmt-tt-cds-2025");

        // People's work on both nodes: the plan's issuance, then every unit's acknowledgement, alternately.
        PlanDefinition plan = a.bean(Plans.class).get(PLAN);
        String office = UnitGroups.unitGroupId(plan.agency().code(), plan.focalUnit());
        String leadership = UnitGroups.leadershipGroupId(plan.agency().code());
        Instant workStart = Instant.now();
        a.complete(office, issuanceTask(a), Map.of(PlanReviewProcess.Vars.DRAFT_NOTE, "Kính trình"));
        b.complete(leadership, issuanceTask(b), Map.of(PlanReviewProcess.Vars.REVIEW_DECISION, "APPROVE"));
        a.complete(office, issuanceTask(a), Map.of(PlanReviewProcess.Vars.DOCUMENT_NUMBER, "29/KH-UBND",
                PlanReviewProcess.Vars.ISSUED_ON, "2025-10-01"));
        List<Task> acknowledgements = waitFor("every unit's acknowledgement task", () -> b.bean(TaskService.class).createTaskQuery()
                .processDefinitionKey(UnitPlanProcess.ID).taskDefinitionKey(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN)
                .processVariableValueEquals(UnitPlanProcess.Vars.PLAN_CODE, PLAN).list(), plan.units().size());
        for (int i = 0; i < acknowledgements.size(); i++) {
            Task task = acknowledgements.get(i);
            String group = b.bean(TaskService.class).getIdentityLinksForTask(task.getId()).get(0).getGroupId();
            (i % 2 == 0 ? a : b).complete(group, task.getId(), Map.of(UnitPlanProcess.Vars.PERSON_IN_CHARGE, "Cán bộ phụ trách",
                    UnitPlanProcess.Vars.PLANNED_ACTIVITIES, "Tháng 10: Tuyên truyền"));
        }
        waitUntil("every acknowledgement recorded by the job executors", Duration.ofSeconds(60), () -> jdbc
                .sql("select count(*) from dx_acknowledgement where plan_code = ?").param(PLAN).query(Integer.class).single()
                == plan.units().size());
        // October's consolidated report, as the plan starts it when the period closes.
        String processInstance = b.bean(RuntimeService.class).createProcessInstanceByKey(ConsolidatedReportProcess.ID).businessKey(PLAN)
                .setVariable(ConsolidatedReportProcess.Vars.PLAN_CODE, PLAN)
                .setVariable(ConsolidatedReportProcess.Vars.PERIOD_CODE, "2025-10")
                .setVariable(ConsolidatedReportProcess.Vars.REPORT_KIND, ConsolidatedReportProcess.Kinds.PERIODIC).execute().getId();
        Task compile = b.bean(TaskService.class).createTaskQuery().processInstanceId(processInstance).singleResult();
        b.complete(office, compile.getId(), Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY, "Tình hình chung.",
                ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, "Đánh giá."));
        log.add(String.format("work: %d tasks completed on %s, %d on %s; jobs run by %s: %d, by %s: %d (%.1f s)", a.completed, a.name,
                b.completed, b.name, a.name, a.jobsRun(), b.name, b.jobsRun(), seconds(Duration.between(workStart, Instant.now()))));
        assertThat(a.completed).isPositive();
        assertThat(b.completed).isPositive();
        assertThat(b.bean(MeterRegistry.class).get("executor.completed").tag("name", "camundaTaskExecutor").functionCounter().count())
                .as("the job executor's threads in the metrics (Spring Boot's executor metrics)").isPositive();
        assertThat(a.jobsRun()).as("jobs run by %s", a.name).isPositive();
        assertThat(b.jobsRun()).as("jobs run by %s", b.name).isPositive();

        // Node A takes the dispatch (B's job executor paused meanwhile) and dies while mailing.
        b.jobExecutor().shutdown();
        a.complete(leadership, waitFor("the report's approval", () -> a.bean(TaskService.class).createTaskQuery()
                .processInstanceId(processInstance).taskDefinitionKey(ConsolidatedReportProcess.Activities.APPROVE_REPORT).list(), 1)
                .get(0).getId(), Map.of(ConsolidatedReportProcess.Vars.APPROVAL_DECISION, ConsolidatedReportProcess.Decisions.APPROVE));
        assertThat(a.mail.entered.await(30, TimeUnit.SECONDS)).as("node A is mailing the report").isTrue();
        Job dispatch = b.bean(ManagementService.class).createJobQuery().processInstanceId(processInstance)
                .activityId(ConsolidatedReportProcess.Activities.DISPATCH_REPORT).singleResult();
        Map<String, Object> lock = jdbc.sql("select lock_owner_, lock_exp_time_ from act_ru_job where id_ = ?").param(dispatch.getId())
                .query().singleRow();
        Instant lockExpires = ((java.sql.Timestamp) lock.get("lock_exp_time_")).toInstant();
        int lockMillis = a.jobExecutor().getLockTimeInMillis();
        assertThat(lock.get("lock_owner_")).isEqualTo(a.jobExecutor().getLockOwner());

        Instant killed = a.kill(jdbc);
        b.jobExecutor().start();
        long reportId = (Long) b.bean(RuntimeService.class)
                .getVariable(processInstance, ConsolidatedReportProcess.Vars.REPORT_ID);
        waitUntil("the dispatch finished by node B", Duration.ofSeconds(90), () -> "DISPATCHED".equals(jdbc
                .sql("select status from dx_consolidated_report where id = ?").param(reportId).query(String.class).single()));
        Instant finished = Instant.now();
        var success = b.bean(HistoryService.class).createHistoricJobLogQuery().jobId(dispatch.getId()).successLog().singleResult();
        log.add(String.format("kill: node A took the dispatch with a %d s lock and was killed %.1f s before the lock expired; "
                        + "node B finished the dispatch %.1f s after the kill (%.1f s after the lock expired); "
                        + "mails: %d sent by node B to %d recipients, %d by node A", lockMillis / 1000,
                seconds(Duration.between(killed, onWallClock(lockExpires))), seconds(Duration.between(killed, finished)),
                seconds(Duration.between(lockExpires, success.getTimestamp().toInstant())), b.mail.sent.size(),
                plan.recipients().size(), a.mail.sent.size()));
        log.forEach(line -> System.out.println("[cluster] " + line));

        assertThat(success.getHostname()).as("the node that finished the dispatch").isEqualTo(b.name);
        assertThat(success.getTimestamp().toInstant()).as("not before the dead node's lock expired").isAfterOrEqualTo(lockExpires);
        assertThat(Duration.between(killed, finished)).as("picked up well under a minute after the kill").isLessThan(Duration.ofSeconds(45));
        assertThat(b.mail.sent).as("each recipient mailed once").containsExactlyInAnyOrderElementsOf(
                plan.recipients().stream().map(PlanDefinition.Recipient::email).toList());
        assertThat(a.mail.sent).isEmpty();
        assertThat(jdbc.sql("select count(*) from dx_report_dispatch where report_id = ?").param(reportId).query(Integer.class).single())
                .isEqualTo(plan.recipients().size());
        assertThat(b.bean(ManagementService.class).createJobQuery().withException().count()).as("no job failed").isZero();
    }

    private static String issuanceTask(Node node) {
        return node.bean(TaskService.class).createTaskQuery().processInstanceBusinessKey(PLAN)
                .processDefinitionKey(PlanReviewProcess.ID).singleResult().getId();
    }

    /** Both nodes launched at the same moment, each in its own thread, as two machines would. */
    private static List<Node> startTogether(String url, String... names) throws Exception {
        CyclicBarrier together = new CyclicBarrier(names.length);
        ExecutorService threads = Executors.newFixedThreadPool(names.length);
        try {
            List<Future<Node>> starts = new ArrayList<>();
            for (String name : names) {
                starts.add(threads.submit(() -> {
                    together.await();
                    return Node.start(name, url);
                }));
            }
            List<Node> nodes = new ArrayList<>();
            for (Future<Node> start : starts) {
                nodes.add(start.get(5, TimeUnit.MINUTES));
            }
            return nodes;
        } finally {
            threads.shutdown();
        }
    }

    private static <T> List<T> waitFor(String what, java.util.function.Supplier<List<T>> query, int count) throws InterruptedException {
        List<List<T>> found = new ArrayList<>(List.of(List.of()));
        waitUntil(what, Duration.ofSeconds(60), () -> {
            found.set(0, query.get());
            return found.get(0).size() >= count;
        });
        return found.get(0);
    }

    private static void waitUntil(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for %s", what).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** An application node: its context, its mail, the tasks people completed on it. */
    private static final class Node {
        final String name;
        final ConfigurableApplicationContext context;
        final TestMail mail;
        final Duration startup;
        final Duration waited;
        int completed;

        private Node(String name, ConfigurableApplicationContext context, TestMail mail, Duration startup) {
            this.name = name;
            this.context = context;
            this.mail = mail;
            this.startup = startup;
            this.waited = context.getBean(StartupLock.class).waited();
        }

        static Node start(String name, String url) {
            TestMail mail = new TestMail(name.equals("node-a"));
            Instant start = Instant.now();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).profiles("postgres")
                    .initializers(c -> ((GenericApplicationContext) c).registerBean("javaMailSender", JavaMailSender.class, () -> mail))
                    .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                            "--spring.datasource.hikari.data-source-properties.ApplicationName=dx-" + name,
                            "--camunda.bpm.generic-properties.properties.hostname=" + name, "--app.cluster.node=" + name,
                            "--app.admin.id=dxadmin", "--app.admin.password=" + ADMIN_PASSWORD,
                            "--dx.mail.from=bao-cao@test.invalid", "--server.port=0",
                            "--logging.level.root=WARN", "--logging.level.vn.haiphong.dx.cluster=INFO");
            return new Node(name, context, mail, Duration.between(start, Instant.now()));
        }

        /** The session id the webapps get from this node (Tasklist's page opens a session for its CSRF token). */
        String session() {
            int port = ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer().getPort();
            var response = new org.springframework.web.client.RestTemplate()
                    .getForEntity("http://localhost:" + port + "/camunda/app/tasklist/default/", String.class);
            return response.getHeaders().getOrEmpty("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';'))).findFirst().orElse("");
        }

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        JobExecutor jobExecutor() {
            return ((ProcessEngineConfigurationImpl) bean(ProcessEngine.class).getProcessEngineConfiguration()).getJobExecutor();
        }

        long jobsRun() {
            return bean(HistoryService.class).createHistoricJobLogQuery().successLog().hostname(name).count();
        }

        void complete(String group, String taskId, Map<String, Object> values) {
            IdentityService identity = bean(IdentityService.class);
            identity.setAuthentication(UnitGroups.demoUserId(group), List.of(group));
            try {
                bean(TaskService.class).complete(taskId, values);
                completed++;
            } finally {
                identity.clearAuthentication();
            }
        }

        /**
         * As a machine that dies: its connections are cut (its open transactions roll back, the jobs it had taken
         * stay locked), then it stops without writing anything more.
         */
        Instant kill(JdbcClient survivor) {
            bean(HikariDataSource.class).close();
            survivor.sql("select pg_terminate_backend(pid) from pg_stat_activity where application_name = ?").param("dx-" + name)
                    .query().listOfRows();
            Instant killed = Instant.now();
            mail.release.countDown();
            context.close();
            return killed;
        }
    }

    /** Records where mails went; node A's first mail hangs until the node is killed, as a mail that never returns. */
    private static final class TestMail extends JavaMailSenderImpl {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final boolean hangs;

        TestMail(boolean hangs) {
            this.hangs = hangs;
        }

        @Override
        protected void doSend(MimeMessage[] messages, Object[] originals) {
            if (hangs) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new MailSendException("the node died while mailing");
            }
            for (MimeMessage message : messages) {
                try {
                    sent.add(((InternetAddress) message.getAllRecipients()[0]).getAddress());
                } catch (MessagingException e) {
                    throw new MailSendException("unreadable recipient", e);
                }
            }
        }
    }
}
