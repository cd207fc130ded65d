package io.dltrigger.contract.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * How a stage talks to the DAG engine that runs it, through three files the engine names in the environment
 * (dag-engine/README.md): {@code $DLTRIGGER_OUTPUT}, the task's JSON output (what downstream tasks and the run's
 * report read); {@code $DLTRIGGER_PROGRESS}, its progress ({@code {"done", "total", "unit", "message"}}), shown
 * live by the engine; {@code $DLTRIGGER_CONTEXT}, the task's params and its upstream tasks' outputs and states.
 * Outside the engine the variables are unset and every method does nothing. Files are written under a temporary
 * name and renamed, so the engine never reads half of one.
 */
public final class TaskIo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PROGRESS_EVERY_NANOS = 500_000_000L;
    private static final TaskIo ENVIRONMENT = new TaskIo(System.getenv());

    private final Path output;
    private final Path progress;
    private final Path context;
    private long lastProgress;

    TaskIo(Map<String, String> env) {
        this.output = path(env, "DLTRIGGER_OUTPUT");
        this.progress = path(env, "DLTRIGGER_PROGRESS");
        this.context = path(env, "DLTRIGGER_CONTEXT");
    }

    /** The files of the task this process is. */
    public static TaskIo fromEnvironment() {
        return ENVIRONMENT;
    }

    /** Under the engine: is there an output file to write? */
    public boolean underEngine() {
        return output != null;
    }

    /** Writes the task's output (any value Jackson can write; an object by convention). */
    public void output(Object value) {
        if (output != null) {
            write(output, JSON.valueToTree(value).toString());
        }
    }

    /**
     * Reports progress: {@code done} of {@code total} (0 if unknown) {@code unit}s, and a short message. At most
     * twice a second, except the last step, which is always written.
     */
    public synchronized void progress(long done, long total, String unit, String message) {
        if (progress == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_EVERY_NANOS && (total <= 0 || done < total)) {
            return;
        }
        lastProgress = now;
        ObjectNode o = JSON.createObjectNode()
                .put("done", done)
                .put("total", total)
                .put("unit", unit)
                .put("message", message == null ? "" : message);
        write(progress, o.toString());
    }

    /** The task's context (params, outputs, upstream states), when the engine gave one. */
    public Optional<JsonNode> context() {
        if (context == null || !Files.isRegularFile(context)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(context.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the task context " + context, e);
        }
    }

    private static Path path(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : Path.of(v);
    }

    private static void write(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
