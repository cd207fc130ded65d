package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code branch}: its command runs as a shell task's; its output names the downstream tasks to run, which the
 * run advancer reads when the try succeeds.
 */
public final class BranchLauncher extends ProcessLauncher<TaskAction.Branch> {
    public BranchLauncher(ProcessRunner processes) {
        super(processes);
    }

    @Override
    public Class<TaskAction.Branch> type() {
        return TaskAction.Branch.class;
    }

    @Override
    protected ProcessSpec command(TaskAction.Branch b, JsonNode vars, Path home) {
        return new ProcessSpec(List.of("bash", "-c", b.command()), render(b.env(), vars));
    }
}
