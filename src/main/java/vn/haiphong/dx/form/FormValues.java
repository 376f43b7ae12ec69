package vn.haiphong.dx.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Submitted variables as plain Java: JSON variables (lists from forms) become lists and maps. */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormValues() {
    }

    public static Object plain(TypedValue typed) {
        if (typed == null || typed.getValue() == null) {
            return null;
        }
        Object value = typed.getValue();
        if (typed.getType() != null && "json".equals(typed.getType().getName())) {
            try {
                return JSON.readValue(value.toString(), Object.class);
            } catch (JsonProcessingException e) {
                return value.toString();
            }
        }
        return value;
    }
}
