package io.dltrigger.ingest.source;

import java.io.Serializable;
import java.time.Duration;

/**
 * How storage failures are retried: after 0.5 s, then twice as long each time up to a minute, and for at
 * most {@code timeout} before a file (bounded mode, when planning) or a chunk (when reading) is recorded
 * as unavailable. Storage failures are never taken for bad files.
 */
public record StorageRetry(Duration timeout) implements Serializable {
    private static final long FIRST_MS = 500;
    private static final long MAX_MS = 60_000;

    /** Wait before attempt {@code attempt + 1}, after {@code attempt} failures (1, 2, ...). */
    public long delayMillis(int attempt) {
        long d = FIRST_MS << Math.min(20, Math.max(0, attempt - 1));
        return Math.min(MAX_MS, d);
    }

    /** Whether failures since {@code firstFailure} have lasted past the timeout. */
    public boolean expired(long firstFailure, long now) {
        return now - firstFailure >= timeout.toMillis();
    }
}
