package vn.haiphong.dx.reporting;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.haiphong.dx.form.InputRejectedException;
import vn.haiphong.dx.plan.PlanDefinition;
import vn.haiphong.dx.plan.PlanRepository;
import vn.haiphong.dx.plan.Plans;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * Files a unit attaches to its report of a period as evidence (PDF, images, office documents), kept in the database
 * ({@code dx_report_evidence}), never in process variables. Each file is checked by its name and by its first bytes,
 * so a renamed program is refused; the Office and leadership open them from the monitoring pages and the
 * consolidated report lists them.
 */
@Service
public class EvidenceFiles {

    /** The largest file a unit may attach (the servlet's multipart limit is set a little above). */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** How many files one report may have. */
    public static final int MAX_FILES = 20;

    /** The first bytes of the container formats office documents use. */
    private static final class Magic {
        static final byte[] ZIP = {'P', 'K', 3, 4};
        static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    }

    /** A kind of file people attach: its extensions, its content type, and how its first bytes look. */
    enum Kind {
        PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}, "pdf"),
        PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "png"),
        JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, "jpg", "jpeg"),
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Magic.ZIP, "docx"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Magic.ZIP, "xlsx"),
        PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", Magic.ZIP, "pptx"),
        ODT("application/vnd.oasis.opendocument.text", Magic.ZIP, "odt"),
        ODS("application/vnd.oasis.opendocument.spreadsheet", Magic.ZIP, "ods"),
        DOC("application/msword", Magic.OLE, "doc"),
        XLS("application/vnd.ms-excel", Magic.OLE, "xls");

        final String contentType;
        final byte[] magic;
        final List<String> extensions;

        Kind(String contentType, byte[] magic, String... extensions) {
            this.contentType = contentType;
            this.magic = magic;
            this.extensions = List.of(extensions);
        }

        static Optional<Kind> ofName(String fileName) {
            int dot = fileName.lastIndexOf('.');
            String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.extensions.contains(extension)).findFirst();
        }

        boolean matches(byte[] content) {
            return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
        }
    }

    /** A file as lists show it. */
    public record Evidence(long id, String planCode, String unitCode, String periodCode, String fileName, String contentType,
                           int sizeBytes, String uploadedBy, OffsetDateTime uploadedAt) {

        /** The size as people read it: "245 KB", "1,2 MB". */
        public String size() {
            return sizeBytes < 1024 * 1024 ? Math.max(1, sizeBytes / 1024) + " KB"
                    : String.format(Locale.forLanguageTag("vi"), "%.1f MB", sizeBytes / 1024.0 / 1024.0);
        }
    }

    /** A stored file's content. */
    public record Content(Evidence evidence, byte[] bytes) {}

    private final JdbcClient jdbc;
    private final Plans catalog;
    private final PlanRepository plans;
    private final ReportingService reporting;

    EvidenceFiles(JdbcClient jdbc, Plans catalog, PlanRepository plans, ReportingService reporting) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.plans = plans;
        this.reporting = reporting;
    }

    /** Whether the user reports for the unit (its people, or those of the unit its work was handed to). */
    public boolean reportsFor(String planCode, String unitCode, List<String> groups) {
        PlanDefinition plan = catalog.get(planCode);
        return groups.contains(UnitGroups.unitGroupId(plan.agency().code(), plans.responsibleUnit(planCode, unitCode)));
    }

    /**
     * Attaches a file to the unit's report of the period. Refused: a period or unit the plan does not have, a user who
     * does not report for the unit, an empty, too large or unknown kind of file, a file whose content is not what its
     * name says, more than {@link #MAX_FILES} files.
     */
    @Transactional
    public Evidence attach(String planCode, String unitCode, String periodCode, String fileName, byte[] content, String actor,
                           List<String> groups) {
        PlanDefinition plan = catalog.get(planCode);
        String unitName = plan.unit(unitCode).map(PlanDefinition.Unit::name)
                .orElseThrow(() -> new InputRejectedException("Kế hoạch không có đơn vị «" + unitCode + "»"));
        ReportingPeriod period = reporting.periods(planCode).stream().filter(p -> p.code().equals(periodCode)).findFirst()
                .orElseThrow(() -> new InputRejectedException("Kế hoạch không có kỳ báo cáo «" + periodCode + "»"));
        if (!reportsFor(planCode, unitCode, groups)) {
            throw new InputRejectedException("Người dùng " + actor + " không thuộc " + unitName + " nên không thể đính kèm minh chứng cho đơn vị");
        }
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/]", "_").replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InputRejectedException("Tên tệp phải có từ 1 đến 200 ký tự");
        }
        if (content == null || content.length == 0) {
            throw new InputRejectedException("Tệp «" + name + "» rỗng; hãy chọn tệp có nội dung");
        }
        if (content.length > MAX_BYTES) {
            throw new InputRejectedException("Tệp «" + name + "» lớn hơn giới hạn " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        Kind kind = Kind.ofName(name).orElseThrow(() -> new InputRejectedException("Tệp «" + name
                + "» không thuộc loại được nhận. Chỉ nhận: PDF, ảnh (PNG, JPG), Word (DOC, DOCX), Excel (XLS, XLSX), PowerPoint (PPTX), ODT, ODS"));
        if (!kind.matches(content)) {
            throw new InputRejectedException("Nội dung tệp «" + name + "» không phải tệp " + kind.extensions.get(0).toUpperCase(Locale.ROOT)
                    + " như tên tệp cho biết; hãy kiểm tra lại tệp");
        }
        if (list(planCode, unitCode, periodCode).size() >= MAX_FILES) {
            throw new InputRejectedException("Mỗi báo cáo đính kèm tối đa " + MAX_FILES + " tệp minh chứng");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into dx_report_evidence (plan_code, unit_code, period_code, file_name, content_type, size_bytes, content,
                                                uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(planCode, unitCode, period.code(), name, kind.contentType, content.length, content, actor, now)
                .update();
        return list(planCode, unitCode, periodCode).stream().reduce((a, b) -> b).orElseThrow();
    }

    /** The files of a unit's report of a period, oldest first. */
    public List<Evidence> list(String planCode, String unitCode, String periodCode) {
        return jdbc.sql(SELECT + " where plan_code = ? and unit_code = ? and period_code = ? order by id")
                .params(planCode, unitCode, periodCode).query(EvidenceFiles::row).list();
    }

    /** Every file of the plan (or of one period when {@code periodCode} is given), by unit then time. */
    public List<Evidence> ofPlan(String planCode, String periodCode) {
        return periodCode == null
                ? jdbc.sql(SELECT + " where plan_code = ? order by unit_code, id").param(planCode).query(EvidenceFiles::row).list()
                : jdbc.sql(SELECT + " where plan_code = ? and period_code = ? order by unit_code, id").params(planCode, periodCode)
                .query(EvidenceFiles::row).list();
    }

    public Optional<Content> content(long id) {
        return jdbc.sql("select * from dx_report_evidence where id = ?").param(id)
                .query((rs, n) -> new Content(row(rs, n), rs.getBytes("content"))).optional();
    }

    private static final String SELECT = """
            select id, plan_code, unit_code, period_code, file_name, content_type, size_bytes, uploaded_by, uploaded_at
            from dx_report_evidence""";

    private static Evidence row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Evidence(rs.getLong("id"), rs.getString("plan_code"), rs.getString("unit_code"), rs.getString("period_code"),
                rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"), rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }
}
