package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A rendered command: what to execute and the extra environment. */
public record ProcessSpec(List<String> argv, Map<String, String> env) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ProcessSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /**
     * The command as a supervised job stores it, {@code {"argv": [...], "env": {...}}}, with the task's
     * environment under its own, so that a restart needs no DAG.
     */
    public String toJson(Map<String, String> taskEnv) {
        Map<String, String> all = new LinkedHashMap<>(taskEnv);
        all.putAll(env);
        ObjectNode o = JSON.createObjectNode();
        o.set("argv", JSON.valueToTree(argv));
        o.set("env", JSON.valueToTree(all));
        return o.toString();
    }

    public static ProcessSpec fromJson(String json) {
        try {
            JsonNode cmd = JSON.readTree(json);
            List<String> argv = new ArrayList<>();
            cmd.get("argv").forEach(x -> argv.add(x.asText()));
            Map<String, String> env = new LinkedHashMap<>();
            cmd.get("env")
                    .fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
            return new ProcessSpec(argv, env);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored command is unreadable: " + e.getMessage(), e);
        }
    }
}
