package io.dltrigger.ingest.source.split;

import io.dltrigger.contract.IngestLedger;

/** Why a split carries no events but a dead-letter record: its kind and the reason in words. */
public record Notice(IngestLedger.Kind kind, String reason) {
    private static final int MAX_REASON = 4000;

    public Notice {
        // bounded so that a runaway exception message cannot bloat checkpoints
        reason = reason == null || reason.isEmpty()
                ? "unknown error"
                : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
    }

    public static Notice corrupt(String reason) {
        return new Notice(IngestLedger.Kind.CORRUPT, reason);
    }
}
