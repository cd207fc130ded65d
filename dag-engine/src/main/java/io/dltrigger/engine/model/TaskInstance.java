package io.dltrigger.engine.model;

import java.time.Instant;

/**
 * One task (or one mapped element of a task) in one run: an immutable value, changed only through the named
 * transitions below, each returning the next value. The engine's coordinating thread holds the current
 * values of its runs and writes each new one through to the store before acting on it.
 *
 * @param id 0 until stored
 * @param mapIndex -1 for an unmapped task or the parent of mapped ones; 0.. for mapped instances
 * @param mapItem the mapped element as JSON text (null when unmapped)
 * @param output the task's output, a JSON document (null if it wrote none)
 */
public record TaskInstance(
        long id,
        long runId,
        String taskId,
        int mapIndex,
        String mapItem,
        TaskState state,
        int tryNumber,
        int maxTries,
        Instant nextTryAt,
        Instant startedAt,
        Instant endedAt,
        String hostname,
        Long pid,
        Long pidStartedAt,
        Integer exitCode,
        String message,
        String output) {

    /** A new instance, not yet stored, that has not run. */
    public static TaskInstance create(long runId, String taskId, int mapIndex, String mapItem, int maxTries) {
        return new TaskInstance(
                0,
                runId,
                taskId,
                mapIndex,
                mapItem,
                TaskState.NONE,
                0,
                maxTries,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** {@code task} or {@code task[3]}. */
    public String label() {
        return mapIndex < 0 ? taskId : taskId + "[" + mapIndex + "]";
    }

    /** As stored, with the id the store gave it. */
    public TaskInstance withId(long newId) {
        return new TaskInstance(
                newId,
                runId,
                taskId,
                mapIndex,
                mapItem,
                state,
                tryNumber,
                maxTries,
                nextTryAt,
                startedAt,
                endedAt,
                hostname,
                pid,
                pidStartedAt,
                exitCode,
                message,
                output);
    }

    /** Waiting for a worker ({@link TaskState#SCHEDULED}, kept in memory only). */
    public TaskInstance scheduled() {
        Next n = new Next(this);
        n.state = TaskState.SCHEDULED;
        return n.done();
    }

    /** A new try starts on {@code host}: the previous try's end, pid, exit code and message are cleared. */
    public TaskInstance tryStarted(String host, Instant at) {
        Next n = new Next(this);
        n.state = TaskState.RUNNING;
        n.tryNumber = tryNumber + 1;
        n.nextTryAt = null;
        n.startedAt = at;
        n.endedAt = null;
        n.hostname = host;
        n.pid = null;
        n.pidStartedAt = null;
        n.exitCode = null;
        n.message = null;
        return n.done();
    }

    /** The try's process runs as {@code newPid} (started at {@code startedMillis}, to tell it from a recycled pid). */
    public TaskInstance withPid(Long newPid, Long startedMillis) {
        Next n = new Next(this);
        n.pid = newPid;
        n.pidStartedAt = startedMillis;
        return n.done();
    }

    /** The try succeeded. */
    public TaskInstance succeeded(Integer exit, String taskOutput, String why, Instant at) {
        Next n = ended(TaskState.SUCCESS, exit, why, at);
        n.output = taskOutput;
        return n.done();
    }

    /** The try failed and another one follows at {@code nextTry}. */
    public TaskInstance upForRetry(Integer exit, String why, Instant at, Instant nextTry) {
        Next n = ended(TaskState.UP_FOR_RETRY, exit, why, at);
        n.nextTryAt = nextTry;
        return n.done();
    }

    /** The try failed, for good. */
    public TaskInstance failed(Integer exit, String why, Instant at) {
        return ended(TaskState.FAILED, exit, why, at).done();
    }

    /** Ends without a try: skipped, upstream failed, or failed before it could run (a bad map_over). */
    public TaskInstance ended(TaskState finalState, String why, Instant at) {
        return ended(finalState, exitCode, why, at).done();
    }

    /** The parent of {@code count} mapped instances, which carry the work. */
    public TaskInstance mapped(int count) {
        Next n = new Next(this);
        n.state = TaskState.MAPPED;
        n.message = count + " mapped instances";
        return n.done();
    }

    /**
     * A try that never started its work (or ran inside an engine that died) goes back to the queue; it
     * doesn't count against the retries.
     */
    public TaskInstance requeued(Instant at) {
        Next n = ended(TaskState.NONE, exitCode, "interrupted by an engine restart; re-queued", at);
        n.maxTries = maxTries + 1;
        return n.done();
    }

    /** Cleared for a re-run with {@code tries} more tries (Airflow's clear): its outcome and output are gone. */
    public TaskInstance cleared(int tries) {
        Next n = new Next(this);
        n.state = TaskState.NONE;
        n.maxTries = tryNumber + tries;
        n.nextTryAt = null;
        n.endedAt = null;
        n.pid = null;
        n.pidStartedAt = null;
        n.exitCode = null;
        n.message = "cleared";
        n.output = null;
        return n.done();
    }

    private Next ended(TaskState finalState, Integer exit, String why, Instant at) {
        Next n = new Next(this);
        n.state = finalState;
        n.endedAt = at;
        n.exitCode = exit;
        n.message = why;
        return n;
    }

    /** The next value under construction: a transition sets what changes, the rest is copied. */
    private static final class Next {
        private final TaskInstance from;
        TaskState state;
        int tryNumber;
        int maxTries;
        Instant nextTryAt;
        Instant startedAt;
        Instant endedAt;
        String hostname;
        Long pid;
        Long pidStartedAt;
        Integer exitCode;
        String message;
        String output;

        Next(TaskInstance from) {
            this.from = from;
            this.state = from.state;
            this.tryNumber = from.tryNumber;
            this.maxTries = from.maxTries;
            this.nextTryAt = from.nextTryAt;
            this.startedAt = from.startedAt;
            this.endedAt = from.endedAt;
            this.hostname = from.hostname;
            this.pid = from.pid;
            this.pidStartedAt = from.pidStartedAt;
            this.exitCode = from.exitCode;
            this.message = from.message;
            this.output = from.output;
        }

        TaskInstance done() {
            return new TaskInstance(
                    from.id,
                    from.runId,
                    from.taskId,
                    from.mapIndex,
                    from.mapItem,
                    state,
                    tryNumber,
                    maxTries,
                    nextTryAt,
                    startedAt,
                    endedAt,
                    hostname,
                    pid,
                    pidStartedAt,
                    exitCode,
                    message,
                    output);
        }
    }
}
