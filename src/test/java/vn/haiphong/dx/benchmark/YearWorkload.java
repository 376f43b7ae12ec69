package vn.haiphong.dx.benchmark;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * A reporting year driven as its people drive it, through the engine's public Java API (what Tasklist's REST
 * calls end in): the Office submits each plan, leadership approves, the Office records the issuance, every unit
 * acknowledges; then month by month the engine clock reaches the period's opening, the job executor opens every
 * unit's report, each unit submits its figures (one in twenty with a difficulty, which the Office answers and the
 * unit confirms), the last report of an agency starts its consolidated report, which the Office completes,
 * leadership approves, and the job executor numbers and dispatches. After December every unit submits its final
 * report and the final consolidated report ends each plan.
 *
 * <p>Each "user" is a thread that completes whatever task is open with the values a person would enter, as the
 * member of the task's candidate group, so every authorization check and form rule runs.
 */
final class YearWorkload {

    static final double DIFFICULTY_RATE = 0.05;

    /** What one window of the year cost. */
    record Window(String name, int reports, int tasks, double seconds, BenchmarkDatabase.Counters database, long appCpuMillis) {

        double cyclesPerSecond() {
            return reports / seconds;
        }

        double tasksPerSecond() {
            return tasks / seconds;
        }
    }

    private final ProcessEngine engine;
    private final HikariDataSource pool;
    private final java.io.PrintStream progress;
    /** Every group of the benchmark's agencies: units and leadership. */
    private final List<String> groups = new ArrayList<>();
    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;
    private final ManagementService management;
    private final BenchmarkDatabase database;
    private final String databaseName;
    private final BenchmarkPreset preset;
    private final ExecutorService users;
    private final Map<String, Function<Task, Map<String, Object>>> answers = new HashMap<>();
    /** Nanoseconds each task completion took, all windows. */
    final Queue<Long> completionNanos = new ConcurrentLinkedQueue<>();
    final List<Window> windows = new ArrayList<>();

    /** The reports of every window so far: the year's, once it has run. */
    int reports() {
        return windows.stream().mapToInt(Window::reports).sum();
    }

    YearWorkload(ProcessEngine engine, HikariDataSource pool, BenchmarkDatabase database, String databaseName,
                 BenchmarkPreset preset, int threads, java.io.PrintStream progress, Plans catalog) {
        this.progress = progress;
        for (PlanDefinition plan : catalog.all()) {
            if (!plan.code().startsWith(PlanFiles.PREFIX)) {
                continue;  // the seed plans stay drafts
            }
            plan.units().forEach(unit -> groups.add(UnitGroups.unitGroupId(plan.agency().code(), unit.code())));
            groups.add(UnitGroups.leadershipGroupId(plan.agency().code()));
        }
        this.engine = engine;
        this.pool = pool;
        this.tasks = engine.getTaskService();
        this.forms = engine.getFormService();
        this.identity = engine.getIdentityService();
        this.management = engine.getManagementService();
        this.database = database;
        this.databaseName = databaseName;
        this.preset = preset;
        this.users = Executors.newFixedThreadPool(threads);
        AtomicInteger documents = new AtomicInteger();
        answers.put("Task_SubmitPlanDraft", task -> Map.of("draftNote", "Kính trình lãnh đạo ban hành Kế hoạch."));
        answers.put("Task_ReviewPlanDraft", task -> Map.of("reviewDecision", "APPROVE"));
        answers.put("Task_RecordPlanIssuance", task -> Map.of("documentNumber", documents.incrementAndGet() + "/KH-UBND",
                "issuedOn", LocalDate.now(PlanService.ZONE).toString(), "signerName", "Phạm Thị Thu Hiền", "signerTitle", "PHÓ CHỦ TỊCH"));
        answers.put("Task_AcknowledgePlan", task -> Map.of("personInCharge", "Cán bộ phụ trách",
                "plannedActivities", "Tháng 1: Tuyên truyền, hướng dẫn người dân cài đặt VNeID"));
        answers.put("Task_SubmitPeriodicReport", task -> report());
        answers.put("Task_HandleDifficulty", task -> Map.of("officeDecision", "ANSWER",
                "officeAnswer", "Trung tâm Văn hóa, Thể thao và Truyền thông cho mượn thiết bị."));
        answers.put("Task_ConfirmResolution", task -> Map.of("resolved", "YES"));
        answers.put("Task_CompileReport", task -> Map.of("reportSummary", "Các đơn vị đã triển khai Kế hoạch.",
                "reportAssessment", "Các đơn vị hoàn thành chỉ tiêu của tháng."));
        answers.put("Task_ApproveReport", task -> Map.of("approvalDecision", "APPROVE"));
        answers.put("Task_SubmitFinalReport", task -> Map.of("finalSummary", "Hoàn thành các nhiệm vụ được giao.",
                "selfAssessment", "COMPLETED"));
    }

    private static Map<String, Object> report() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> values = new HashMap<>(Map.of("residentsVneid", random.nextInt(10, 200),
                "postsPortal", random.nextInt(0, 5), "postsFanpage", random.nextInt(0, 8), "meetingsIntegrated", random.nextInt(0, 4),
                "loudspeakerItems", random.nextInt(0, 10), "reportNarrative", "Đơn vị đã triển khai các hoạt động của tháng theo Kế hoạch."));
        // The plan's tasks are T01 … T17: each unit's form asks the status of those it leads or coordinates.
        for (int task = 1; task <= 17; task++) {
            values.put(String.format("progress_T%02d", task), random.nextDouble() < 0.8 ? "IN_PROGRESS" : "DONE");
        }
        if (random.nextDouble() < DIFFICULTY_RATE) {
            values.put("hasDifficulty", true);
            values.put("difficultyDescription", "Thiếu thiết bị để hướng dẫn người cao tuổi cài đặt ứng dụng.");
            values.put("difficultyProposal", "Đề nghị hỗ trợ 02 máy tính bảng.");
        }
        return values;
    }

    /** The whole year: issuance and acknowledgements, twelve months, the final reports. */
    void run() throws Exception {
        // Issued today (an issuance date may not lie in the future), for the year ahead.
        window("issuance and acknowledgement", 0, null);
        for (int month = 1; month <= BenchmarkPreset.MONTHS; month++) {
            window(String.format("%02d/%d", month, PlanFiles.YEAR), preset.reportsPerMonth(), LocalDate.of(PlanFiles.YEAR, month, 1));
        }
        window("final reports", preset.reportsPerMonth(), LocalDate.of(PlanFiles.YEAR + 1, 1, 11));
        users.shutdown();
        // A job that failed (a dispatch, a timer) would end a window early without a word: a year with one is void.
        long failed = management.createJobQuery().withException().count();
        if (failed > 0) {
            throw new IllegalStateException(failed + " jobs failed during the year, e.g. "
                    + management.createJobQuery().withException().listPage(0, 1).get(0).getExceptionMessage());
        }
    }

    /** The engine's clock at 08:00 in Hải Phòng that day; the job executor is woken to look for due timers. */
    private void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(day, java.time.LocalTime.of(8, 0)).atZone(PlanService.ZONE).toInstant()));
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
    }

    /**
     * Moves the clock to the day (if any), then works every open task until nothing is left to do: no task, no
     * job due.
     */
    private void window(String name, int reports, LocalDate day) throws Exception {
        flushStatistics();
        BenchmarkDatabase.Counters before = database.counters(databaseName);
        long cpuBefore = appCpuMillis();
        long start = System.nanoTime();
        if (day != null) {
            at(day);
        }
        int completed = 0;
        int idle = 0;
        while (true) {
            // The tasks of the benchmark's own agencies, as their people's task lists show them (a backlog of other
            // agencies' tasks may be in the database).
            List<Task> open = tasks.createTaskQuery().active().taskCandidateGroupIn(groups).listPage(0, 400);
            if (open.isEmpty()) {
                if (management.createJobQuery().executable().count() == 0 && ++idle > 3) {
                    break;
                }
                Thread.sleep(20);
                continue;
            }
            idle = 0;
            List<Task> shuffled = new ArrayList<>(open);
            Collections.shuffle(shuffled);
            List<Callable<Void>> work = new ArrayList<>();
            for (Task task : shuffled) {
                work.add(() -> {
                    complete(task);
                    return null;
                });
            }
            for (var done : users.invokeAll(work)) {
                done.get();
            }
            completed += open.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpu = appCpuMillis() - cpuBefore;
        flushStatistics();
        Window window = new Window(name, reports, completed, seconds, database.counters(databaseName).minus(before), cpu);
        windows.add(window);
        progress.printf(java.util.Locale.ROOT, "  %-30s %6d reports %6d tasks %8.1f s%n", name, reports, completed, seconds);
    }

    private void complete(Task task) {
        Function<Task, Map<String, Object>> answer = answers.get(task.getTaskDefinitionKey());
        if (answer == null) {
            throw new IllegalStateException("The benchmark has no answer for " + task.getTaskDefinitionKey() + ": " + task.getName());
        }
        String group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink::getGroupId)
                .findFirst().orElseThrow();
        long start = System.nanoTime();
        identity.setAuthentication(group.replace('-', '.'), List.of(group));
        try {
            forms.submitTaskForm(task.getId(), answer.apply(task));
        } finally {
            identity.clearAuthentication();
        }
        completionNanos.add(System.nanoTime() - start);
    }

    /**
     * A backend publishes its statistics to pg_stat_database a second after a busy transaction's end or ten
     * seconds after an idle one, or when it ends: the pool's idle connections are closed (and opened again when
     * needed) so that the counters are complete.
     */
    private void flushStatistics() throws InterruptedException {
        pool.getHikariPoolMXBean().softEvictConnections();
        Thread.sleep(1_500);
    }

    static long appCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }
}
