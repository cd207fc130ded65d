package io.dltrigger.engine.executor;

import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.model.TaskState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A running DAG run as the engine holds it: its DAG and live task instances. Engine thread only. */
final class ActiveRun {
    DagRun run;
    final Dag dag;
    /** One per task: the unmapped instance, or the parent of mapped ones. */
    final Map<String, TaskInstance> parents = new LinkedHashMap<>();

    final Map<String, List<TaskInstance>> children = new HashMap<>();
    final Map<String, TaskSpec> specs = new HashMap<>();
    private final Map<String, Set<String>> ancestors = new HashMap<>();
    boolean dirty = true;
    boolean timedOut;
    Instant wakeAt;

    ActiveRun(DagRun run, Dag dag, List<TaskInstance> tis) {
        this.run = run;
        this.dag = dag;
        for (TaskSpec t : dag.tasks()) {
            specs.put(t.id(), t);
            Set<String> a = new HashSet<>();
            for (String dep : t.dependsOn()) {
                a.add(dep);
                a.addAll(ancestors.get(dep));
            }
            ancestors.put(t.id(), a);
        }
        for (TaskInstance ti : tis) {
            if (!specs.containsKey(ti.taskId)) {
                continue; // the task was removed from the DAG since the run started
            }
            if (ti.mapIndex < 0) {
                parents.put(ti.taskId, ti);
            } else {
                children.computeIfAbsent(ti.taskId, k -> new ArrayList<>()).add(ti);
            }
        }
        children.values().forEach(l -> l.sort((x, y) -> Integer.compare(x.mapIndex, y.mapIndex)));
    }

    Instant deadline() {
        return dag.runTimeout() == null || run.startedAt() == null
                ? null
                : run.startedAt().plus(dag.runTimeout());
    }

    /** The instances that do the work of a task: its mapped children, or itself. */
    List<TaskInstance> instancesOf(String taskId) {
        TaskInstance p = parents.get(taskId);
        return p.state == TaskState.MAPPED ? children.getOrDefault(taskId, List.of()) : List.of(p);
    }

    List<TaskInstance> all() {
        List<TaskInstance> out = new ArrayList<>(parents.values());
        children.values().forEach(out::addAll);
        return out;
    }

    Set<String> ancestorsOf(String taskId) {
        return ancestors.get(taskId);
    }

    void wake(Instant t) {
        if (wakeAt == null || t.isBefore(wakeAt)) {
            wakeAt = t;
        }
    }
}
