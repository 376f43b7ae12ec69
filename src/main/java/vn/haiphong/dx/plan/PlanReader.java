package vn.haiphong.dx.plan;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.stereotype.Component;

/**
 * Reads a plan file: YAML to {@link PlanDefinition}, then every rule of {@link PlanValidator} and of the
 * {@link PlanRule}s other capabilities add. The first problem stops the reading with a {@link PlanFileException}
 * naming the file as given, the line, the field and the problem in Vietnamese.
 */
@Component
public class PlanReader {

    private static final ObjectMapper YAML = createMapper();

    private final List<PlanRule> rules;

    public PlanReader(List<PlanRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A plan read and checked, with the text it was read from. */
    public record Read(PlanDefinition plan, String text) {}

    public Read read(String file, byte[] bytes) {
        String text = utf8(file, bytes);
        PlanDefinition plan = parse(file, text);
        YamlLines lines = YamlLines.of(text);
        try {
            PlanValidator.validate(plan);
            for (PlanRule rule : rules) {
                rule.check(plan);
            }
        } catch (PlanValidator.Problem problem) {
            throw new PlanFileException(file, lines.line(problem.field()), problem.field(), problem.getMessage());
        }
        return new Read(plan, text);
    }

    /** The text of a plan stored earlier (already checked when it was stored). */
    public static PlanDefinition parseStored(String text) {
        return parse("(đã lưu)", text);
    }

    private static String utf8(String file, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PlanFileException(file, null, null, "tệp trống");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw new PlanFileException(file, null, null, "tệp không phải văn bản mã hóa UTF-8 (hãy lưu lại tệp YAML dưới dạng UTF-8)");
        }
    }

    private static PlanDefinition parse(String file, String text) {
        try {
            PlanDefinition plan = YAML.readValue(text, PlanDefinition.class);
            if (plan == null) {
                throw new PlanFileException(file, null, null, "tệp không có nội dung kế hoạch");
            }
            return plan;
        } catch (JsonMappingException e) {
            // Jackson reports a record's unknown field where the record ends: the field's own line is the YAML's.
            String field = field(e);
            Integer line = field != null ? YamlLines.of(text).line(field) : e.getLocation() == null ? null : e.getLocation().getLineNr();
            throw new PlanFileException(file, line, field, problem(e));
        } catch (JsonProcessingException e) {
            Integer line = e.getLocation() == null ? null : e.getLocation().getLineNr();
            throw new PlanFileException(file, line, null,
                    "sai cú pháp YAML (kiểm tra thụt lề, dấu hai chấm sau tên trường và dấu ngoặc kép quanh văn bản)");
        } catch (IOException e) {
            throw new PlanFileException(file, null, null, "không đọc được tệp");
        }
    }

    private static String field(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return field.isEmpty() ? null : field;
    }

    /** Jackson's reason in words a plan's author understands. */
    private static String problem(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "trường «" + unknown.getPropertyName() + "» không có trong cấu trúc tệp kế hoạch (xem plans/SCHEMA.md); "
                    + "các trường được dùng ở đây: " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", "));
        }
        if (e instanceof InvalidFormatException invalid) {
            Class<?> type = invalid.getTargetType();
            String value = String.valueOf(invalid.getValue());
            if (type == LocalDate.class) {
                return "«" + value + "» không phải ngày hợp lệ (viết năm-tháng-ngày, ví dụ 2025-10-01)";
            }
            if (type.isEnum()) {
                return "«" + value + "» không phải giá trị cho phép; chọn một trong: "
                        + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
            }
            if (type == Integer.class || type == int.class) {
                return "«" + value + "» không phải số nguyên";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "«" + value + "» phải là true hoặc false";
            }
            return "«" + value + "» không đúng kiểu dữ liệu của trường";
        }
        if (e instanceof MismatchedInputException mismatched) {
            Class<?> type = mismatched.getTargetType();
            if (type != null && List.class.isAssignableFrom(type)) {
                return "cần một danh sách (mỗi mục một dòng bắt đầu bằng «- »)";
            }
            if (type == String.class) {
                return "cần một đoạn văn bản";
            }
            if (type == LocalDate.class) {
                return "cần một ngày (năm-tháng-ngày, ví dụ 2025-10-01)";
            }
            if (type == int.class || type == Integer.class) {
                return "cần một số nguyên";
            }
            return "sai cấu trúc: cần " + (type != null && type.isRecord() ? "một nhóm trường (các dòng thụt lề bên dưới)" : "một giá trị khác");
        }
        return "giá trị không đọc được";
    }

    private static ObjectMapper createMapper() {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // Optional lists may be left out of a file; absent means empty, never null.
        mapper.configOverride(List.class).setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));
        return mapper;
    }
}
