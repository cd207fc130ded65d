package io.dltrigger.engine.tasks;

import java.nio.file.Path;

/**
 * One try of one task instance, as a worker sees it: where its log, exit code and output go.
 * The exit and output files sit beside the log so a restarted engine finds them.
 */
public record Attempt(long taskInstanceId, int tryNumber, String label, Path logFile) {
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

    private Path sibling(String suffix) {
        String name = logFile.getFileName().toString().replaceFirst("\\.log$", "");
        return logFile.resolveSibling(name + suffix);
    }
}
