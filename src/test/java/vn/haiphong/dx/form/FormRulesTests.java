package vn.haiphong.dx.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FormRulesTests {

    private static final String FORM = """
            {"id": "sample", "components": [
              {"type": "text", "text": "Hướng dẫn"},
              {"type": "textfield", "key": "name", "label": "Họ tên", "validate": {"required": true, "maxLength": 10}},
              {"type": "textfield", "key": "symbol", "label": "Số, ký hiệu", "validate": {"pattern": "^[0-9]+/KH$"}},
              {"type": "textarea", "key": "note", "label": "Ghi chú"},
              {"type": "textarea", "key": "shown", "label": "Chỉ đọc", "readonly": true, "validate": {"required": true}},
              {"type": "number", "key": "posts", "label": "Số bài", "decimalDigits": 0, "validate": {"min": 0, "max": 1000}},
              {"type": "radio", "key": "decision", "label": "Quyết định", "values": [{"value": "APPROVE"}, {"value": "RETURN"}]},
              {"type": "checkbox", "key": "hasDifficulty", "label": "Có khó khăn"},
              {"type": "datetime", "key": "issuedOn", "subtype": "date", "dateLabel": "Ngày ban hành"},
              {"type": "dynamiclist", "path": "rows", "label": "Hoạt động", "components": [
                {"type": "number", "key": "month", "label": "Tháng", "validate": {"required": true, "min": 1, "max": 12}}
              ]}
            ]}""";

    private final FormSchema form = parse(FORM);

    @Test
    void acceptsValidValuesAndIgnoresReadonlyFields() {
        assertThat(FormRules.check(form, Map.of("name", "Nguyễn An", "posts", 3, "decision", "APPROVE",
                "hasDifficulty", true, "issuedOn", "2025-10-10", "symbol", "12/KH",
                "rows", List.of(Map.of("month", 10))))).isEmpty();
    }

    @Test
    void requiresRequiredFields() {
        assertThat(FormRules.check(form, Map.of())).containsExactly("«Họ tên» là bắt buộc");
        assertThat(FormRules.check(form, Map.of("name", "   "))).containsExactly("«Họ tên» là bắt buộc");
    }

    @Test
    void refusesWrongTypes() {
        Map<String, Object> values = new HashMap<>(Map.of("name", 42, "posts", "nhiều", "hasDifficulty", "có",
                "issuedOn", "10/10/2025", "rows", "không phải danh sách"));
        assertThat(FormRules.check(form, values)).containsExactlyInAnyOrder(
                "«Họ tên» phải là văn bản", "«Số bài» phải là một số", "«Có khó khăn» phải là Có hoặc Không",
                "«Ngày ban hành» không phải ngày giờ hợp lệ", "«Hoạt động» phải là một danh sách");
    }

    @Test
    void refusesNumbersThatAreNotFiniteOrBeyondTheFieldsRange() {
        for (Object notFinite : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Float.NaN)) {
            assertThat(FormRules.check(form, Map.of("name", "An", "posts", notFinite))).as("%s", notFinite)
                    .containsExactly("«Số bài» phải là một số hữu hạn (không nhận NaN hay Infinity)");
        }
        assertThat(FormRules.check(form, Map.of("name", "An", "posts", Long.MAX_VALUE))).containsExactly("«Số bài» không được lớn hơn 1000");
        assertThat(FormRules.check(form, Map.of("name", "An", "posts", 1e300))).containsExactly("«Số bài» không được lớn hơn 1000");
        assertThat(FormRules.check(form, Map.of("name", "An", "posts", new java.math.BigInteger("9".repeat(40)))))
                .containsExactly("«Số bài» không được lớn hơn 1000");
    }

    @Test
    void enforcesNumbersLimitsLengthsPatternsAndOptions() {
        assertThat(FormRules.check(form, Map.of("name", "An", "posts", -1))).containsExactly("«Số bài» không được nhỏ hơn 0");
        assertThat(FormRules.check(form, Map.of("name", "An", "posts", 1001))).containsExactly("«Số bài» không được lớn hơn 1000");
        assertThat(FormRules.check(form, Map.of("name", "An", "posts", 2.5))).containsExactly("«Số bài» phải là số nguyên");
        assertThat(FormRules.check(form, Map.of("name", "Nguyễn Văn Anh"))).containsExactly("«Họ tên» dài 14 ký tự, vượt quá giới hạn 10 ký tự");
        assertThat(FormRules.check(form, Map.of("name", "An", "symbol", "KH-12"))).containsExactly("«Số, ký hiệu» không đúng định dạng yêu cầu");
        assertThat(FormRules.check(form, Map.of("name", "An", "decision", "DELETE")))
                .containsExactly("«Quyết định» có giá trị không nằm trong danh sách lựa chọn");
    }

    @Test
    void capsTextWithoutDeclaredLengthAtTheEnginesLimit() {
        assertThat(FormRules.check(form, Map.of("name", "An", "note", "x".repeat(FormRules.DEFAULT_MAX_LENGTH)))).isEmpty();
        assertThat(FormRules.check(form, Map.of("name", "An", "note", "x".repeat(FormRules.DEFAULT_MAX_LENGTH + 1))))
                .containsExactly("«Ghi chú» dài 4001 ký tự, vượt quá giới hạn 4000 ký tự");
    }

    @Test
    void checksEveryRowOfADynamicList() {
        assertThat(FormRules.check(form, Map.of("name", "An", "rows", List.of(Map.of("month", 10), Map.of("month", 13), Map.of()))))
                .containsExactly("«Hoạt động» dòng 2: «Tháng» không được lớn hơn 12", "«Hoạt động» dòng 3: «Tháng» là bắt buộc");
    }

    private static FormSchema parse(String json) {
        try {
            return FormSchema.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
