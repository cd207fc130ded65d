package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import java.nio.file.Path;

/**
 * One try as a launcher gets it.
 *
 * @param instance the task instance, as of the start of this try (its try number already counted)
 * @param vars the template variables of this try (run_id, ds, params, outputs, item, ...)
 * @param home the project root (stage modules are found under it)
 * @param cancel how the engine stops the try (timeouts, run timeouts)
 * @param onPid called once a child process runs, so that its pid is durable before the engine waits on it
 */
public record TryStart(
        DagRun run,
        TaskInstance instance,
        TryFiles files,
        ObjectNode vars,
        Path home,
        Cancellation cancel,
        PidListener onPid) {

    /** Receives the pid (and start time, to tell it from a recycled pid) of a try's process. */
    @FunctionalInterface
    public interface PidListener {
        void started(long pid, long startedAtMillis);
    }
}
