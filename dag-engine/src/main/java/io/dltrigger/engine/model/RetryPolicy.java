package io.dltrigger.engine.model;

import java.time.Duration;

/** Retries with exponential backoff: the n-th retry waits {@code delay * 2^(n-1)}, at most {@code maxDelay}. */
public record RetryPolicy(int retries, Duration delay, Duration maxDelay) {
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofSeconds(10), Duration.ofMinutes(10));

    public RetryPolicy {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, got " + retries);
        }
    }

    /** Total tries allowed, the first one included. */
    public int maxTries() {
        return retries + 1;
    }

    /** Wait before try {@code nextTry} (2 for the first retry). */
    public Duration delayBefore(int nextTry) {
        int exponent = Math.min(Math.max(nextTry - 2, 0), 30);
        Duration d = delay.multipliedBy(1L << exponent);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
