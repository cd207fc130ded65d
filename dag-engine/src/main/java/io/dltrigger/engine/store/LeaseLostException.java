package io.dltrigger.engine.store;

/**
 * A write refused because another engine took the lease over since this one was granted it: this engine no
 * longer changes state (it stops scheduling; its REST API answers {@code 503} to changes).
 */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(long epoch, String now) {
        super("this engine's lease (epoch " + epoch + ") was taken over by " + now
                + "; it no longer changes state (write to the engine that holds the lease)");
    }
}
