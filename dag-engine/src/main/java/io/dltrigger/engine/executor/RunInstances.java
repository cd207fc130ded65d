package io.dltrigger.engine.executor;

import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.model.TaskState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A run's task instances in the shape of its DAG: per task, its unmapped instance (or the parent of mapped
 * ones) and its mapped instances in map order; and the DAG's lookups (specs, ancestors, leaves, branch children), computed
 * once per run. Instances of tasks removed from the DAG since the run started are left out.
 */
final class RunInstances {
    private final Dag dag;
    private final Shape shape;
    private final Map<String, TaskInstance> parents;
    private final Map<String, List<TaskInstance>> mapped;
    private final Map<Long, TaskInstance> byId;

    /** What depends only on the DAG, shared by copies. */
    private record Shape(
            Map<String, TaskSpec> specs,
            Map<String, Set<String>> ancestors,
            Set<String> leaves,
            Set<String> branchChildren) {
        static Shape of(Dag dag) {
            Map<String, TaskSpec> specs = new HashMap<>();
            Map<String, Set<String>> ancestors = new HashMap<>();
            Set<String> upstreams = new HashSet<>();
            for (TaskSpec t : dag.tasks()) { // topological order: upstreams first
                specs.put(t.id(), t);
                Set<String> a = new HashSet<>();
                for (String dep : t.dependsOn()) {
                    a.add(dep);
                    a.addAll(ancestors.get(dep));
                    upstreams.add(dep);
                }
                ancestors.put(t.id(), a);
            }
            Set<String> leaves = new HashSet<>(specs.keySet());
            leaves.removeAll(upstreams);
            Set<String> branchChildren = new HashSet<>();
            for (TaskSpec t : dag.tasks()) {
                if (t.dependsOn().stream().anyMatch(d -> specs.get(d).action() instanceof TaskAction.Branch)) {
                    branchChildren.add(t.id());
                }
            }
            return new Shape(specs, ancestors, leaves, branchChildren);
        }
    }

    RunInstances(Dag dag, Collection<TaskInstance> instances) {
        this.dag = dag;
        this.shape = Shape.of(dag);
        this.parents = new LinkedHashMap<>();
        this.mapped = new HashMap<>();
        this.byId = new HashMap<>();
        List<TaskInstance> sorted = new ArrayList<>(instances);
        sorted.sort((x, y) -> Integer.compare(x.mapIndex(), y.mapIndex()));
        for (TaskInstance ti : sorted) {
            if (shape.specs().containsKey(ti.taskId())) {
                put(ti);
            }
        }
    }

    private RunInstances(RunInstances from) {
        this.dag = from.dag;
        this.shape = from.shape;
        this.parents = new LinkedHashMap<>(from.parents);
        this.mapped = new HashMap<>();
        from.mapped.forEach((task, list) -> mapped.put(task, new ArrayList<>(list)));
        this.byId = new HashMap<>(from.byId);
    }

    /** A copy to change without changing this one. */
    RunInstances copy() {
        return new RunInstances(this);
    }

    Dag dag() {
        return dag;
    }

    TaskSpec spec(String taskId) {
        return shape.specs().get(taskId);
    }

    Set<String> ancestorsOf(String taskId) {
        return shape.ancestors().get(taskId);
    }

    /** A task directly downstream of a branch task (the branch chooses whether it runs). */
    boolean isBranchChild(String taskId) {
        return shape.branchChildren().contains(taskId);
    }

    /** A task nothing depends on: the run's state comes from these. */
    boolean isLeaf(String taskId) {
        return shape.leaves().contains(taskId);
    }

    /** Replaces the instance of the same task and map index, or adds it. */
    void put(TaskInstance ti) {
        if (ti.mapIndex() < 0) {
            parents.put(ti.taskId(), ti);
        } else {
            List<TaskInstance> list = mapped.computeIfAbsent(ti.taskId(), k -> new ArrayList<>());
            if (ti.mapIndex() < list.size()) {
                list.set(ti.mapIndex(), ti);
            } else if (ti.mapIndex() == list.size()) {
                list.add(ti);
            } else {
                throw new IllegalStateException(ti.label() + " comes before its mapped siblings");
            }
        }
        if (ti.id() != 0) {
            byId.put(ti.id(), ti);
        }
    }

    /** The task's unmapped instance, or the parent of its mapped ones. */
    TaskInstance parent(String taskId) {
        return parents.get(taskId);
    }

    List<TaskInstance> mapped(String taskId) {
        return mapped.getOrDefault(taskId, List.of());
    }

    /** The instances that do the work of a task: its mapped instances, or itself. */
    List<TaskInstance> instancesOf(String taskId) {
        TaskInstance p = parents.get(taskId);
        return p.state() == TaskState.MAPPED ? mapped(taskId) : List.of(p);
    }

    Optional<TaskInstance> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<TaskInstance> all() {
        List<TaskInstance> out = new ArrayList<>(parents.values());
        mapped.values().forEach(out::addAll);
        return out;
    }
}
