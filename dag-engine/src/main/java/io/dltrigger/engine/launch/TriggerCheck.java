package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the check of an asset trigger: a {@code java} or {@code shell} command, built as those task types build
 * theirs, run to its end (killed after {@code timeout}); its output says whether the trigger fires.
 */
public final class TriggerCheck {
    private final ProcessRunner processes;
    private final JavaLauncher java;
    private final ShellLauncher shell;

    public TriggerCheck(ProcessRunner processes) {
        this.processes = processes;
        this.java = new JavaLauncher(processes);
        this.shell = new ShellLauncher(processes);
    }

    /** Blocks until the check ended; {@code vars} are its template variables (also its context file). */
    public Outcome run(
            TaskAction check, JsonNode vars, Path home, TryFiles files, Map<String, String> env, Duration timeout) {
        ProcessSpec spec = check instanceof TaskAction.Java j
                ? java.command(j, vars, home)
                : shell.command((TaskAction.Shell) check, vars, home);
        ProcessLauncher.writeContext(files.contextFile(), vars);
        Cancellation cancel = new Cancellation();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> cancel.cancel("the check timed out after " + timeout, true));
        return processes.run(files, spec, env, (pid, started) -> {}, cancel);
    }
}
