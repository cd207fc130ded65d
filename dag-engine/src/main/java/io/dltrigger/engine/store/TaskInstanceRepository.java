package io.dltrigger.engine.store;

import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.model.TaskTry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Task instances and their tries. */
public interface TaskInstanceRepository {
    /** Inserts new task instances in one transaction; returns them as stored (with their ids). */
    List<TaskInstance> insert(Collection<TaskInstance> taskInstances);

    /** A run's instances, in insertion order. */
    List<TaskInstance> ofRun(long runId);

    Optional<TaskInstance> get(long taskInstanceId);

    /** Writes every changing field of a task instance. */
    void save(TaskInstance taskInstance);

    /** A new try: the instance and its try row change together. */
    void startTry(TaskInstance taskInstance, String logPath);

    /** The end of a try: its state, the instance's outcome and the task's output committed together. */
    default void finishTry(TaskInstance taskInstance, TaskState tryState) {
        finishTry(taskInstance, tryState, List.of());
    }

    /** As {@link #finishTry(TaskInstance, TaskState)}, with the asset events of a success in the same transaction. */
    void finishTry(TaskInstance taskInstance, TaskState tryState, List<AssetEvent> produced);

    /** The pid of a try's process, written as soon as it runs so a restarted engine can find it. */
    void recordPid(long taskInstanceId, int tryNumber, long pid, long pidStartedAt);

    List<TaskTry> tries(long taskInstanceId);

    /** Every try of a run's task instances, by instance then try number (a run's Gantt chart). */
    List<TaskTry> triesOfRun(long runId);

    /**
     * A mapped task expands: its parent's new state and its mapped instances in one transaction. Returns
     * the mapped instances as stored (with their ids).
     */
    List<TaskInstance> expand(TaskInstance parent, Collection<TaskInstance> mapped);

    /** Task instance counts by state name. */
    Map<String, Long> countsByState();
}
