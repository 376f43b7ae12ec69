package vn.haiphong.dx.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import vn.haiphong.dx.form.FormSchema.Field;

/**
 * The rules a Camunda Form declares, checked on the server: required, type, min/max, length, pattern,
 * options. Works on plain Java values (String, Number, Boolean, List, Map) so it is tested without an engine.
 */
public final class FormRules {

    /** Longest text the engine stores in a string variable; applies when a form declares no maxLength. */
    public static final int DEFAULT_MAX_LENGTH = 4000;

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 .()-]{8,20}$");

    private FormRules() {
    }

    /** Problems in Vietnamese, one per offending field; empty when the values are acceptable. */
    public static List<String> check(FormSchema form, Map<String, ?> values) {
        List<String> problems = new ArrayList<>();
        check(form.fields(), values, "", problems);
        return problems;
    }

    private static void check(List<Field> fields, Map<String, ?> values, String prefix, List<String> problems) {
        for (Field field : fields) {
            if (!field.userEditable()) {
                continue;
            }
            Object value = values.get(field.key());
            String name = prefix + "«" + field.label() + "»";
            if (isEmpty(value)) {
                // A field shown only under a condition may be absent; form-js hides it and its rule.
                if (field.required() && !field.conditional()) {
                    problems.add(name + " là bắt buộc");
                }
                continue;
            }
            String problem = field.isList() ? checkList(field, value, name, problems) : checkValue(field, value);
            if (problem != null) {
                problems.add(name + " " + problem);
            }
        }
    }

    private static String checkList(Field field, Object value, String name, List<String> problems) {
        if (!(value instanceof List<?> rows)) {
            return "phải là một danh sách";
        }
        if (rows.size() > 500) {
            return "có quá nhiều dòng (tối đa 500)";
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                problems.add(name + " dòng " + (i + 1) + " không đúng cấu trúc");
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> cells = (Map<String, ?>) row;
            check(field.children(), cells, name + " dòng " + (i + 1) + ": ", problems);
        }
        return null;
    }

    private static String checkValue(Field field, Object value) {
        return switch (field.type()) {
            case "textfield", "textarea" -> checkText(field, value);
            case "number" -> checkNumber(field, value);
            case "checkbox" -> value instanceof Boolean ? null : "phải là Có hoặc Không";
            case "radio", "select" -> checkOption(field, value);
            case "checklist", "taglist" -> checkOptions(field, value);
            case "datetime" -> checkDateTime(field, value);
            default -> null;
        };
    }

    private static String checkText(Field field, Object value) {
        if (!(value instanceof String text)) {
            return "phải là văn bản";
        }
        int max = field.maxLength() != null ? field.maxLength() : DEFAULT_MAX_LENGTH;
        if (text.length() > max) {
            return "dài " + text.length() + " ký tự, vượt quá giới hạn " + max + " ký tự";
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            return "phải có ít nhất " + field.minLength() + " ký tự";
        }
        if (field.pattern() != null && !matches(field.pattern(), text)) {
            return "không đúng định dạng yêu cầu";
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
            return "không phải địa chỉ thư điện tử hợp lệ";
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
            return "không phải số điện thoại hợp lệ";
        }
        return null;
    }

    /** form-js tests a pattern with RegExp.test: a match anywhere unless the pattern anchors itself. */
    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String checkNumber(Field field, Object value) {
        if (!(value instanceof Number n)) {
            return "phải là một số";
        }
        if ((n instanceof Double d && !Double.isFinite(d)) || (n instanceof Float f && !Float.isFinite(f))) {
            return "phải là một số hữu hạn (không nhận NaN hay Infinity)";
        }
        BigDecimal number = new BigDecimal(n.toString());
        if (field.decimalDigits() != null && number.stripTrailingZeros().scale() > field.decimalDigits()) {
            return field.decimalDigits() == 0 ? "phải là số nguyên" : "có quá " + field.decimalDigits() + " chữ số thập phân";
        }
        if (field.min() != null && number.compareTo(BigDecimal.valueOf(field.min())) < 0) {
            return "không được nhỏ hơn " + plain(field.min());
        }
        if (field.max() != null && number.compareTo(BigDecimal.valueOf(field.max())) > 0) {
            return "không được lớn hơn " + plain(field.max());
        }
        return null;
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String checkOption(Field field, Object value) {
        if (field.options().isEmpty()) {
            return value instanceof String ? null : "phải là văn bản";
        }
        return field.options().contains(String.valueOf(value)) ? null : "có giá trị không nằm trong danh sách lựa chọn";
    }

    private static String checkOptions(Field field, Object value) {
        if (!(value instanceof Collection<?> chosen)) {
            return "phải là danh sách lựa chọn";
        }
        if (!field.options().isEmpty() && !chosen.stream().allMatch(v -> field.options().contains(String.valueOf(v)))) {
            return "có giá trị không nằm trong danh sách lựa chọn";
        }
        return null;
    }

    private static String checkDateTime(Field field, Object value) {
        if (value instanceof java.util.Date) {
            return null;
        }
        if (!(value instanceof String text)) {
            return "phải là ngày (năm-tháng-ngày)";
        }
        try {
            switch (field.subtype() == null ? "date" : field.subtype()) {
                case "time" -> LocalTime.parse(text.length() > 8 ? text.substring(0, 8) : text);
                case "datetime" -> LocalDateTime.parse(text.length() > 19 ? text.substring(0, 19) : text);
                default -> LocalDate.parse(text);
            }
            return null;
        } catch (DateTimeParseException e) {
            return "không phải ngày giờ hợp lệ";
        }
    }

    private static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }
}
