package io.dltrigger.engine.launch;

import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The launcher of every task type. A new type registers its launcher in {@link #standard}. */
public final class Launchers {
    private final Map<Class<?>, Launcher<?>> byType = new LinkedHashMap<>();
    private final Map<String, RestartStrategy> restarts = new LinkedHashMap<>();

    public Launchers(List<Launcher<?>> launchers) {
        for (Launcher<?> l : launchers) {
            if (byType.put(l.type(), l) != null) {
                throw new IllegalArgumentException(
                        "two launchers for " + l.type().getSimpleName());
            }
            if (l instanceof RestartStrategy r) {
                restarts.put(r.taskType(), r);
            }
        }
    }

    /** Every task type of DAG files and the Java API; {@code killGrace}: SIGTERM to SIGKILL of a process tree. */
    public static Launchers standard(Duration killGrace) {
        ProcessRunner processes = new ProcessRunner(killGrace);
        Launchers all = new Launchers(List.of(
                new ShellLauncher(processes),
                new BranchLauncher(processes),
                new JavaLauncher(processes),
                new SparkLauncher(processes),
                new FlinkLauncher(processes),
                new KubernetesLauncher(),
                new SensorLauncher(),
                new NoopLauncher(),
                new InProcessLauncher()));
        for (Class<?> type : TaskAction.class.getPermittedSubclasses()) {
            if (!all.byType.containsKey(type)) {
                throw new IllegalStateException("task type " + type.getSimpleName() + " has no launcher");
            }
        }
        return all;
    }

    /** Prepares one try of {@code action} (see {@link Launcher#prepare}). */
    public Work prepare(TaskAction action, TryStart start) {
        return of(action).prepare(action, start);
    }

    /** What becomes of a try of {@code action} that a dead engine left RUNNING. */
    public Recovered recover(TaskAction action, TaskInstance instance, TryFiles files, Cancellation cancel) {
        return of(action).recover(instance, files, cancel);
    }

    /** How a supervised job of {@code taskType} is restarted (empty: that type has no supervised jobs). */
    public Optional<RestartStrategy> restartStrategy(String taskType) {
        return Optional.ofNullable(restarts.get(taskType));
    }

    @SuppressWarnings("unchecked")
    private Launcher<TaskAction> of(TaskAction action) {
        Launcher<?> l = byType.get(action.getClass());
        if (l == null) {
            throw new IllegalStateException("no launcher for task type " + action.typeName());
        }
        return (Launcher<TaskAction>) l;
    }
}
