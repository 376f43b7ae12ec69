package vn.haiphong.dx.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.haiphong.dx.consolidation.ConsolidatedReportView;
import vn.haiphong.dx.consolidation.ConsolidationService;
import vn.haiphong.dx.consolidation.ReportDocuments;
import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanCatalog;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.security.AppUser;

/**
 * Consolidated reports: a stable URL per report and format ({@code /api/reports/{id}/document.pdf|docx}),
 * and the list per plan. Only the issuing agency's focal unit and leadership (and administrators) may read
 * them; units and other agencies get 403.
 */
@RestController
class ReportDocumentApi {

    private final ReportDocuments documents;
    private final ConsolidationService consolidation;
    private final PlanCatalog catalog;

    ReportDocumentApi(ReportDocuments documents, ConsolidationService consolidation, PlanCatalog catalog) {
        this.documents = documents;
        this.consolidation = consolidation;
        this.catalog = catalog;
    }

    @GetMapping("/api/reports/{id}/document.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, HttpServletRequest request) {
        return file(id, ReportDocuments.Format.PDF, request);
    }

    @GetMapping("/api/reports/{id}/document.docx")
    ResponseEntity<byte[]> docx(@PathVariable long id, HttpServletRequest request) {
        return file(id, ReportDocuments.Format.DOCX, request);
    }

    @GetMapping("/api/reports/{id}")
    ConsolidatedReportView report(@PathVariable long id, HttpServletRequest request) {
        readable(id, AppUser.of(request));
        return consolidation.report(id);
    }

    @GetMapping("/api/plans/{code}/reports")
    List<ConsolidatedReportView> reports(@PathVariable String code, HttpServletRequest request) {
        PlanDefinition plan = catalog.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có kế hoạch " + code));
        requireMonitor(AppUser.of(request), plan);
        return consolidation.reports(code);
    }

    private ResponseEntity<byte[]> file(long id, ReportDocuments.Format format, HttpServletRequest request) {
        readable(id, AppUser.of(request));
        ReportDocuments.File file = documents.render(id, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    private void readable(long id, AppUser user) {
        String planCode;
        try {
            planCode = documents.planOf(id);
        } catch (InputRejectedException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
        requireMonitor(user, catalog.get(planCode));
    }

    private static void requireMonitor(AppUser user, PlanDefinition plan) {
        if (!PlanMonitor.canMonitor(user, plan)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Chỉ đơn vị đầu mối và lãnh đạo của cơ quan ban hành được xem báo cáo tổng hợp này");
        }
    }
}
