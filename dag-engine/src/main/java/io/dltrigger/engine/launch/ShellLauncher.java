package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code shell}: {@code bash -c COMMAND}. The command holds no templates (the DAG loader refuses them): the
 * try's values reach it through its environment only.
 */
public final class ShellLauncher extends ProcessLauncher<TaskAction.Shell> {
    public ShellLauncher(ProcessRunner processes) {
        super(processes);
    }

    @Override
    public Class<TaskAction.Shell> type() {
        return TaskAction.Shell.class;
    }

    @Override
    protected ProcessSpec command(TaskAction.Shell s, JsonNode vars, Path home) {
        return new ProcessSpec(List.of("bash", "-c", s.command()), render(s.env(), vars));
    }
}
