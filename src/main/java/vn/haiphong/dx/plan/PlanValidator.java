package vn.haiphong.dx.plan;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.haiphong.dx.plan.PlanDefinition.Target;
import vn.haiphong.dx.plan.PlanDefinition.TargetPer;
import vn.haiphong.dx.plan.PlanDefinition.Task;
import vn.haiphong.dx.plan.PlanDefinition.Unit;
import vn.haiphong.dx.plan.PlanDefinition.Window;
import vn.haiphong.dx.unit.UnitGroups;

/**
 * The rules every plan's content follows; the first problem found is thrown with the field it is about
 * ({@link PlanReader} adds the file and the line).
 */
final class PlanValidator {

    /** A field of the plan and what is wrong with it. */
    static final class Problem extends RuntimeException {
        private final String field;

        Problem(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static final Set<String> DERIVED_METRICS = PlanDefinition.DERIVED_METRICS;

    private static final Pattern PLAN_CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern UPPER_CODE = Pattern.compile("[A-Z0-9]+");
    private static final Pattern TARGET_CODE = Pattern.compile("[A-Z0-9]+(_[A-Z0-9]+)*");
    private static final Pattern METRIC_CODE = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern SYMBOL = Pattern.compile("[A-ZĐ0-9&]+(-[A-ZĐ0-9&]+)*");
    /** Each pattern in words, for the plan's author. */
    private static final java.util.Map<Pattern, String> SHAPES = java.util.Map.of(
            PLAN_CODE, "chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ phuong-an-bien-cds-2026",
            UPPER_CODE, "chữ in hoa không dấu và chữ số, ví dụ VP",
            TARGET_CODE, "chữ in hoa không dấu, chữ số và dấu gạch dưới, ví dụ POSTS_MONTHLY",
            METRIC_CODE, "bắt đầu bằng chữ thường, chỉ gồm chữ cái không dấu và chữ số, ví dụ postsPortal",
            EMAIL, "một địa chỉ thư điện tử, ví dụ vanthu@haiphong.gov.vn",
            SYMBOL, "chữ in hoa và chữ số nối bằng dấu gạch ngang, ví dụ KH-UBND");

    private PlanValidator() {
    }

    static void validate(PlanDefinition plan) {
        new PlanValidator().check(plan);
    }

    private void check(PlanDefinition p) {
        matches("code", p.code(), PLAN_CODE);
        require("agency", p.agency());
        matches("agency.code", p.agency().code(), UPPER_CODE);
        text("agency.name", p.agency().name());
        text("agency.superiorName", p.agency().superiorName());
        text("agency.place", p.agency().place());
        text("title", p.title());
        matches("documentSymbol", p.documentSymbol(), SYMBOL);
        matches("reportSymbol", p.reportSymbol(), SYMBOL);
        if (p.theme() != null) {
            text("theme", p.theme());
        }
        nonEmpty("legalBasis", p.legalBasis());
        texts("legalBasis", p.legalBasis());
        texts("purposes", p.purposes());
        texts("slogans", p.slogans());
        texts("distribution", p.distribution());

        require("period", p.period());
        require("period.start", p.period().start());
        require("period.end", p.period().end());
        text("period.label", p.period().label());
        ordered("period", p.period().start(), p.period().end());

        Set<String> windowCodes = new HashSet<>();
        for (int i = 0; i < p.windows().size(); i++) {
            Window w = p.windows().get(i);
            String f = "windows[" + i + "]";
            matches(f + ".code", w.code(), PLAN_CODE);
            unique(f + ".code", w.code(), windowCodes);
            text(f + ".name", w.name());
            require(f + ".kind", w.kind());
            require(f + ".start", w.start());
            require(f + ".end", w.end());
            ordered(f, w.start(), w.end());
            within(f, w.start(), w.end(), p);
        }

        require("leadership", p.leadership());
        text("leadership.name", p.leadership().name());
        text("leadership.signerAuthority", p.leadership().signerAuthority());
        text("leadership.signerTitle", p.leadership().signerTitle());
        text("leadership.signerName", p.leadership().signerName());

        nonEmpty("units", p.units());
        Set<String> unitCodes = new HashSet<>();
        for (int i = 0; i < p.units().size(); i++) {
            Unit u = p.units().get(i);
            String f = "units[" + i + "]";
            matches(f + ".code", u.code(), UPPER_CODE);
            if (PlanDefinition.ALL_UNITS.equals(u.code()) || UnitGroups.LEADERSHIP.equals(u.code())) {
                fail(f + ".code", "mã '" + u.code() + "' dành riêng cho hệ thống (tất cả đơn vị / lãnh đạo)");
            }
            unique(f + ".code", u.code(), unitCodes);
            text(f + ".name", u.name());
            texts(f + ".duties", u.duties());
        }
        if (!unitCodes.contains(p.focalUnit())) {
            fail("focalUnit", "không có đơn vị mã '" + p.focalUnit() + "' trong danh sách units");
        }

        Set<String> partnerCodes = new HashSet<>();
        for (int i = 0; i < p.partners().size(); i++) {
            String f = "partners[" + i + "]";
            matches(f + ".code", p.partners().get(i).code(), UPPER_CODE);
            if (unitCodes.contains(p.partners().get(i).code())) {
                fail(f + ".code", "trùng mã với một đơn vị");
            }
            unique(f + ".code", p.partners().get(i).code(), partnerCodes);
            text(f + ".name", p.partners().get(i).name());
        }

        Set<String> metricCodes = new HashSet<>();
        for (int i = 0; i < p.metrics().size(); i++) {
            PlanDefinition.Metric m = p.metrics().get(i);
            String f = "metrics[" + i + "]";
            matches(f + ".code", m.code(), METRIC_CODE);
            if (DERIVED_METRICS.contains(m.code())) {
                fail(f + ".code", "trùng tên chỉ số do hệ thống tự tính");
            }
            unique(f + ".code", m.code(), metricCodes);
            text(f + ".label", m.label());
            require(f + ".kind", m.kind());
            if (m.max() != null && m.max() <= 0) {
                fail(f + ".max", "phải là số nguyên dương");
            }
            if (m.kind() == PlanDefinition.MetricKind.PERCENT && m.max() != null && m.max() > 100) {
                fail(f + ".max", "một tỷ lệ phần trăm không vượt quá 100");
            }
        }
        for (int i = 0; i < p.units().size(); i++) {
            known("units[" + i + "].metrics", p.units().get(i).metrics(), metricCodes);
        }

        Set<String> targetCodes = p.targets().stream().map(Target::code).collect(Collectors.toSet());
        Set<String> taskCodes = new HashSet<>();
        nonEmpty("tasks", p.tasks());
        for (int i = 0; i < p.tasks().size(); i++) {
            Task t = p.tasks().get(i);
            String f = "tasks[" + i + "]";
            matches(f + ".code", t.code(), UPPER_CODE);
            unique(f + ".code", t.code(), taskCodes);
            text(f + ".title", t.title());
            nonEmpty(f + ".lead", t.lead());
            known(f + ".lead", t.lead(), unitCodes);
            known(f + ".coordinating", t.coordinating(), union(unitCodes, partnerCodes));
            if (t.start() != null || t.end() != null) {
                LocalDate start = t.start() != null ? t.start() : p.period().start();
                LocalDate end = t.end() != null ? t.end() : p.period().end();
                ordered(f, start, end);
                within(f, start, end, p);
            }
            if (t.window() != null && !windowCodes.contains(t.window())) {
                fail(f + ".window", "không có cửa sổ thời gian mã '" + t.window() + "'");
            }
            known(f + ".targets", t.targets(), targetCodes);
        }

        Set<String> seenTargets = new HashSet<>();
        for (int i = 0; i < p.targets().size(); i++) {
            Target t = p.targets().get(i);
            String f = "targets[" + i + "]";
            matches(f + ".code", t.code(), TARGET_CODE);
            unique(f + ".code", t.code(), seenTargets);
            text(f + ".description", t.description());
            if (t.label() != null) {
                text(f + ".label", t.label());
            }
            nonEmpty(f + ".metrics", t.metrics());
            known(f + ".metrics", t.metrics(), union(metricCodes, DERIVED_METRICS));
            if (t.min() == null && t.max() == null && t.schedule().isEmpty()) {
                fail(f + ".min", "cần ít nhất một trong hai giá trị min hoặc max (hoặc một lịch «schedule»)");
            }
            bounds(f, t.min(), t.max());
            LocalDate previous = null;
            for (int j = 0; j < t.schedule().size(); j++) {
                PlanDefinition.Step step = t.schedule().get(j);
                String g = f + ".schedule[" + j + "]";
                require(g + ".from", step.from());
                if (step.min() == null && step.max() == null) {
                    fail(g + ".min", "mỗi bước của lịch cần min hoặc max");
                }
                bounds(g, step.min(), step.max());
                within(g + ".from", step.from(), step.from(), p);
                if (previous != null && !step.from().isAfter(previous)) {
                    fail(g + ".from", "các bước của lịch phải theo thứ tự ngày tăng dần");
                }
                previous = step.from();
            }
            require(f + ".per", t.per());
            require(f + ".scope", t.scope());
            if (t.per() == TargetPer.WINDOW) {
                require(f + ".window", t.window());
            }
            if (t.window() != null && !windowCodes.contains(t.window())) {
                fail(f + ".window", "không có cửa sổ thời gian mã '" + t.window() + "'");
            }
            known(f + ".appliesTo", t.appliesTo(), unitCodes);
            if (p.reporting() != null && p.reporting().cadence() != null && !measurable(t.per(), p.reporting().cadence())) {
                fail(f + ".per", "chỉ tiêu tính theo " + t.per() + " nhưng đơn vị báo cáo theo " + p.reporting().cadence()
                        + ": chỉ tiêu sẽ không bao giờ được đánh giá; hãy đổi «per» hoặc «reporting.cadence»");
            }
        }

        require("reporting", p.reporting());
        require("reporting.cadence", p.reporting().cadence());
        if ((p.reporting().dueDaysAfterPeriodEnd() == null) == (p.reporting().dueDayOfFollowingMonth() == null)) {
            fail("reporting.dueDaysAfterPeriodEnd", "cần đúng một trong hai cách tính hạn: dueDaysAfterPeriodEnd (số ngày sau kỳ) "
                    + "hoặc dueDayOfFollowingMonth (ngày cố định của tháng sau kỳ)");
        }
        if (p.reporting().dueDaysAfterPeriodEnd() != null) {
            positive("reporting.dueDaysAfterPeriodEnd", p.reporting().dueDaysAfterPeriodEnd());
        }
        if (p.reporting().dueDayOfFollowingMonth() != null
                && (p.reporting().dueDayOfFollowingMonth() < 1 || p.reporting().dueDayOfFollowingMonth() > 31)) {
            fail("reporting.dueDayOfFollowingMonth", "phải là ngày từ 1 đến 31");
        }
        positive("reporting.finalReportDueDaysAfterEnd", p.reporting().finalReportDueDaysAfterEnd());
        positive("reporting.consolidationDueDays", p.reporting().consolidationDueDays());
        positive("reporting.acknowledgementDueDays", p.reporting().acknowledgementDueDays());
        if (p.reporting().reminderDaysBeforeDue() < 0) {
            fail("reporting.reminderDaysBeforeDue", "không được âm");
        }

        positive("escalation.officeAnswerWorkingDays", p.escalation().officeAnswerWorkingDays());
        positive("escalation.unitInformationWorkingDays", p.escalation().unitInformationWorkingDays());
        positive("escalation.leadershipDecisionWorkingDays", p.escalation().leadershipDecisionWorkingDays());
        positive("escalation.cityDirectionFollowUpDays", p.escalation().cityDirectionFollowUpDays());
        positive("escalation.unitConfirmationWorkingDays", p.escalation().unitConfirmationWorkingDays());

        nonEmpty("recipients", p.recipients());
        for (int i = 0; i < p.recipients().size(); i++) {
            text("recipients[" + i + "].name", p.recipients().get(i).name());
            if (p.recipients().get(i).email() != null) {
                matches("recipients[" + i + "].email", p.recipients().get(i).email(), EMAIL);
            }
        }

        // Never silently wrong: a metric nobody is asked for would be reported by nobody and count as 0.
        for (int i = 0; i < p.metrics().size(); i++) {
            String code = p.metrics().get(i).code();
            if (p.units().stream().noneMatch(u -> p.metricsOf(u.code()).stream().anyMatch(m -> m.code().equals(code)))) {
                fail("metrics[" + i + "].code", "không đơn vị nào được yêu cầu báo cáo chỉ số «" + code + "»: hãy dùng nó trong một "
                        + "chỉ tiêu (targets[].metrics) hoặc ghi nó vào danh sách units[].metrics của đơn vị báo cáo");
            }
        }
    }

    /** Whether a target measured per this unit of time is ever measured by reports of this cadence. */
    static boolean measurable(TargetPer per, PlanDefinition.Cadence cadence) {
        return switch (per) {
            case MONTH -> cadence == PlanDefinition.Cadence.MONTHLY;
            case QUARTER -> cadence == PlanDefinition.Cadence.MONTHLY || cadence == PlanDefinition.Cadence.QUARTERLY;
            case HALF_YEAR -> cadence != PlanDefinition.Cadence.YEARLY;
            default -> true;
        };
    }

    private void bounds(String field, Integer min, Integer max) {
        if (min != null && max != null && min > max) {
            fail(field + ".max", "max (" + max + ") nhỏ hơn min (" + min + ")");
        }
        if (min != null && min < 0) {
            fail(field + ".min", "không được âm");
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private void known(String field, List<String> codes, Set<String> allowed) {
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!PlanDefinition.ALL_UNITS.equals(code) && !allowed.contains(code)) {
                fail(field + "[" + i + "]", "mã '" + code + "' không được khai báo trong tệp");
            }
        }
    }

    private void within(String field, LocalDate start, LocalDate end, PlanDefinition p) {
        if (start.isBefore(p.period().start()) || end.isAfter(p.period().end())) {
            fail(field, "thời gian " + vn.haiphong.dx.shared.Texts.DATE.format(start) + " – " + vn.haiphong.dx.shared.Texts.DATE.format(end)
                    + " nằm ngoài thời gian thực hiện kế hoạch");
        }
    }

    private void ordered(String field, LocalDate start, LocalDate end) {
        if (end.isBefore(start)) {
            fail(field + ".end", "ngày kết thúc " + vn.haiphong.dx.shared.Texts.DATE.format(end) + " trước ngày bắt đầu "
                    + vn.haiphong.dx.shared.Texts.DATE.format(start));
        }
    }

    private void positive(String field, Integer value) {
        if (value == null || value <= 0) {
            fail(field, "phải là số nguyên dương");
        }
    }

    private void unique(String field, String code, Set<String> seen) {
        if (!seen.add(code)) {
            fail(field, "mã '" + code + "' bị trùng");
        }
    }

    private void matches(String field, String value, Pattern pattern) {
        text(field, value);
        if (!pattern.matcher(value).matches()) {
            fail(field, "giá trị «" + value + "» không đúng dạng: " + SHAPES.get(pattern));
        }
    }

    private void texts(String field, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            text(field + "[" + i + "]", values.get(i));
        }
    }

    private void text(String field, String value) {
        if (value == null || value.isBlank()) {
            fail(field, "bắt buộc phải có nội dung");
        }
    }

    private void nonEmpty(String field, Collection<?> values) {
        if (values == null || values.isEmpty()) {
            fail(field, "bắt buộc phải có ít nhất một mục");
        }
    }

    private void require(String field, Object value) {
        if (value == null) {
            fail(field, "bắt buộc phải có");
        }
    }

    private void fail(String field, String problem) {
        throw new Problem(field, problem);
    }
}
