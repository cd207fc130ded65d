package io.dltrigger.engine.launch;

import io.dltrigger.engine.model.SupervisedJob;

/** How a try ended, as its launcher reports it. */
public sealed interface Outcome {

    /** The try did its work; {@code output} is the task's JSON output text, or null. */
    record Succeeded(Integer exitCode, String output) implements Outcome {}

    /**
     * A streaming job ran long enough: "running is success". Its task succeeds and the job, still running,
     * is handed over to supervision.
     */
    record Supervised(SupervisedJob job) implements Outcome {}

    /** The try failed; {@code retryable} is false for failures a retry can't fix (a bad template, a run timeout). */
    record Failed(Integer exitCode, String reason, boolean retryable) implements Outcome {}

    static Outcome succeeded(Integer exitCode, String output) {
        return new Succeeded(exitCode, output);
    }

    static Outcome failed(Integer exitCode, String reason) {
        return new Failed(exitCode, reason, true);
    }

    static Outcome fatal(String reason) {
        return new Failed(null, reason, false);
    }

    /** A try stopped by its cancellation (a timeout, a run timeout). */
    static Outcome cancelled(Cancellation c) {
        return new Failed(null, c.reason(), c.retryable());
    }
}
