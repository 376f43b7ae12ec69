package vn.haiphong.dx.form;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The input fields a Camunda Form declares, with the rules form-js enforces in the browser.
 * Parsed from the same form JSON that Tasklist renders, so the browser and the server share one source.
 */
public record FormSchema(String id, List<Field> fields) {

    /** Types whose value a person enters; everything else (text, spacer, group …) only lays out. */
    static final List<String> INPUT_TYPES = List.of(
            "textfield", "textarea", "number", "checkbox", "radio", "select", "checklist", "taglist", "datetime");

    public record Field(String key, String type, String label, boolean required, Double min, Double max,
                        Integer minLength, Integer maxLength, String pattern, String validationType,
                        Integer decimalDigits, String subtype, List<String> options, boolean userEditable,
                        boolean conditional, List<Field> children) {

        boolean isList() {
            return "dynamiclist".equals(type);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FormSchema parse(InputStream json) throws IOException {
        JsonNode root = JSON.readTree(json);
        return new FormSchema(root.path("id").asText(), fields(root.path("components")));
    }

    private static List<Field> fields(JsonNode components) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("group".equals(type)) {
                // A plain group only lays out; its fields bind at the top level.
                fields.addAll(fields(c.path("components")));
            } else if ("dynamiclist".equals(type)) {
                fields.add(new Field(c.path("path").asText(), type, label(c), false, null, null, null, null,
                        null, null, null, null, List.of(), true, c.has("conditional"), fields(c.path("components"))));
            } else if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
                JsonNode v = c.path("validate");
                List<String> options = new ArrayList<>();
                c.path("values").forEach(o -> options.add(o.path("value").asText()));
                boolean editable = !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false);
                fields.add(new Field(c.path("key").asText(), type, label(c), v.path("required").asBoolean(false),
                        number(v, "min"), number(v, "max"), integer(v, "minLength"), integer(v, "maxLength"),
                        text(v, "pattern"), text(v, "validationType"), integer(c, "decimalDigits"),
                        text(c, "subtype"), options, editable, c.has("conditional"), List.of()));
            }
        }
        return fields;
    }

    private static String label(JsonNode c) {
        String label = c.path("label").asText(c.path("dateLabel").asText(""));
        return label.isBlank() ? c.path("key").asText(c.path("path").asText()) : label;
    }

    private static Double number(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).isNumber() ? node.get(name).asDouble() : null;
    }

    private static Integer integer(JsonNode node, String name) {
        return node.hasNonNull(name) && node.get(name).canConvertToInt() ? node.get(name).asInt() : null;
    }

    private static String text(JsonNode node, String name) {
        return node.hasNonNull(name) && !node.get(name).asText().isBlank() ? node.get(name).asText() : null;
    }

    /** Every variable the form binds, including the path of a dynamic list and fields only shown. */
    public List<String> keys() {
        return fields.stream().map(Field::key).toList();
    }

    /** The field bound to a variable, if the form declares one. */
    public java.util.Optional<Field> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
