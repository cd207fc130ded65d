package io.dltrigger.ingest.source.reader;

import io.dltrigger.bridge.io.Storage;
import io.dltrigger.bridge.io.StorageEntry;
import io.dltrigger.bridge.io.StorageException;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootFormatException;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.source.StorageRetry;
import io.dltrigger.ingest.source.split.FileIdentity;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import io.dltrigger.ingest.table.ChunkCodec;
import io.dltrigger.ingest.table.EventTableSchema;
import io.dltrigger.ingest.table.MemberColumns;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one chunk per fetch through arrow-bridge into one {@link ChunkResult}, from the version of the file
 * it was planned from:
 *
 * <ul>
 *   <li>the file as opened must be that version (size, time, ROOT UUID), and still be after the read: a
 *       file changed since planning gives a {@code superseded} dead letter, never rows from other bytes
 *       (the enumerator plans the new version);
 *   <li>a storage failure (file gone for a moment, server down, timeout) is retried with backoff, other
 *       assigned chunks going on meanwhile, and recorded as {@code unavailable} only after the retry
 *       timeout: never as corrupt;
 *   <li>bytes that do not decode give a {@code corrupt} dead letter with the reason and entry range.
 * </ul>
 *
 * Chunks of one file usually come one after the other, so the last opened file is kept open.
 */
final class RootChunkSplitReader implements SplitReader<ChunkResult, RootChunkSplit> {
    private static final Logger LOG = LoggerFactory.getLogger(RootChunkSplitReader.class);
    /** Longest sleep in one fetch while chunks wait for storage, so that wake-ups are not missed long. */
    private static final long MAX_WAIT_MS = 1000;

    /** A chunk waiting for storage: first failure, attempts, next attempt (ms). */
    private record Waiting(long first, int attempts, long next) {}

    private final List<RootChunkSplit> splits = new ArrayList<>();
    private final Map<String, Waiting> waiting = new HashMap<>();
    private final List<String> branches;
    private final MemberColumns members;
    private final StorageRetry retry;
    private final ReaderMetrics metrics;
    private final BufferAllocator allocator = new RootAllocator();
    private final Object wakeUp = new Object();
    private boolean woken;
    private RootFile openFile;
    private FileIdentity openVersion;
    /** Parsing a tree's metadata is costly: keep the tree of the open file across its chunks. */
    private RootTree openTree;

    RootChunkSplitReader(EventTableSchema schema, StorageRetry retry, ReaderMetrics metrics) {
        this.branches = schema.branches();
        this.members = new MemberColumns(schema);
        this.retry = retry;
        this.metrics = metrics;
    }

    /** The file changed since planning: what the split was planned from is no longer there to read. */
    private static final class Superseded extends Exception {
        Superseded(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public RecordsWithSplitIds<ChunkResult> fetch() throws IOException {
        RootChunkSplit split = nextReady();
        if (split == null) {
            return new RecordsBySplits<>(Map.of(), Set.of());
        }
        if (split.emitted()) {
            return finished(split, null);
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        if (split.notice().isPresent()) {
            return finished(
                    split,
                    deadLetter(
                            split,
                            today,
                            split.notice().get().kind(),
                            split.notice().get().reason()));
        }
        try {
            ChunkResult result = read(split, today);
            waiting.remove(split.splitId());
            metrics.awaitingStorage(waiting.size());
            return finished(split, result);
        } catch (Superseded e) {
            closeFile();
            waiting.remove(split.splitId());
            LOG.warn("{}: {}", split, e.getMessage());
            return finished(split, deadLetter(split, today, IngestLedger.Kind.SUPERSEDED, e.getMessage()));
        } catch (StorageException e) {
            closeFile();
            return storageFailed(split, today, e);
        } catch (RootFormatException | MemberColumns.ChunkFormatException e) {
            closeFile();
            return badBytes(split, today, e.getMessage());
        } catch (RuntimeException e) {
            // the decoder's own failures on garbage bytes surface as runtime exceptions
            closeFile();
            return badBytes(
                    split,
                    today,
                    "cannot decode entries [" + split.start() + ", " + split.stop() + ") of " + split.path() + ": "
                            + e);
        }
    }

    /** The first assigned chunk not waiting for a retry; or, if all wait, none after sleeping a while. */
    private RootChunkSplit nextReady() {
        long now = System.currentTimeMillis();
        long soonest = Long.MAX_VALUE;
        for (RootChunkSplit s : splits) {
            Waiting w = waiting.get(s.splitId());
            if (w == null || w.next() <= now) {
                splits.remove(s);
                return s;
            }
            soonest = Math.min(soonest, w.next());
        }
        if (soonest != Long.MAX_VALUE) {
            sleep(Math.min(MAX_WAIT_MS, soonest - now));
        }
        return null;
    }

    private ChunkResult read(RootChunkSplit split, String today)
            throws IOException, Superseded, MemberColumns.ChunkFormatException {
        RootTree tree = tree(split);
        try (VectorSchemaRoot batch = tree.read(branches, new EntryRange(split.start(), split.stop()), allocator);
                VectorSchemaRoot columns = members.fromBranches(batch, split.events(), allocator)) {
            byte[] ipc = ChunkCodec.encode(columns);
            checkStillThere(split);
            return ChunkResult.events(
                    split.file(), split.sample(), split.tree(), split.start(), split.stop(), today, ipc);
        }
    }

    /**
     * After the read: the path must still show the planned version, or the bytes may have changed under the
     * open handle (a file rewritten in place). A file deleted since it was opened was read through the
     * handle of the planned version: its chunk stands.
     */
    private void checkStillThere(RootChunkSplit split) throws IOException, Superseded {
        if (!split.file().known()) {
            return;
        }
        try {
            StorageEntry now = Storage.forLocation(split.path()).stat(split.path());
            if (now.size() != split.file().size()
                    || now.modified() != split.file().modified()) {
                throw new Superseded(changed(split.file(), now, "while it was read"));
            }
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    private static String changed(FileIdentity planned, StorageEntry now, String when) {
        return "superseded: " + planned.path() + " changed " + when + " (planned: " + planned.describe()
                + "; now: size " + now.size() + " bytes, modified " + java.time.Instant.ofEpochMilli(now.modified())
                + "); entries not read from it, the new version is planned anew";
    }

    private RecordsWithSplitIds<ChunkResult> storageFailed(RootChunkSplit split, String today, StorageException e) {
        long now = System.currentTimeMillis();
        Waiting before = waiting.get(split.splitId());
        long first = before == null ? now : before.first();
        int attempts = before == null ? 1 : before.attempts() + 1;
        if (retry.expired(first, now)) {
            waiting.remove(split.splitId());
            metrics.storageError(waiting.size());
            String reason = "unavailable: storage failed for " + (now - first) / 1000 + " s (" + attempts
                    + " attempts): " + e.getMessage();
            LOG.warn("{}: {}", split, reason);
            return finished(split, deadLetter(split, today, IngestLedger.Kind.UNAVAILABLE, reason));
        }
        long delay = retry.delayMillis(attempts);
        waiting.put(split.splitId(), new Waiting(first, attempts, now + delay));
        splits.add(split);
        metrics.storageError(waiting.size());
        LOG.warn("{}: storage error (attempt {}), retrying in {} ms: {}", split, attempts, delay, e.getMessage());
        return new RecordsBySplits<>(Map.of(), Set.of());
    }

    /**
     * Bytes that do not decode: corrupt, unless the file changed meanwhile (a copy still being written,
     * then completed) or storage failed under the decoder, which are not the bytes' fault.
     */
    private RecordsWithSplitIds<ChunkResult> badBytes(RootChunkSplit split, String today, String reason) {
        if (split.file().known()) {
            try {
                StorageEntry now = Storage.forLocation(split.path()).stat(split.path());
                if (now.size() != split.file().size()
                        || now.modified() != split.file().modified()) {
                    String why = changed(split.file(), now, "while it was read");
                    LOG.warn("{}: {}", split, why);
                    return finished(split, deadLetter(split, today, IngestLedger.Kind.SUPERSEDED, why));
                }
            } catch (StorageException e) {
                return storageFailed(split, today, e);
            } catch (IOException e) {
                // cannot tell: the reason stands
            }
        }
        return finished(split, deadLetter(split, today, IngestLedger.Kind.CORRUPT, reason));
    }

    private static RecordsWithSplitIds<ChunkResult> finished(RootChunkSplit split, ChunkResult result) {
        Map<String, java.util.Collection<ChunkResult>> records =
                result == null ? Map.of() : Map.of(split.splitId(), List.of(result));
        return new RecordsBySplits<>(records, Set.of(split.splitId()));
    }

    private static ChunkResult deadLetter(RootChunkSplit split, String today, IngestLedger.Kind kind, String reason) {
        return ChunkResult.deadLetter(
                split.file(), split.sample(), split.tree(), split.start(), split.stop(), today, kind, reason);
    }

    /** The tree of the split's file, opened if needed and checked to be the version planned. */
    private RootTree tree(RootChunkSplit split) throws IOException, Superseded {
        if (openFile != null
                && openVersion.equals(split.file())
                && openTree.name().equals(split.tree())) {
            return openTree;
        }
        closeFile();
        RootFile file = RootFile.open(split.path());
        try {
            FileIdentity planned = split.file();
            StorageEntry opened = file.status();
            boolean sameBytes =
                    !planned.known() || (opened.size() == planned.size() && opened.modified() == planned.modified());
            boolean sameUuid = planned.uuid().isEmpty() || planned.uuid().equals(file.uuid());
            if (!sameBytes || !sameUuid) {
                throw new Superseded(changed(planned, opened, "after it was planned")
                        + (sameUuid ? "" : " (ROOT UUID now " + file.uuid() + ")"));
            }
            openTree = file.tree(split.tree());
        } catch (IOException | RuntimeException | Superseded e) {
            file.close();
            throw e;
        }
        openFile = file;
        openVersion = split.file();
        return openTree;
    }

    private void closeFile() {
        if (openFile != null) {
            openFile.close();
            openFile = null;
            openTree = null;
            openVersion = null;
        }
    }

    private void sleep(long ms) {
        synchronized (wakeUp) {
            if (!woken && ms > 0) {
                try {
                    wakeUp.wait(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            woken = false;
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<RootChunkSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("unsupported splits change " + change.getClass());
        }
        splits.addAll(change.splits());
    }

    @Override
    public void wakeUp() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    @Override
    public void close() {
        closeFile();
        allocator.close();
    }
}
