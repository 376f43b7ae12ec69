package vn.haiphong.dx.web.monitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.reporting.EvidenceFiles;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.security.AppUser;

/**
 * The plan's tasks as the Office and leadership follow them: per task, every unit that leads or coordinates it, the
 * status it gave last and over the periods; and every evidence file the units attached, to open.
 */
@Controller
class PlanTasksPage {

    record EvidenceGroup(String unitName, String periodLabel, List<EvidenceFiles.Evidence> files) {}

    private final Plans plans;
    private final ReportingService reporting;
    private final EvidenceFiles evidence;
    private final PlanSnapshots snapshots;

    PlanTasksPage(Plans plans, ReportingService reporting, EvidenceFiles evidence, PlanSnapshots snapshots) {
        this.plans = plans;
        this.reporting = reporting;
        this.evidence = evidence;
        this.snapshots = snapshots;
    }

    @GetMapping("/monitor/plans/{code}/tasks")
    String tasks(@PathVariable String code, HttpServletRequest request, Model model) {
        PlanDefinition plan = plans.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có kế hoạch " + code));
        if (!PlanMonitor.canMonitor(AppUser.of(request), plan)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Chỉ đơn vị đầu mối và lãnh đạo của cơ quan ban hành được theo dõi kế hoạch này");
        }
        Map<String, String> periods = new LinkedHashMap<>();
        reporting.periods(code).forEach(p -> periods.put(p.code(), p.label()));
        Map<String, EvidenceGroup> groups = new LinkedHashMap<>();
        for (EvidenceFiles.Evidence file : evidence.ofPlan(code, null)) {
            String unitName = plan.unit(file.unitCode()).map(PlanDefinition.Unit::name).orElse(file.unitCode());
            groups.computeIfAbsent(file.unitCode() + "/" + file.periodCode(), k -> new EvidenceGroup(unitName,
                    periods.getOrDefault(file.periodCode(), file.periodCode()), new java.util.ArrayList<>())).files().add(file);
        }
        model.addAttribute("header", snapshots.header(plan, true, "tasks"));
        model.addAttribute("tasks", reporting.taskProgress(code));
        model.addAttribute("evidence", List.copyOf(groups.values()));
        return "monitor/tasks";
    }
}
