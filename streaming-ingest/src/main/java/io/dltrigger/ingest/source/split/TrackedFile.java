package io.dltrigger.ingest.source.split;

import java.util.Optional;

/**
 * What the enumerator knows of one path: the latest version it handled and how, which version (if any)
 * has rows in the table, and how many chunks of the latest version are out with readers without an
 * outcome. Part of the enumerator's checkpoint.
 *
 * @param rows the version whose rows are (or, after a restore with chunks out, may be) in the table
 * @param inFlight chunks of {@code latest} handed to readers and not yet reported done
 */
public record TrackedFile(FileIdentity latest, Handling handling, Optional<FileIdentity> rows, int inFlight) {
    /** What was done with the latest version. */
    public enum Handling {
        /** Chunks planned (possibly none left to read). */
        PLANNED,
        /** Dead-lettered as a whole: corrupt, or no sample name. */
        QUARANTINED,
        /** Changed after an earlier version was ingested: reported, not read. */
        REPORTED,
        /** Storage failed for longer than the retry timeout when planning it. */
        UNAVAILABLE
    }

    public String path() {
        return latest.path();
    }

    public TrackedFile withInFlight(int n) {
        return new TrackedFile(latest, handling, rows, Math.max(0, n));
    }

    public TrackedFile withRows(FileIdentity version) {
        return new TrackedFile(latest, handling, Optional.of(version), inFlight);
    }
}
