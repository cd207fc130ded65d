package io.dltrigger.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the pipeline runs: one file {@code conf/profiles/NAME.yaml} per deployment ({@code local}, {@code cluster},
 * {@code k8s}) holding the values that differ between them (Spark master, Flink target, data paths), which DAGs
 * use as {@code {{ profile.KEY }}}; a DAG never hard-codes them. One switch selects the profile (see
 * {@link Settings}). A value may use {@code ${VAR}} or {@code ${VAR:-default}} from the engine's environment;
 * the optional {@code pools} mapping sizes the engine's pools for that deployment.
 */
public record Profile(String name, Map<String, String> values, Map<String, Integer> pools) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    public Profile {
        values = Map.copyOf(values);
        pools = Map.copyOf(pools);
    }

    /** No values: DAGs that use {@code {{ profile.* }}} are refused. */
    public static Profile empty(String name) {
        return new Profile(name, Map.of(), Map.of());
    }

    /**
     * {@code HOME/conf/profiles/NAME.yaml}. A missing file is an error unless {@code optional} (the default
     * profile of a home without profiles: the engine's own tests, a bare checkout).
     */
    public static Profile load(Path home, String name, boolean optional, Function<String, String> env) {
        if (!KEY.matcher(name.replace('-', '_')).matches()) {
            throw new IllegalArgumentException("bad profile name '" + name + "'");
        }
        Path file = home.resolve("conf/profiles").resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            if (optional) {
                return empty(name);
            }
            throw new IllegalArgumentException("profile '" + name + "': no file " + file);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": expected a mapping of profile keys to values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> pools = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String key = e.getKey();
            JsonNode v = e.getValue();
            if (key.equals("pools")) {
                if (!v.isObject()) {
                    throw new IllegalArgumentException(file + ": 'pools' must map pool names to slot counts");
                }
                v.properties().forEach(p -> {
                    if (!p.getValue().canConvertToInt() || p.getValue().asInt() < 1) {
                        throw new IllegalArgumentException(
                                file + ": pool '" + p.getKey() + "' needs a slot count >= 1");
                    }
                    pools.put(p.getKey(), p.getValue().asInt());
                });
            } else if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(file + ": key '" + key + "' is not snake_case");
            } else if (!v.isValueNode() || v.isNull()) {
                throw new IllegalArgumentException(file + ": '" + key + "' must be a value");
            } else {
                values.put(key, expand(v.asText(), env, file, key));
            }
        }
        return new Profile(name, values, pools);
    }

    /** The values as the {@code profile} template variable. */
    public ObjectNode asJson() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        values.forEach(o::put);
        return o;
    }

    private static String expand(String text, Function<String, String> env, Path file, String key) {
        Matcher m = VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null || v.isEmpty()) {
                if (m.group(2) == null) {
                    throw new IllegalArgumentException(
                            file + ": '" + key + "' needs the environment variable " + m.group(1));
                }
                v = m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
