package io.dltrigger.ingest.source.impl;

import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.ledger.EntryRanges;
import io.dltrigger.ingest.ledger.LedgerView;
import io.dltrigger.ingest.source.split.FileIdentity;
import io.dltrigger.ingest.source.split.FileMeta;
import io.dltrigger.ingest.source.split.FilePlan;
import io.dltrigger.ingest.source.split.Notice;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import io.dltrigger.ingest.source.split.TrackedFile;
import io.dltrigger.ingest.source.split.TrackedFile.Handling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enumerator's memory of files, by version rather than by path, and its rules for a version it has not
 * handled yet (checked against what the table holds, {@link LedgerView}):
 *
 * <ol>
 *   <li>the version whose rows are in the table (an earlier run): read only the entries the table lacks;
 *   <li>another version of a path with rows in the table: dead-letter it as {@code changed} (once), do
 *       not read it; {@code ingest reingest} replaces the old rows;
 *   <li>a path whose previous version still has chunks out with readers: wait for their outcome;
 *   <li>a version dead-lettered as a whole before: leave it;
 *   <li>otherwise plan it: chunks, or a {@code corrupt} dead letter; chunks of older versions not yet
 *       handed out are dropped (they would be read from the wrong bytes).
 * </ol>
 *
 * A path quarantined as truncated (read too early) is tried again once its version changes; a file
 * replaced before any of its chunks was read is planned again as the new version. Written on the
 * coordinator thread; discovery reads it concurrently.
 */
final class FileVersions {
    /** What to do with a planned file. */
    sealed interface Decision {}

    /** Queue these splits (chunks or a notice); if {@code replacesOlder}, drop older versions' queued chunks. */
    record Enqueue(List<RootChunkSplit> splits, boolean replacesOlder, String description) implements Decision {}

    /** Not now: the previous version's chunks are still with readers. */
    record Defer(String reason) implements Decision {}

    /** Nothing to read. */
    record Skip(String reason) implements Decision {}

    private final Map<String, TrackedFile> files = new ConcurrentHashMap<>();

    FileVersions(List<TrackedFile> restored) {
        for (TrackedFile t : restored) {
            // chunks that were out at the checkpoint may have been emitted before it: rows, possibly
            TrackedFile f = t.inFlight() > 0 && t.rows().isEmpty() ? t.withRows(t.latest()) : t;
            files.put(t.path(), f.withInFlight(0));
        }
    }

    /** Whether the listed file is the version already handled (so discovery need not open it). */
    boolean isCurrent(FileMeta listed) {
        TrackedFile t = files.get(listed.path());
        return t != null && t.latest().listedAs(listed);
    }

    Decision decide(FilePlan plan, LedgerView ledger) {
        FileIdentity v = identity(plan);
        String path = v.path();
        TrackedFile t = files.get(path);
        if (t != null && t.latest().known() && t.latest().sameVersion(v)) {
            // two discovery rounds overlapped (a backlog round and the periodic one): the first merged wins
            return new Skip("planned already");
        }
        if (t != null && t.rows().isPresent() && t.rows().get().sameVersion(v)) {
            track(v, Handling.PLANNED, t.rows());
            return new Skip("back to the version already ingested (" + v.describe() + ")");
        }
        Optional<FileIdentity> rows = t != null && t.rows().isPresent() ? t.rows() : ledger.rows(path);
        if (rows.isPresent() && rows.get().sameVersion(v)) {
            return resume(plan, v, rows, ledger);
        }
        if (rows.isPresent()) {
            track(v, Handling.REPORTED, rows);
            if (ledger.settled(v)) {
                return new Skip("changed after ingestion, reported before");
            }
            String reason = "changed after ingestion: the table holds rows of " + path + " as it was ("
                    + rows.get().describe() + "); this version (" + v.describe() + ") is not read. To replace"
                    + " the old rows with it: bin/dltrigger reingest --output TABLE " + path;
            return new Enqueue(
                    List.of(RootChunkSplit.notice(
                            v, tree(plan), sample(plan), new Notice(IngestLedger.Kind.CHANGED, reason))),
                    false,
                    reason);
        }
        if (t != null && t.inFlight() > 0) {
            return new Defer(t.inFlight() + " chunks of the previous version are still being read");
        }
        if (ledger.settled(v)) {
            track(v, Handling.QUARANTINED, Optional.empty());
            return new Skip("dead-lettered before (" + v.describe() + ")");
        }
        if (plan instanceof FilePlan.Refused r) {
            track(v, Handling.QUARANTINED, Optional.empty());
            return new Enqueue(
                    List.of(RootChunkSplit.notice(v, r.tree(), r.sample(), Notice.corrupt(r.reason()))),
                    true,
                    "quarantined: " + r.reason());
        }
        FilePlan.Chunks c = (FilePlan.Chunks) plan;
        List<RootChunkSplit> splits = remaining(c, ledger.covered(v));
        track(v, Handling.PLANNED, Optional.empty());
        return new Enqueue(splits, true, describe(c, splits));
    }

    /** The version with rows in the table: what the table lacks of it (nothing, after a finished run). */
    private Decision resume(FilePlan plan, FileIdentity v, Optional<FileIdentity> rows, LedgerView ledger) {
        TrackedFile t = files.get(v.path());
        if (plan instanceof FilePlan.Refused r) {
            track(v, Handling.QUARANTINED, rows);
            return new Enqueue(
                    List.of(RootChunkSplit.notice(v, r.tree(), r.sample(), Notice.corrupt(r.reason()))),
                    false,
                    "quarantined: " + r.reason());
        }
        FilePlan.Chunks c = (FilePlan.Chunks) plan;
        List<RootChunkSplit> splits = remaining(c, ledger.covered(v));
        track(v, Handling.PLANNED, rows);
        if (splits.isEmpty()) {
            return new Skip("all " + c.entries() + " entries are in the table already");
        }
        long missing = splits.stream().mapToLong(RootChunkSplit::events).sum();
        return new Enqueue(
                splits,
                false,
                "resumed: " + missing + " of " + c.entries() + " entries were not in the table, "
                        + describe(c, splits));
    }

    private static List<RootChunkSplit> remaining(FilePlan.Chunks c, List<EntryRange> covered) {
        List<RootChunkSplit> out = new ArrayList<>();
        for (EntryRange r : c.ranges()) {
            for (EntryRange left : EntryRanges.subtract(r, covered)) {
                out.add(RootChunkSplit.chunk(
                        c.identity(), c.tree(), c.sample(), left.start(), left.stop(), c.entries()));
            }
        }
        return out;
    }

    private static String describe(FilePlan.Chunks c, List<RootChunkSplit> splits) {
        return c.entries() + " entries in " + splits.size() + " chunks, sample=" + c.sample();
    }

    private void track(FileIdentity v, Handling h, Optional<FileIdentity> rows) {
        files.put(v.path(), new TrackedFile(v, h, rows, 0));
    }

    /** A file given up after storage failed for the whole retry timeout (bounded mode). */
    void unavailable(FileMeta listed) {
        TrackedFile t = files.get(listed.path());
        files.put(
                listed.path(),
                new TrackedFile(
                        FileIdentity.of(listed, ""), Handling.UNAVAILABLE, t == null ? Optional.empty() : t.rows(), 0));
    }

    void handedOut(RootChunkSplit s) {
        adjustInFlight(s, +1);
    }

    /** A reader failed: its chunks come back to be handed out again. */
    void returned(RootChunkSplit s) {
        adjustInFlight(s, -1);
    }

    private void adjustInFlight(RootChunkSplit s, int delta) {
        TrackedFile t = files.get(s.path());
        if (t != null && s.notice().isEmpty() && t.latest().sameVersion(s.file())) {
            files.put(s.path(), t.withInFlight(t.inFlight() + delta));
        }
    }

    void done(ChunkDoneEvent e) {
        TrackedFile t = files.get(e.path());
        if (t == null || !t.latest().sameVersion(e.file())) {
            return;
        }
        TrackedFile after = t.withInFlight(t.inFlight() - 1);
        files.put(e.path(), e.emittedEvents() && e.events() > 0 ? after.withRows(t.latest()) : after);
    }

    List<TrackedFile> snapshot() {
        return List.copyOf(files.values());
    }

    int size() {
        return files.size();
    }

    private static FileIdentity identity(FilePlan p) {
        if (p instanceof FilePlan.Chunks c) {
            return c.identity();
        }
        if (p instanceof FilePlan.Refused r) {
            return r.identity();
        }
        throw new IllegalArgumentException("no identity for " + p.listed());
    }

    private static String tree(FilePlan p) {
        return p instanceof FilePlan.Chunks c ? c.tree() : ((FilePlan.Refused) p).tree();
    }

    private static String sample(FilePlan p) {
        return p instanceof FilePlan.Chunks c ? c.sample() : ((FilePlan.Refused) p).sample();
    }
}
