package io.dltrigger.engine.launch;

import java.nio.file.Path;

/**
 * Where one try of one task instance writes: its log, and beside it the exit code, pid and output files,
 * so that a restarted engine finds them.
 */
public record TryFiles(long taskInstanceId, int tryNumber, String label, Path logFile) {

    /** {@code LOGS/DAG/RUN_KEY/TASK[.MAP_INDEX]/try-N.log}. */
    public static TryFiles of(
            Path logsDir,
            String dagId,
            String runKey,
            String taskId,
            int mapIndex,
            long taskInstanceId,
            int tryNumber) {
        String name = mapIndex < 0 ? taskId : taskId + "." + mapIndex;
        String label = mapIndex < 0 ? taskId : taskId + "[" + mapIndex + "]";
        Path log = logsDir.resolve(dagId).resolve(runKey).resolve(name).resolve("try-" + tryNumber + ".log");
        return new TryFiles(taskInstanceId, tryNumber, label, log);
    }

    public Path exitFile() {
        return sibling(".exit");
    }

    /** Written by the task's wrapper before anything else: its pid, even if the engine died before storing it. */
    public Path pidFile() {
        return sibling(".pid");
    }

    public Path outputFile() {
        return sibling(".output.json");
    }

    /** Where the task reports its progress ({@code $DLTRIGGER_PROGRESS}), see {@link ProgressFile}. */
    public Path progressFile() {
        return sibling(".progress.json");
    }

    /** The try's template context as JSON ({@code $DLTRIGGER_CONTEXT}): params, upstream outputs and states. */
    public Path contextFile() {
        return sibling(".context.json");
    }

    private Path sibling(String suffix) {
        String name = logFile.getFileName().toString().replaceFirst("\\.log$", "");
        return logFile.resolveSibling(name + suffix);
    }
}
