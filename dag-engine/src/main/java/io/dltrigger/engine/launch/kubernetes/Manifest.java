package io.dltrigger.engine.launch.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.dagfile.DagFileException;
import io.dltrigger.engine.dagfile.YamlNode;
import io.dltrigger.engine.dagfile.YamlReader;
import io.dltrigger.engine.template.Template;
import io.dltrigger.engine.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * A kubernetes task's manifest file, rendered for one try. Templates are rendered inside each string value of the
 * parsed YAML, never in its text, so a value cannot add fields or change the object's structure. Values from
 * outside the DAG file (trigger parameters, upstream outputs, mapped items) may only become argv entries
 * ({@code args}, {@code arguments}) or environment values ({@code env[].value}): elsewhere (a command, an image,
 * Spark or JVM options) a value could change what runs.
 */
public final class Manifest {
    private static final Set<String> OUTSIDE = Set.of("params", "outputs", "item");
    private static final Set<String> ARGV_KEYS = Set.of("args", "arguments");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Manifest() {}

    /** The object of {@code file}, its templates rendered with {@code vars}; refused with the file and line. */
    public static ObjectNode render(Path file, JsonNode vars) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("manifest " + file + ": cannot read: " + e.getMessage(), e);
        }
        YamlNode root;
        try {
            root = YamlReader.read(file.toString(), text);
        } catch (DagFileException e) {
            throw new IllegalArgumentException("manifest " + e.getMessage(), e);
        }
        if (!(root instanceof YamlNode.Mapping)) {
            throw new IllegalArgumentException("manifest " + file + ":" + root.line() + ": expected one object");
        }
        return (ObjectNode) render(root, "", false, file, vars);
    }

    private static JsonNode render(YamlNode n, String key, boolean argvItem, Path file, JsonNode vars) {
        if (n instanceof YamlNode.Mapping m) {
            ObjectNode o = F.objectNode();
            boolean envEntry = key.equals("env[]");
            m.entries().forEach((k, v) -> o.set(k, render(v, k, envEntry && k.equals("value"), file, vars)));
            return o;
        }
        if (n instanceof YamlNode.Sequence s) {
            ArrayNode a = F.arrayNode();
            boolean argv = ARGV_KEYS.contains(key);
            s.items().forEach(i -> a.add(render(i, key + "[]", argv, file, vars)));
            return a;
        }
        Object v = ((YamlNode.Scalar) n).value();
        if (v == null) {
            return F.nullNode();
        }
        if (v instanceof Long l) {
            return F.numberNode(l);
        }
        if (v instanceof Double d) {
            return F.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return F.booleanNode(b);
        }
        String text = (String) v;
        try {
            for (List<String> ref : Template.references(text)) {
                if (OUTSIDE.contains(ref.get(0)) && !argvItem) {
                    throw new IllegalArgumentException("manifest " + file + ":" + n.line() + ": {{ "
                            + String.join(".", ref) + " }} under '" + key.replace("[]", "")
                            + "': values from parameters, outputs and items may only be args, arguments or env"
                            + " values (elsewhere a value could change what runs)");
                }
            }
            return F.textNode(Template.render(text, vars));
        } catch (TemplateException e) {
            throw new IllegalArgumentException("manifest " + file + ":" + n.line() + ": " + e.getMessage(), e);
        }
    }
}
