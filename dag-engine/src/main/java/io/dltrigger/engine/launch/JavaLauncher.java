package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import java.nio.file.Path;
import java.util.List;

/** {@code java}: a stage module's main class in a child JVM, as bin/dltrigger starts it. */
public final class JavaLauncher extends ProcessLauncher<TaskAction.Java> {
    public JavaLauncher(ProcessRunner processes) {
        super(processes);
    }

    @Override
    public Class<TaskAction.Java> type() {
        return TaskAction.Java.class;
    }

    @Override
    protected ProcessSpec command(TaskAction.Java j, JsonNode vars, Path home) {
        ModuleLaunch m = ModuleLaunch.of(home, j.module());
        List<String> argv = m.javaCommand(home, render(j.jvmOpts(), vars));
        argv.add(j.mainClass() == null ? m.mainClass() : j.mainClass());
        argv.addAll(render(j.args(), vars));
        return new ProcessSpec(argv, render(j.env(), vars));
    }
}
