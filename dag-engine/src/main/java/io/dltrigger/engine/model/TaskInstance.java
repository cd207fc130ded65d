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
        return next(
                TaskState.SCHEDULED,
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

    /** A new try starts on {@code host}. */
    public TaskInstance tryStarted(String host, Instant at) {
        return next(TaskState.RUNNING, tryNumber + 1, maxTries, null, at, null, host, null, null, null, null, output);
    }

    /** The try's process runs as {@code newPid} (started at {@code startedMillis}, to tell it from a recycled pid). */
    public TaskInstance withPid(Long newPid, Long startedMillis) {
        return next(
                state,
                tryNumber,
                maxTries,
                nextTryAt,
                startedAt,
                endedAt,
                hostname,
                newPid,
                startedMillis,
                exitCode,
                message,
                output);
    }

    /** The try succeeded. */
    public TaskInstance succeeded(Integer exit, String taskOutput, String why, Instant at) {
        return next(
                TaskState.SUCCESS,
                tryNumber,
                maxTries,
                nextTryAt,
                startedAt,
                at,
                hostname,
                pid,
                pidStartedAt,
                exit,
                why,
                taskOutput);
    }

    /** The try failed and another one follows at {@code nextTry}. */
    public TaskInstance upForRetry(Integer exit, String why, Instant at, Instant nextTry) {
        return next(
                TaskState.UP_FOR_RETRY,
                tryNumber,
                maxTries,
                nextTry,
                startedAt,
                at,
                hostname,
                pid,
                pidStartedAt,
                exit,
                why,
                output);
    }

    /** The try failed, for good. */
    public TaskInstance failed(Integer exit, String why, Instant at) {
        return next(
                TaskState.FAILED,
                tryNumber,
                maxTries,
                nextTryAt,
                startedAt,
                at,
                hostname,
                pid,
                pidStartedAt,
                exit,
                why,
                output);
    }

    /** Ends without a try: skipped, upstream failed, or failed before it could run (a bad map_over). */
    public TaskInstance ended(TaskState finalState, String why, Instant at) {
        return next(
                finalState,
                tryNumber,
                maxTries,
                nextTryAt,
                startedAt,
                at,
                hostname,
                pid,
                pidStartedAt,
                exitCode,
                why,
                output);
    }

    /** The parent of {@code count} mapped instances, which carry the work. */
    public TaskInstance mapped(int count) {
        return next(
                TaskState.MAPPED,
                tryNumber,
                maxTries,
                nextTryAt,
                startedAt,
                endedAt,
                hostname,
                pid,
                pidStartedAt,
                exitCode,
                count + " mapped instances",
                output);
    }

    /**
     * A try that never started its work (or ran inside an engine that died) goes back to the queue; it
     * doesn't count against the retries.
     */
    public TaskInstance requeued(Instant at) {
        return next(
                TaskState.NONE,
                tryNumber,
                maxTries + 1,
                nextTryAt,
                startedAt,
                at,
                hostname,
                pid,
                pidStartedAt,
                exitCode,
                "interrupted by an engine restart; re-queued",
                output);
    }

    /** Cleared for a re-run, with {@code tries} more tries (Airflow's clear). */
    public TaskInstance cleared(int tries) {
        return next(
                TaskState.NONE,
                tryNumber,
                tryNumber + tries,
                null,
                startedAt,
                null,
                hostname,
                null,
                null,
                null,
                "cleared",
                null);
    }

    private TaskInstance next(
            TaskState s,
            int tries,
            int max,
            Instant nextTry,
            Instant started,
            Instant ended,
            String host,
            Long p,
            Long pStarted,
            Integer exit,
            String why,
            String out) {
        return new TaskInstance(
                id, runId, taskId, mapIndex, mapItem, s, tries, max, nextTry, started, ended, host, p, pStarted, exit,
                why, out);
    }
}
