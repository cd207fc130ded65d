package io.dltrigger.engine.launch;

/** Lets the engine stop a running try (timeouts, run timeouts, shutdown) from another thread. */
public final class Cancellation {
    private volatile String reason;
    private volatile boolean retryable = true;
    private volatile Thread worker;

    /** Asks the try to stop; a process-tree task kills its tree, an in-process task is interrupted. */
    public void cancel(String why, boolean canRetry) {
        if (reason == null) {
            this.retryable = canRetry;
            this.reason = why;
            Thread t = worker;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    public boolean cancelled() {
        return reason != null;
    }

    public String reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }

    void bind(Thread t) {
        this.worker = t;
    }

    void unbind() {
        this.worker = null;
        Thread.interrupted(); // a late interrupt must not leak into the worker's next task
    }
}
