package io.dltrigger.engine.store;

import java.util.function.LongPredicate;

/**
 * The engine lease: one engine per database at a time, kept by a heartbeat. Every grant has a new, larger
 * epoch: an engine fences its store with it ({@link Store#fence}), so that once another engine took the lease
 * over, none of its writes gets through.
 */
public interface LeaseRepository {
    /** The lease was granted with {@code epoch}, or is held by another engine ({@code holder}). */
    sealed interface Acquisition {
        record Granted(long epoch) implements Acquisition {}

        record Held(String holder) implements Acquisition {}
    }

    /**
     * Takes the lease if it is free, stale (no heartbeat for {@code staleMillis}) or held by a dead process on
     * this host.
     */
    Acquisition acquire(String owner, String host, long pid, long staleMillis, LongPredicate aliveOnThisHost);

    /** Returns false if the lease was taken over (the engine must stop). */
    boolean heartbeat(String owner, long epoch);

    void release(String owner, long epoch);
}
