package io.dltrigger.engine.model;

/**
 * A streaming job kept alive by the engine after its task succeeded. {@code command} is the job's
 * rendered command as JSON ({@code {"argv": [...], "env": {...}}}), so a restart needs no DAG.
 */
public record SupervisedJob(
        long taskInstanceId,
        String dagId,
        String taskId,
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

    public SupervisedJob restarted(long newPid, Long newStart) {
        return new SupervisedJob(
                taskInstanceId,
                dagId,
                taskId,
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
