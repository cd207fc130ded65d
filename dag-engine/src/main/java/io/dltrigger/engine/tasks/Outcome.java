package io.dltrigger.engine.tasks;

/**
 * How a try ended. {@code retryable} is false for failures a retry can't fix (a bad template, a run
 * timeout); {@code output} is the task's JSON output text or null.
 */
public record Outcome(boolean success, Integer exitCode, String output, String message, boolean retryable) {
    public static Outcome success(Integer exitCode, String output) {
        return new Outcome(true, exitCode, output, null, true);
    }

    public static Outcome failure(Integer exitCode, String message) {
        return new Outcome(false, exitCode, null, message, true);
    }

    public static Outcome fatal(String message) {
        return new Outcome(false, null, null, message, false);
    }
}
