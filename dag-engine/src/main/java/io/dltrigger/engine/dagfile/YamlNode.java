package io.dltrigger.engine.dagfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the line it starts on, so that errors point into the file. */
public sealed interface YamlNode {
    int line();

    /** Human name of the node's kind, for "expected a list, got a scalar". */
    String kind();

    /** A mapping; {@code keyLines} gives the line of each key. */
    record Mapping(LinkedHashMap<String, YamlNode> entries, Map<String, Integer> keyLines, int line)
            implements YamlNode {
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: String, Long, Double, Boolean or null. */
    record Scalar(Object value, int line) implements YamlNode {
        public String kind() {
            return "a value";
        }
    }
}
