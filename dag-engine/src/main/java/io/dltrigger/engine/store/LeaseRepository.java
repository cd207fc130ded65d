package io.dltrigger.engine.store;

import java.util.Optional;
import java.util.function.LongPredicate;

/** The engine lease: one engine per database at a time, kept by a heartbeat. */
public interface LeaseRepository {
    /**
     * Takes the lease if it is free, stale (no heartbeat for {@code staleMillis}) or held by a dead
     * process on this host. Returns the current holder's description when it can't.
     */
    Optional<String> acquire(String owner, String host, long pid, long staleMillis, LongPredicate aliveOnThisHost);

    /** Returns false if the lease was taken over (the engine must stop). */
    boolean heartbeat(String owner);

    void release(String owner);
}
