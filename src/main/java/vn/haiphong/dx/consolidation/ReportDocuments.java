package vn.haiphong.dx.consolidation;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import vn.haiphong.dx.consolidation.document.DocxRenderer;
import vn.haiphong.dx.consolidation.document.PdfRenderer;
import vn.haiphong.dx.consolidation.document.ReportDocument;
import vn.haiphong.dx.notification.ReportMailer;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.shared.Texts;

/** Consolidated reports as files (DOCX and PDF), and their dispatch to the plan's recipients. */
@Service
public class ReportDocuments {

    public enum Format {
        PDF("application/pdf", "pdf"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    /** A rendered report with the name it is saved under, e.g. "BC-12-BC-SNNMT.pdf". */
    public record File(String name, String contentType, byte[] content) {}

    private final ConsolidationService consolidation;
    private final ConsolidationRepository reports;
    private final Plans catalog;
    private final ReportMailer mailer;
    private final DocxRenderer docx = new DocxRenderer();
    private final PdfRenderer pdf;

    /**
     * Records a recipient's dispatch for good, whatever happens to the job's own transaction afterwards. It takes a
     * second connection while the job holds one: the pool has more connections than job threads (ConnectionBudget).
     */
    private final TransactionTemplate ownTransaction;

    ReportDocuments(ConsolidationService consolidation, ConsolidationRepository reports, Plans catalog, ReportMailer mailer,
                    PlatformTransactionManager transactions, @Value("${dx.documents.font-directory:}") String fontDirectory) {
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.consolidation = consolidation;
        this.reports = reports;
        this.catalog = catalog;
        this.mailer = mailer;
        this.pdf = fontDirectory.isBlank() ? new PdfRenderer() : new PdfRenderer(Path.of(fontDirectory));
    }

    /** The plan a report belongs to, for access checks; empty when there is no such report. */
    public java.util.Optional<String> planOf(long reportId) {
        return reports.find(reportId).map(ConsolidationRepository.Row::planCode);
    }

    public File render(long reportId, Format format) {
        ConsolidationRepository.Row row = consolidation.row(reportId);
        return render(row, document(row), format);
    }

    private File render(ConsolidationRepository.Row row, ReportDocument document, Format format) {
        byte[] content = format == Format.PDF ? pdf.render(document) : docx.render(document);
        return new File(fileName(row, format), format.contentType, content);
    }

    private ReportDocument document(ConsolidationRepository.Row row) {
        PlanDefinition plan = consolidation.planOf(row);
        return DocumentAssembler.assemble(plan, consolidation.planCitation(plan), row, consolidation.compilation(row));
    }

    /**
     * Sends the approved report (PDF and DOCX) to every recipient named in the plan data and records each
     * dispatch. Returns how many recipients it went to.
     *
     * <p>Each recipient's dispatch is recorded in a transaction of its own as soon as the mail has gone: when a
     * later recipient fails and the engine retries the job, the retry sends only to the recipients not yet
     * recorded, so nobody receives the report twice. Two runs at once (a job taken by a second node while the first
     * still ran it) are taken one after the other: the report's row is held until the job's transaction ends.
     */
    int dispatch(long reportId) {
        reports.holdForDispatch(reportId);
        ConsolidationRepository.Row row = consolidation.row(reportId);
        if (row.status() != ConsolidationRepository.Status.APPROVED) {
            throw new IllegalStateException("Consolidated report " + reportId + " is " + row.status() + ", not approved");
        }
        PlanDefinition plan = consolidation.planOf(row);
        Set<Addressee> reached = new HashSet<>();
        reports.dispatches(reportId).forEach(d -> reached.add(new Addressee(d.recipient(), d.address())));
        List<PlanDefinition.Recipient> pending = plan.recipients().stream()
                .filter(recipient -> !reached.contains(new Addressee(recipient.name(), recipient.email()))).toList();
        if (!pending.isEmpty()) {
            mail(reportId, row, plan, pending);
        }
        reports.status(reportId, ConsolidationRepository.Status.DISPATCHED);
        reports.event(reportId, ConsolidationRepository.Status.DISPATCHED, null, "Gửi " + plan.recipients().size() + " nơi nhận: "
                + String.join(", ", plan.recipients().stream().map(PlanDefinition.Recipient::name).toList()));
        return plan.recipients().size();
    }

    /** A recipient as its dispatch is recorded: a retry leaves out those already recorded. */
    private record Addressee(String name, String address) {}

    private void mail(long reportId, ConsolidationRepository.Row row, PlanDefinition plan, List<PlanDefinition.Recipient> recipients) {
        ReportDocument document = document(row);
        List<ReportMailer.Attachment> files = new ArrayList<>();
        for (Format format : Format.values()) {
            File file = render(row, document, format);
            files.add(new ReportMailer.Attachment(file.name(), file.contentType(), file.content()));
        }
        String subject = "Báo cáo số " + row.documentNumber() + " – " + document.subject();
        String body = plan.agency().name() + " gửi " + "Báo cáo số " + row.documentNumber() + " ngày "
                + Texts.DATE.format(row.issuedOn()) + " về " + document.subject()
                + ".\n\nBáo cáo kèm theo thư này (bản PDF và bản DOCX).\n\n" + plan.agency().name();
        for (PlanDefinition.Recipient recipient : recipients) {
            ReportMailer.Outcome outcome = recipient.email() == null ? ReportMailer.ON_PAPER : mailer.send(recipient.email(), subject, body, files);
            ownTransaction.executeWithoutResult(status -> reports.insertDispatch(reportId, new ConsolidationRepository.Dispatch(
                    recipient.name(), recipient.email(), outcome.channel(), OffsetDateTime.now(ZoneOffset.UTC), outcome.reference())));
        }
    }

    private static String fileName(ConsolidationRepository.Row row, Format format) {
        String number = row.documentNumber() == null ? "du-thao-" + row.id() : row.documentNumber().replace('/', '-');
        return "BC-" + number + "." + format.extension;
    }
}
