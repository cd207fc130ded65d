package io.dltrigger.engine.model;

import java.time.Instant;

/**
 * One task (or one mapped element of a task) in one run. Mutable on purpose: the engine's single
 * coordinating thread owns the live copies and writes every change through to the store.
 */
public final class TaskInstance {
    public long id;
    public final long runId;
    public final String taskId;
    /** -1 for an unmapped task or the parent of mapped ones; 0.. for mapped instances. */
    public final int mapIndex;
    /** The mapped element as JSON text (null when unmapped). */
    public final String mapItem;

    public TaskState state = TaskState.NONE;
    public int tryNumber;
    public int maxTries;
    public Instant nextTryAt;
    public Instant startedAt;
    public Instant endedAt;
    public String hostname;
    public Long pid;
    public Long pidStartedAt;
    public Integer exitCode;
    public String message;
    /** The task's output, a JSON document (null if it wrote none). */
    public String output;
    /** Dispatch order, from the task's priority (not stored). */
    public int priority;

    public TaskInstance(long runId, String taskId, int mapIndex, String mapItem) {
        this.runId = runId;
        this.taskId = taskId;
        this.mapIndex = mapIndex;
        this.mapItem = mapItem;
    }

    /** {@code task} or {@code task[3]}. */
    public String label() {
        return mapIndex < 0 ? taskId : taskId + "[" + mapIndex + "]";
    }
}
