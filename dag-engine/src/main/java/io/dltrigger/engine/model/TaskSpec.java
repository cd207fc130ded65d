package io.dltrigger.engine.model;

import java.time.Duration;
import java.util.List;

/**
 * One task of a DAG, immutable.
 *
 * @param timeout kills the task's whole process tree when exceeded (null: none)
 * @param sla an instance not over this long after its first try started raises an {@code sla_miss} alert (null: none)
 * @param mapOver non-null for a dynamically mapped task
 * @param line the line of the task in its DAG file (0 when built in Java)
 * @param outlets the assets the task updates: each success records an asset event (its output as metadata); a
 *     supervised streaming job records one per checkpoint it commits
 */
public record TaskSpec(
        String id,
        TaskAction action,
        List<String> dependsOn,
        TriggerRule triggerRule,
        RetryPolicy retry,
        Duration timeout,
        Duration sla,
        String pool,
        int poolSlots,
        int priority,
        MapOver mapOver,
        int line,
        List<String> outlets) {

    public TaskSpec {
        dependsOn = List.copyOf(dependsOn);
        outlets = List.copyOf(outlets);
        if (poolSlots < 1) {
            throw new IllegalArgumentException("task " + id + ": pool_slots must be >= 1");
        }
    }

    public boolean mapped() {
        return mapOver != null;
    }

    /** Sensors wait outside the worker pool. */
    public boolean holdsWorkerSlot() {
        return !(action instanceof TaskAction.Sensor);
    }
}
