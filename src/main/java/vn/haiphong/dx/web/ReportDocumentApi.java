package vn.haiphong.dx.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
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
import vn.haiphong.dx.security.AppUser;
import vn.haiphong.dx.web.monitor.PlanMonitor;

/**
 * Consolidated reports: a stable URL per report and format ({@code /api/reports/{id}/document.pdf|docx}),
 * and the list per plan. Only the issuing agency's focal unit and leadership (and administrators) may read
 * them, as for the plan's monitoring; units and other agencies get 403.
 */
@RestController
class ReportDocumentApi {

    private final ReportDocuments documents;
    private final ConsolidationService consolidation;
    private final PlanMonitor monitor;

    ReportDocumentApi(ReportDocuments documents, ConsolidationService consolidation, PlanMonitor monitor) {
        this.documents = documents;
        this.consolidation = consolidation;
        this.monitor = monitor;
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
        monitor.monitored(AppUser.of(request), code);
        return consolidation.reports(code);
    }

    private ResponseEntity<byte[]> file(long id, ReportDocuments.Format format, HttpServletRequest request) {
        readable(id, AppUser.of(request));
        ReportDocuments.File file = documents.render(id, format);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.name()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.content());
    }

    /** Reports are read by whoever monitors their plan: the agency's focal unit and leadership. */
    private void readable(long id, AppUser user) {
        String planCode = documents.planOf(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Không có báo cáo tổng hợp số " + id));
        monitor.monitored(user, planCode);
    }
}
