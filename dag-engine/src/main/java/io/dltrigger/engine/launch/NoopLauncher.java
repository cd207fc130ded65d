package io.dltrigger.engine.launch;

import io.dltrigger.engine.model.TaskAction;

/** {@code noop}: succeeds at once, on a worker (joins, placeholders, scheduling benchmarks). */
public final class NoopLauncher implements Launcher<TaskAction.Noop> {

    @Override
    public Class<TaskAction.Noop> type() {
        return TaskAction.Noop.class;
    }

    @Override
    public Work prepare(TaskAction.Noop action, TryStart start) {
        return new Work.Blocking(() -> InProcessLauncher.run(start.files(), null, start.vars(), start.cancel()));
    }
}
