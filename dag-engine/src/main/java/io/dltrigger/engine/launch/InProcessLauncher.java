package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskFunction;
import java.time.Instant;
import java.util.Map;

/**
 * {@code in_process} (Java API only): the task's function runs on the worker thread, in the engine's JVM.
 * A try cut by an engine stop is re-queued by the next engine.
 */
public final class InProcessLauncher implements Launcher<TaskAction.InProcess> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Class<TaskAction.InProcess> type() {
        return TaskAction.InProcess.class;
    }

    @Override
    public Work prepare(TaskAction.InProcess action, TryStart start) {
        return new Work.Blocking(() -> run(start.files(), action.function(), start.vars(), start.cancel()));
    }

    /** Runs {@code fn} (nothing when null) on this thread, logging the try to its file. */
    static Outcome run(TryFiles a, TaskFunction fn, JsonNode vars, Cancellation cancel) {
        cancel.bind(Thread.currentThread());
        try {
            ProcessRunner.appendLog(
                    a, "[engine] " + Instant.now() + " try " + a.tryNumber() + " of " + a.label() + " (in process)\n");
            if (fn == null) {
                return Outcome.succeeded(null, null);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> context = JSON.convertValue(vars, Map.class);
            JsonNode out = fn.run(context);
            if (cancel.cancelled()) {
                return Outcome.cancelled(cancel);
            }
            return Outcome.succeeded(null, out == null ? null : out.toString());
        } catch (InterruptedException e) {
            return new Outcome.Failed(null, cancel.cancelled() ? cancel.reason() : "interrupted", cancel.retryable());
        } catch (Exception e) {
            ProcessRunner.appendLog(a, "[engine] failed: " + e + "\n");
            return Outcome.failed(null, e.toString());
        } finally {
            cancel.unbind();
        }
    }
}
