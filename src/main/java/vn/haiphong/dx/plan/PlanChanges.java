package vn.haiphong.dx.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import vn.haiphong.dx.plan.PlanDefinition.Target;
import vn.haiphong.dx.plan.PlanDefinition.Task;
import vn.haiphong.dx.shared.Texts;

/**
 * What a draft version changes against the version in force, in lines leadership reads when it reviews an
 * amendment (kế hoạch điều chỉnh, bổ sung): units, tasks, metrics, targets, periods, reporting, recipients, signer.
 */
final class PlanChanges {

    private PlanChanges() {
    }

    static List<String> between(PlanDefinition before, PlanDefinition after) {
        List<String> lines = new ArrayList<>();
        changed(lines, "Tên kế hoạch", before.title(), after.title());
        changed(lines, "Thời gian thực hiện", period(before), period(after));
        changed(lines, "Chủ đề", before.theme(), after.theme());
        changed(lines, "Người ký", before.leadership().signerTitle() + " " + before.leadership().signerName(),
                after.leadership().signerTitle() + " " + after.leadership().signerName());
        compare(lines, "Đơn vị", before.units(), after.units(), PlanDefinition.Unit::code, PlanDefinition.Unit::name,
                (a, b) -> describe("tên", a.name(), b.name()) + describe("chỉ số báo cáo thêm", a.metrics(), b.metrics())
                        + describe("trách nhiệm", a.duties().size() + " mục", b.duties().size() + " mục"));
        compare(lines, "Chỉ số", before.metrics(), after.metrics(), PlanDefinition.Metric::code, PlanDefinition.Metric::label,
                (a, b) -> describe("tên", a.label(), b.label()) + describe("đơn vị tính", a.unit(), b.unit())
                        + describe("loại", a.kind(), b.kind()) + describe("giá trị tối đa", a.max(), b.max()));
        compare(lines, "Nhiệm vụ", before.tasks(), after.tasks(), Task::code, Task::title,
                (a, b) -> describe("tên", a.title(), b.title()) + describe("chủ trì", a.lead(), b.lead())
                        + describe("phối hợp", a.coordinating(), b.coordinating()) + describe("bắt đầu", date(a.start()), date(b.start()))
                        + describe("kết thúc", date(a.end()), date(b.end())) + describe("chỉ tiêu", a.targets(), b.targets()));
        compare(lines, "Chỉ tiêu", before.targets(), after.targets(), Target::code, Target::description,
                (a, b) -> describe("nội dung", a.description(), b.description()) + describe("chỉ số", a.metrics(), b.metrics())
                        + describe("tối thiểu", a.min(), b.min()) + describe("tối đa", a.max(), b.max())
                        + describe("tính theo", a.per(), b.per()) + describe("phạm vi", a.scope(), b.scope())
                        + describe("áp dụng cho", a.appliesTo(), b.appliesTo()) + describe("lịch thay đổi", steps(a), steps(b)));
        compare(lines, "Đợt, sự kiện", before.windows(), after.windows(), PlanDefinition.Window::code, PlanDefinition.Window::name,
                (a, b) -> describe("tên", a.name(), b.name()) + describe("từ", date(a.start()), date(b.start()))
                        + describe("đến", date(a.end()), date(b.end())));
        changed(lines, "Kỳ báo cáo", String.valueOf(before.reporting().cadence()), String.valueOf(after.reporting().cadence()));
        changed(lines, "Hạn nộp báo cáo", due(before.reporting()), due(after.reporting()));
        compare(lines, "Nơi nhận báo cáo", before.recipients(), after.recipients(), PlanDefinition.Recipient::name,
                PlanDefinition.Recipient::name, (a, b) -> describe("thư điện tử", a.email(), b.email()));
        return lines;
    }

    private static <T> void compare(List<String> lines, String what, List<T> before, List<T> after, Function<T, String> code,
                                    Function<T, String> name, java.util.function.BiFunction<T, T, String> differences) {
        Map<String, T> old = index(before, code);
        Map<String, T> now = index(after, code);
        now.forEach((key, item) -> {
            if (!old.containsKey(key)) {
                lines.add(what + " thêm: " + key + " – " + name.apply(item));
            }
        });
        old.forEach((key, item) -> {
            if (!now.containsKey(key)) {
                lines.add(what + " bỏ: " + key + " – " + name.apply(item));
            } else if (!item.equals(now.get(key))) {
                String text = differences.apply(item, now.get(key));
                lines.add(what + " sửa: " + key + " – " + name.apply(now.get(key)) + (text.isEmpty() ? "" : " (" + text.substring(2) + ")"));
            }
        });
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> code) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(code.apply(item), item));
        return map;
    }

    private static String describe(String field, Object before, Object after) {
        return Objects.equals(before, after) ? "" : "; " + field + ": " + text(before) + " → " + text(after);
    }

    private static void changed(List<String> lines, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            lines.add(field + ": " + text(before) + " → " + text(after));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return "(không có)";
        }
        return value instanceof List<?> list ? (list.isEmpty() ? "(không có)" : list.toString().replaceAll("^\\[|]$", "")) : value.toString();
    }

    private static List<String> steps(Target target) {
        return target.schedule().stream().map(step -> "từ " + Texts.DATE.format(step.from())
                + (step.min() == null ? "" : " tối thiểu " + step.min()) + (step.max() == null ? "" : " tối đa " + step.max())).toList();
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? null : Texts.DATE.format(date);
    }

    private static String period(PlanDefinition plan) {
        return Texts.DATE.format(plan.period().start()) + " – " + Texts.DATE.format(plan.period().end());
    }

    private static String due(PlanDefinition.Reporting reporting) {
        return reporting.dueDayOfFollowingMonth() != null ? "ngày " + reporting.dueDayOfFollowingMonth() + " của tháng sau kỳ"
                : reporting.dueDaysAfterPeriodEnd() + " ngày sau khi kết thúc kỳ";
    }
}
