package io.dltrigger.engine.state;

/**
 * A task instance's state, as in Airflow. {@code MAPPED} marks the parent of dynamically mapped
 * instances (its children carry the work); {@code UP_FOR_RESCHEDULE} is a sensor between pokes.
 */
public enum TaskState {
  NONE, SCHEDULED, RUNNING, UP_FOR_RETRY, UP_FOR_RESCHEDULE, SUCCESS, FAILED, UPSTREAM_FAILED, SKIPPED, MAPPED;

  public boolean finished() {
    return this == SUCCESS || this == FAILED || this == UPSTREAM_FAILED || this == SKIPPED || this == MAPPED;
  }
}
