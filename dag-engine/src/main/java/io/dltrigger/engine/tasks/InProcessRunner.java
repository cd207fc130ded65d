package io.dltrigger.engine.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.TaskFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/** Runs noop and in-process (Java API) tasks on the worker thread, logging to the try's file. */
public final class InProcessRunner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InProcessRunner() {}

    public static Outcome run(Attempt a, TaskFunction fn, JsonNode ctx, Cancellation cancel) {
        cancel.bind(Thread.currentThread());
        try {
            log(a, "[engine] " + Instant.now() + " try " + a.tryNumber() + " of " + a.label() + " (in process)\n");
            if (fn == null) {
                return Outcome.success(null, null);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> vars = JSON.convertValue(ctx, Map.class);
            JsonNode out = fn.run(vars);
            if (cancel.cancelled()) {
                return new Outcome(false, null, null, cancel.reason(), cancel.retryable());
            }
            return Outcome.success(null, out == null ? null : out.toString());
        } catch (InterruptedException e) {
            return new Outcome(
                    false, null, null, cancel.cancelled() ? cancel.reason() : "interrupted", cancel.retryable());
        } catch (Exception e) {
            log(a, "[engine] failed: " + e + "\n");
            return Outcome.failure(null, e.toString());
        } finally {
            cancel.unbind();
        }
    }

    private static void log(Attempt a, String line) {
        try {
            Files.createDirectories(a.logFile().getParent());
            Files.writeString(
                    a.logFile(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
