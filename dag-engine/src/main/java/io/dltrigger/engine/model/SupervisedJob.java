package io.dltrigger.engine.model;

/**
 * A streaming job kept alive by the engine after its task succeeded. {@code command} is the job's
 * rendered command as JSON ({@code {"argv": [...], "env": {...}}}), so a restart needs no DAG;
 * {@code taskType} names the launcher that knows how to restart it: with {@code restoreArg} and the newest
 * checkpoint it finds under {@code checkpointDir} (either may be null).
 */
public record SupervisedJob(
        long taskInstanceId,
        String dagId,
        String taskId,
        String taskType,
        State state,
        long pid,
        Long pidStartedAt,
        int restarts,
        int maxRestarts,
        String command,
        String checkpointDir,
        String restoreArg,
        String logPath) {

    /** RUNNING: watched; REPLACED: a newer run of the same task took over; GAVE_UP: max restarts reached. */
    public enum State {
        RUNNING,
        REPLACED,
        GAVE_UP
    }

    /** The same job, now running as {@code newPid} after one more restart. */
    public SupervisedJob restarted(long newPid, Long newStart) {
        return new SupervisedJob(
                taskInstanceId,
                dagId,
                taskId,
                taskType,
                state,
                newPid,
                newStart,
                restarts + 1,
                maxRestarts,
                command,
                checkpointDir,
                restoreArg,
                logPath);
    }

    public SupervisedJob withState(State s) {
        return new SupervisedJob(
                taskInstanceId,
                dagId,
                taskId,
                taskType,
                s,
                pid,
                pidStartedAt,
                restarts,
                maxRestarts,
                command,
                checkpointDir,
                restoreArg,
                logPath);
    }
}
