package io.dltrigger.engine.launch.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.launch.TryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A kubernetes try's counterpart of a process try's pid file, beside its log ({@code try-N.k8s.json}): the object's
 * kind, namespace and name, the rendered manifest, whether it was submitted, the try's settings (and its output
 * file), and how many bytes
 * of each pod's log are already in the task log. Written (atomically) before the object is created, so that an
 * engine that restarts re-attaches to the object, or creates it if the create never happened, and never creates
 * it twice.
 */
public record TryHandle(
        String dagId,
        ObjectKind kind,
        String namespace,
        String name,
        ObjectNode manifest,
        boolean submitted,
        Duration pollInterval,
        Duration runningAfter,
        int maxRestarts,
        String output,
        Map<String, Long> logOffsets) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TryHandle {
        logOffsets = Map.copyOf(logOffsets);
    }

    public static Path file(TryFiles files) {
        String log = files.logFile().getFileName().toString().replaceFirst("\\.log$", "");
        return files.logFile().resolveSibling(log + ".k8s.json");
    }

    public TryHandle asSubmitted() {
        return new TryHandle(
                dagId,
                kind,
                namespace,
                name,
                manifest,
                true,
                pollInterval,
                runningAfter,
                maxRestarts,
                output,
                logOffsets);
    }

    public TryHandle withLogOffsets(Map<String, Long> offsets) {
        return new TryHandle(
                dagId,
                kind,
                namespace,
                name,
                manifest,
                submitted,
                pollInterval,
                runningAfter,
                maxRestarts,
                output,
                offsets);
    }

    /** {@code {"kind": ..., "namespace": ..., "name": ...}}: the object, for the task's output and supervision. */
    public ObjectNode object() {
        return object(kind, namespace, name);
    }

    static ObjectNode object(ObjectKind kind, String namespace, String name) {
        ObjectNode o = JSON.createObjectNode();
        o.put("api_version", kind.apiVersion());
        o.put("kind", kind.kind());
        o.put("namespace", namespace);
        o.put("name", name);
        return o;
    }

    public String describe() {
        return kind.kind() + " " + namespace + "/" + name;
    }

    /** Writes the handle through a temporary file: a crash leaves the old one or the new one, never half. */
    public void write(TryFiles files) {
        ObjectNode o = object();
        o.put("dag_id", dagId);
        o.set("manifest", manifest);
        o.put("submitted", submitted);
        o.put("poll_interval_ms", pollInterval.toMillis());
        o.put("running_after_ms", runningAfter.toMillis());
        o.put("max_restarts", maxRestarts);
        if (output != null) {
            o.put("output", output);
        }
        ObjectNode logs = o.putObject("logs");
        logOffsets.forEach(logs::put);
        Path f = file(files);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.writeString(tmp, o.toString());
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    /** The handle a try left, if it got as far as writing one. */
    public static Optional<TryHandle> read(TryFiles files) {
        Path f = file(files);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            JsonNode o = JSON.readTree(f.toFile());
            ObjectKind kind = ObjectKind.of(
                            o.path("api_version").asText(), o.path("kind").asText())
                    .orElseThrow(() -> new IllegalStateException(f + ": unknown kind " + o.path("kind")));
            Map<String, Long> offsets = new LinkedHashMap<>();
            o.path("logs")
                    .properties()
                    .forEach(e -> offsets.put(e.getKey(), e.getValue().asLong()));
            return Optional.of(new TryHandle(
                    o.path("dag_id").asText(),
                    kind,
                    o.path("namespace").asText(),
                    o.path("name").asText(),
                    (ObjectNode) o.get("manifest"),
                    o.path("submitted").asBoolean(),
                    Duration.ofMillis(o.path("poll_interval_ms").asLong()),
                    Duration.ofMillis(o.path("running_after_ms").asLong()),
                    o.path("max_restarts").asInt(),
                    o.hasNonNull("output") ? o.get("output").asText() : null,
                    offsets));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }
}
