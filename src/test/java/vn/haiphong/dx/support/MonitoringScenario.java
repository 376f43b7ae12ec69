package vn.haiphong.dx.support;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import vn.haiphong.dx.consolidation.ConsolidatedReportProcess;
import vn.haiphong.dx.delegation.UnitPlanProcess;
import vn.haiphong.dx.escalation.DifficultyProcess;
import vn.haiphong.dx.plan.PlanIssuanceProcess;
import vn.haiphong.dx.plan.PlanService;
import vn.haiphong.dx.reporting.PeriodicReportProcess;

/**
 * Kẻ Sặt's plan in the middle of November 2025, on the exact calendar with the engine's clock moved: October is over
 * (five units on time, Đoàn Thanh niên late after an urging, four not at all — the villages never acknowledged),
 * November is open; Công an xã's urgent difficulty waits for leadership, the schools' for the Office (overdue); the
 * October consolidated report waits for leadership's approval. The clock stays at {@link #NOW} until {@link #reset()}.
 * The schools' difficulty reached the Office on Friday 07/11 with three working days to answer: overdue at {@link #NOW}.
 */
@Component
public class MonitoringScenario {

    public static final String PLAN = PlanFixtures.KESAT;
    public static final Date NOW = at(2025, 11, 13, 9);
    public static final List<String> ON_TIME = List.of("CAX", "VHXH", "TTVH", "TCNS", "VPUB");
    public static final List<String> LATE = List.of("DTN");
    public static final List<String> MISSING = List.of("MTTQ", "PKT", "THON", "TRUONG");

    private final PlanFixtures fixtures;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final FormService forms;
    private final RepositoryService repository;

    MonitoringScenario(PlanFixtures fixtures, TaskService tasks, RuntimeService runtime, IdentityService identity,
                       FormService forms, RepositoryService repository) {
        this.fixtures = fixtures;
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.forms = forms;
        this.repository = repository;
    }

    public void play() {
        ClockUtil.setCurrentTime(at(2025, 10, 2, 9));
        fixtures.freshIssued(PLAN, "29/KH-UBND");
        for (String unit : List.of("VHXH", "TTVH", "PKT", "VPUB", "CAX", "MTTQ", "DTN", "TRUONG", "TCNS")) {
            as(unit, task(UnitPlanProcess.Activities.ACKNOWLEDGE_PLAN, unit, null),
                    Map.of("personInCharge", "Cán bộ phụ trách " + unit, "plannedActivities", "Tháng 10: Tuyên truyền"));
        }
        fixtures.executeJobs();

        ClockUtil.setCurrentTime(at(2025, 11, 3, 9));
        report("CAX", Map.of("residentsVneid", 85, "postsPortal", 1));
        report("VHXH", Map.of("postsPortal", 2, "cashlessBusinesses", 4));
        report("TTVH", Map.of("loudspeakerItems", 3, "bannersPosters", 2));
        report("TCNS", Map.of("residentsVneid", 30, "residentsVssid", 12, "supportPoints", 1));
        report("VPUB", Map.of("meetingsIntegrated", 2));
        difficulty("CAX", "Thiếu điện thoại thông minh để hướng dẫn người cao tuổi cài đặt VNeID", "URGENT");

        ClockUtil.setCurrentTime(at(2025, 11, 7, 9));
        fixtures.executeJobs();
        // The Office's one urging task of October lists every late unit; it urges Đoàn Thanh niên only.
        Task urging = tasks.createTaskQuery().taskDefinitionKey(PlanIssuanceProcess.Activities.URGE_LATE_UNITS).singleResult();
        as("VHXH", urging.getId(), Map.of(PlanIssuanceProcess.UrgingVars.URGING_DECISION, "URGE",
                PlanIssuanceProcess.UrgingVars.URGE_UNITS, org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"DTN\"]").create(),
                PlanIssuanceProcess.UrgingVars.URGING_MESSAGE, "Đề nghị Đoàn Thanh niên xã nộp báo cáo tháng 10 ngay."));
        report("DTN", Map.of("youthActivities", 1));
        String handle = tasks.createTaskQuery().taskDefinitionKey(DifficultyProcess.Activities.HANDLE).singleResult().getId();
        as("VHXH", handle, Map.of(DifficultyProcess.Vars.OFFICE_DECISION, DifficultyProcess.Decisions.TO_LEADERSHIP,
                DifficultyProcess.Vars.OFFICE_ADVICE, "Đề nghị trích kinh phí mua 05 máy"));
        difficulty("TRUONG", "Chưa có máy chiếu để tuyên truyền trong giờ chào cờ", "NORMAL");

        ClockUtil.setCurrentTime(NOW);
        fixtures.executeJobs();
        String compile = tasks.createTaskQuery().taskDefinitionKey(ConsolidatedReportProcess.Activities.COMPILE_REPORT)
                .processVariableValueEquals(ConsolidatedReportProcess.Vars.PERIOD_CODE, "2025-10").singleResult().getId();
        as("VHXH", compile, Map.of(ConsolidatedReportProcess.Vars.REPORT_SUMMARY, "Tình hình chung tháng 10.",
                ConsolidatedReportProcess.Vars.REPORT_ASSESSMENT, "Các đơn vị cơ bản hoàn thành."));
    }

    /** Puts the engine's clock back to real time. */
    public void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    private void report(String unit, Map<String, Object> figures) {
        Map<String, Object> values = new HashMap<>(figures);
        values.putAll(fixtures.progress(PLAN, unit));
        values.put(PeriodicReportProcess.Vars.REPORT_NARRATIVE, "Đơn vị đã triển khai các hoạt động tháng 10.");
        as(unit, task(PeriodicReportProcess.Activities.SUBMIT_REPORT, unit, "2025-10"), values);
    }

    private void difficulty(String unit, String description, String urgency) {
        identity.setAuthentication(user(unit), List.of(group(unit)));
        try {
            forms.submitStartForm(repository.createProcessDefinitionQuery().processDefinitionKey(DifficultyProcess.ID)
                    .latestVersion().singleResult().getId(), Map.of(DifficultyProcess.Vars.DESCRIPTION, description,
                    DifficultyProcess.Vars.URGENCY, urgency, DifficultyProcess.Vars.PROPOSAL, "Đề nghị hỗ trợ thiết bị"));
        } finally {
            identity.clearAuthentication();
        }
    }

    private String task(String activity, String unit, String period) {
        var query = tasks.createTaskQuery().taskDefinitionKey(activity).taskCandidateGroup(group(unit))
                .processVariableValueEquals("planCode", PLAN);
        if (period != null) {
            query.processVariableValueEquals("periodCode", period);
        }
        return query.singleResult().getId();
    }

    private void as(String unit, String taskId, Map<String, Object> values) {
        identity.setAuthentication(user(unit), List.of(group(unit)));
        try {
            tasks.complete(taskId, values);
        } finally {
            identity.clearAuthentication();
        }
    }

    public static String group(String unit) {
        return "kesat-" + unit.toLowerCase();
    }

    public static String user(String unit) {
        return "kesat." + unit.toLowerCase();
    }

    public static Date at(int year, int month, int day, int hour) {
        return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(PlanService.ZONE).toInstant());
    }
}
