package vn.haiphong.dx.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.reporting.EvidenceFiles;
import vn.haiphong.dx.reporting.ReportingPeriod;
import vn.haiphong.dx.reporting.ReportingService;
import vn.haiphong.dx.web.monitor.People;
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.web.monitor.PlanMonitor;

/**
 * The evidence of a unit's report of a period: the unit attaches files here (Tasklist's forms have no file field; the
 * report form links to this page), the Office and leadership open them. Anyone else is refused.
 */
@Controller
class EvidencePages {

    record Page(String planCode, String planTitle, String unitCode, String unitName, String periodCode, String periodLabel,
                boolean mayAttach, List<EvidenceFiles.Evidence> files, int maxMegabytes, int maxFiles) {}

    private final Plans plans;
    private final EvidenceFiles evidence;
    private final ReportingService reporting;
    private final People people;

    EvidencePages(Plans plans, EvidenceFiles evidence, ReportingService reporting, People people) {
        this.people = people;
        this.plans = plans;
        this.evidence = evidence;
        this.reporting = reporting;
    }

    @GetMapping("/reports/{plan}/{unit}/{period}/evidence")
    String page(@PathVariable String plan, @PathVariable String unit, @PathVariable String period,
                @RequestParam(value = "attached", required = false) String attached, HttpServletRequest request, Model model) {
        model.addAttribute("names", people.names());
        model.addAttribute("page", page(AppUser.of(request), plan, unit, period));
        model.addAttribute("notice", attached == null ? null : "Đã đính kèm tệp «" + attached + "».");
        return "evidence";
    }

    @PostMapping("/reports/{plan}/{unit}/{period}/evidence")
    String attach(@PathVariable String plan, @PathVariable String unit, @PathVariable String period,
                  @RequestParam(value = "file", required = false) MultipartFile file, HttpServletRequest request, Model model) {
        AppUser user = AppUser.of(request);
        Page page = page(user, plan, unit, period);
        try {
            if (file == null || file.isEmpty()) {
                throw new InputRejectedException("Chưa chọn tệp, hoặc tệp rỗng");
            }
            EvidenceFiles.Evidence saved = evidence.attach(plan, unit, period, file.getOriginalFilename(), file.getBytes(),
                    user.id(), user.groups());
            return "redirect:/reports/" + plan + "/" + unit + "/" + period + "/evidence?attached="
                    + URLEncoder.encode(saved.fileName(), StandardCharsets.UTF_8);
        } catch (InputRejectedException e) {
            model.addAttribute("problem", e.getMessage());
        } catch (IOException e) {
            model.addAttribute("problem", "Không đọc được tệp tải lên; chưa lưu gì.");
        }
        model.addAttribute("names", people.names());
        model.addAttribute("page", page);
        return "evidence";
    }

    /** A file, downloaded as it was attached; never shown inline (a file may not steer the page that opens it). */
    @GetMapping("/evidence/{id}")
    ResponseEntity<byte[]> download(@PathVariable long id, HttpServletRequest request) {
        EvidenceFiles.Content content = evidence.content(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có tệp minh chứng này"));
        EvidenceFiles.Evidence file = content.evidence();
        page(AppUser.of(request), file.planCode(), file.unitCode(), file.periodCode());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(content.bytes());
    }

    /** The page's content, if the user reports for the unit or monitors the plan; else 403 (404 for what does not exist). */
    private Page page(AppUser user, String planCode, String unitCode, String periodCode) {
        PlanDefinition plan = plans.find(planCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có kế hoạch " + planCode));
        PlanDefinition.Unit unit = plan.unit(unitCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Kế hoạch không có đơn vị " + unitCode));
        ReportingPeriod period = reporting.periods(planCode).stream().filter(p -> p.code().equals(periodCode)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Kế hoạch không có kỳ báo cáo " + periodCode));
        boolean own = evidence.reportsFor(planCode, unitCode, user.groups());
        if (!own && !PlanMonitor.canMonitor(user, plan)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ " + unit.name() + ", đơn vị đầu mối và lãnh đạo của cơ quan ban hành được xem minh chứng của báo cáo này");
        }
        return new Page(planCode, plan.title(), unitCode, unit.name(), periodCode, period.label(), own,
                evidence.list(planCode, unitCode, periodCode), EvidenceFiles.MAX_BYTES / 1024 / 1024, EvidenceFiles.MAX_FILES);
    }
}
