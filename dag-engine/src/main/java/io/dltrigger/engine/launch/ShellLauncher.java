package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.template.Template;
import java.nio.file.Path;
import java.util.List;

/** {@code shell}: {@code bash -c COMMAND}. */
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
        return new ProcessSpec(List.of("bash", "-c", Template.render(s.command(), vars)), render(s.env(), vars));
    }
}
