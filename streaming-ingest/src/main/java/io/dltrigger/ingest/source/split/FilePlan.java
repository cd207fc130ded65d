package io.dltrigger.ingest.source.split;

import io.dltrigger.bridge.io.StorageException;
import io.dltrigger.bridge.root.EntryRange;
import java.util.List;

/** What planning a listed file gave: its chunks, a refusal with the reason, or a storage failure. */
public sealed interface FilePlan {
    FileMeta listed();

    /** The file as opened, and the basket-aligned entry ranges of its tree. */
    record Chunks(
            FileMeta listed, FileIdentity identity, String tree, String sample, long entries, List<EntryRange> ranges)
            implements FilePlan {}

    /**
     * Not readable as configured (not ROOT, corrupt, no tree, missing branches, no sample name).
     *
     * @param fromBytes refused for its content (which a writer may still be changing), not for its name
     */
    record Refused(FileMeta listed, FileIdentity identity, String tree, String sample, String reason, boolean fromBytes)
            implements FilePlan {}

    /** Storage failed: retried later, never taken for a bad file. */
    record Unreachable(FileMeta listed, StorageException error) implements FilePlan {}
}
