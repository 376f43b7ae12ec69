package vn.haiphong.dx.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Vietnamese locales of the four webapps keep up with the English ones shipped in the Camunda jar: every
 * key has a non-empty Vietnamese value with the same placeholders and markup. A Camunda upgrade that adds
 * keys fails here.
 */
class LocaleStructureTests {

    private static final String ROOT = "/META-INF/resources/webjars/camunda/app/";
    private static final Pattern TOKENS = Pattern.compile("\\{\\{[^}]*}}|%[sd]|</?[a-z][a-z0-9]*(\\s[^>]*)?/?>");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everyEnglishKeyHasAVietnameseValue() {
        return Stream.of("tasklist", "cockpit", "admin", "welcome").map(app -> DynamicTest.dynamicTest(app, () -> {
            Map<String, String> en = leaves(read(app, "en"));
            Map<String, String> vi = leaves(read(app, "vi"));
            assertThat(en).as("the English locale of %s ships with Camunda", app).isNotEmpty();
            List<String> problems = new ArrayList<>();
            en.forEach((key, english) -> {
                String vietnamese = vi.get(key);
                if (vietnamese == null || (vietnamese.isBlank() && !english.isBlank())) {
                    problems.add(key + ": no Vietnamese value");
                } else if (!tokens(english).equals(tokens(vietnamese))) {
                    problems.add(key + ": placeholders or markup differ: " + tokens(english) + " vs " + tokens(vietnamese));
                }
            });
            assertThat(problems).as("%s/locales/vi.json against en.json (%d keys)", app, en.size()).isEmpty();
        }));
    }

    private static JsonNode read(String app, String locale) throws IOException {
        try (InputStream in = LocaleStructureTests.class.getResourceAsStream(ROOT + app + "/locales/" + locale + ".json")) {
            assertThat(in).as("%s/locales/%s.json on the classpath", app, locale).isNotNull();
            byte[] bytes = in.readAllBytes();
            int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF ? 3 : 0; // the jar's files carry a BOM
            return JSON.readTree(new String(bytes, start, bytes.length - start, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Map<String, String> leaves(JsonNode node) {
        Map<String, String> leaves = new TreeMap<>();
        collect("", node, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(path + "/" + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node.asText());
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKENS.matcher(text);
        while (m.find()) {
            tokens.add(m.group().replaceAll("\\s+", ""));
        }
        tokens.sort(null);
        return tokens;
    }
}
