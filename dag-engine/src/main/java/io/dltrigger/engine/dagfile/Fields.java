package io.dltrigger.engine.dagfile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed access to one YAML mapping of a DAG file; every complaint carries file, line and context. */
final class Fields {
    private final String file;
    private final YamlNode.Mapping map;
    private final String where;

    Fields(String file, YamlNode node, String where) {
        this.file = file;
        this.where = where;
        if (!(node instanceof YamlNode.Mapping m)) {
            throw new DagFileException(file, node.line(), where + ": expected a mapping, got " + node.kind());
        }
        this.map = m;
    }

    int line() {
        return map.line();
    }

    int lineOf(String key) {
        return map.keyLines().getOrDefault(key, map.line());
    }

    DagFileException error(String key, String message) {
        return new DagFileException(file, lineOf(key), where + ": " + message);
    }

    /** Refuses keys outside {@code allowed}, naming the allowed ones. */
    void allowOnly(Set<String> allowed) {
        for (String key : map.entries().keySet()) {
            if (!allowed.contains(key)) {
                throw error(
                        key, "unknown key '" + key + "' (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    /** This mapping without the keys {@code drop}, then with the entries of {@code over} (which win), if any. */
    Fields merged(Set<String> drop, Fields over) {
        LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>(map.entries());
        Map<String, Integer> lines = new java.util.HashMap<>(map.keyLines());
        entries.keySet().removeAll(drop);
        lines.keySet().removeAll(drop);
        if (over != null) {
            entries.putAll(over.map.entries());
            lines.putAll(over.map.keyLines());
        }
        return new Fields(file, new YamlNode.Mapping(entries, lines, map.line()), where);
    }

    /** The keys of this mapping, in file order. */
    List<String> keys() {
        return List.copyOf(map.entries().keySet());
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    YamlNode node(String key) {
        return map.entries().get(key);
    }

    String required(String key) {
        if (!has(key)) {
            throw new DagFileException(file, map.line(), where + ": missing required key '" + key + "'");
        }
        return string(key, null);
    }

    String string(String key, String dflt) {
        YamlNode n = node(key);
        if (n == null) {
            return dflt;
        }
        if (!(n instanceof YamlNode.Scalar s) || s.value() == null) {
            throw error(
                    key, "'" + key + "' must be a value, got " + (n instanceof YamlNode.Scalar ? "nothing" : n.kind()));
        }
        return String.valueOf(s.value());
    }

    int integer(String key, int dflt) {
        YamlNode n = node(key);
        if (n == null) {
            return dflt;
        }
        if (n instanceof YamlNode.Scalar s
                && s.value() instanceof Long l
                && l >= Integer.MIN_VALUE
                && l <= Integer.MAX_VALUE) {
            return l.intValue();
        }
        throw error(key, "'" + key + "' must be an integer");
    }

    /** A number, or null when absent. */
    BigDecimal decimal(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        throw error(key, "'" + key + "' must be a number");
    }

    boolean bool(String key, boolean dflt) {
        YamlNode n = node(key);
        if (n == null) {
            return dflt;
        }
        if (n instanceof YamlNode.Scalar s && s.value() instanceof Boolean b) {
            return b;
        }
        throw error(key, "'" + key + "' must be true or false");
    }

    List<String> strings(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof YamlNode.Scalar s && s.value() != null) {
            return List.of(String.valueOf(s.value())); // a single item needn't be written as a list
        }
        if (!(n instanceof YamlNode.Sequence seq)) {
            throw error(key, "'" + key + "' must be a list");
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            if (!(item instanceof YamlNode.Scalar s) || s.value() == null) {
                throw new DagFileException(
                        file, item.line(), where + ": items of '" + key + "' must be values, got " + item.kind());
            }
            out.add(String.valueOf(s.value()));
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        YamlNode n = node(key);
        if (n == null) {
            return Map.of();
        }
        Fields sub = new Fields(file, n, where + " " + key);
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : sub.map.entries().keySet()) {
            out.put(k, sub.string(k, ""));
        }
        return out;
    }

    Fields sub(String key) {
        return new Fields(file, node(key), where + " " + key);
    }

    static JsonNode toJson(YamlNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n instanceof YamlNode.Mapping m) {
            ObjectNode o = f.objectNode();
            m.entries().forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (n instanceof YamlNode.Sequence s) {
            ArrayNode a = f.arrayNode();
            s.items().forEach(i -> a.add(toJson(i)));
            return a;
        }
        Object v = ((YamlNode.Scalar) n).value();
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Long l) {
            return f.numberNode(l);
        }
        if (v instanceof Double d) {
            return f.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.textNode((String) v);
    }
}
