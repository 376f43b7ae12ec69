package vn.haiphong.dx.plan;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a field of a plan file is written: the line of a path such as {@code units[3].code}, read from the YAML
 * node tree (the parser that maps the file to a plan keeps no positions). The deepest part of the path that exists
 * gives the line, so a missing field points at its parent.
 */
final class YamlLines {

    private static final Pattern PART = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private final Node root;

    private YamlLines(Node root) {
        this.root = root;
    }

    static YamlLines of(String yaml) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new YamlLines(new Yaml(options).compose(new StringReader(yaml)));
        } catch (RuntimeException e) {
            return new YamlLines(null);
        }
    }

    /** The line (from 1) of a field, or null when the file has no tree to look in. */
    Integer line(String path) {
        if (root == null) {
            return null;
        }
        Node node = root;
        int line = root.getStartMark().getLine();
        Matcher part = PART.matcher(path == null ? "" : path);
        while (part.find()) {
            if (part.group(1) != null) {
                NodeTuple entry = entry(node, part.group(1));
                if (entry == null) {
                    break;
                }
                line = entry.getKeyNode().getStartMark().getLine();
                node = entry.getValueNode();
            } else {
                Node next = item(node, Integer.parseInt(part.group(2)));
                if (next == null) {
                    break;
                }
                line = next.getStartMark().getLine();
                node = next;
            }
        }
        return line + 1;
    }

    private static NodeTuple entry(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple;
                }
            }
        }
        return null;
    }

    private static Node item(Node node, int index) {
        return node instanceof SequenceNode sequence && index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
    }
}
