package io.dltrigger.engine.model;

import java.time.Instant;

/**
 * One line of the audit log: who ({@code actor}: a token's name, or the local user of a process on the engine's
 * machine) did what ({@code action}, e.g. {@code trigger}) to what ({@code target}), and whether it was done or
 * refused.
 *
 * @param remote the client's address for requests over HTTP (null otherwise)
 */
public record AuditEntry(
        long id,
        Instant at,
        String actor,
        String action,
        String target,
        Outcome outcome,
        String detail,
        String remote) {

    public enum Outcome {
        DONE,
        REFUSED
    }
}
