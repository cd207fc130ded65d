package io.dltrigger.engine.model;

/**
 * A task instance's state, as in Airflow. {@code MAPPED} marks the parent of dynamically mapped
 * instances (its children carry the work). A sensor stays RUNNING between pokes, without a worker.
 */
public enum TaskState {
    NONE,
    SCHEDULED,
    RUNNING,
    UP_FOR_RETRY,
    SUCCESS,
    FAILED,
    UPSTREAM_FAILED,
    SKIPPED,
    MAPPED;

    public boolean finished() {
        return this == SUCCESS || this == FAILED || this == UPSTREAM_FAILED || this == SKIPPED || this == MAPPED;
    }
}
