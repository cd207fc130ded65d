package io.dltrigger.engine.model;

/** A DAG run's state. */
public enum RunState {
    QUEUED,
    RUNNING,
    SUCCESS,
    FAILED;

    public boolean finished() {
        return this == SUCCESS || this == FAILED;
    }
}
