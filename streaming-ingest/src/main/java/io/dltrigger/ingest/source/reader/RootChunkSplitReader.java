package io.dltrigger.ingest.source.reader;

import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootFormatException;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import io.dltrigger.ingest.table.ChunkCodec;
import io.dltrigger.ingest.table.EventTableSchema;
import io.dltrigger.ingest.table.MemberColumns;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
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

/**
 * Reads one chunk per fetch through arrow-bridge into one {@link ChunkResult}. Chunks of one file usually
 * come one after the other, so the last opened file is kept open. A failure to read the chunk (corrupt
 * baskets, wrong branch type; arrow-bridge reports storage errors the same way) quarantines the chunk
 * with the reason; any other failure fails the task, and Flink retries it from the last checkpoint.
 */
final class RootChunkSplitReader implements SplitReader<ChunkResult, RootChunkSplit> {
    private final Deque<RootChunkSplit> splits = new ArrayDeque<>();
    private final List<String> branches;
    private final MemberColumns members;
    private final BufferAllocator allocator = new RootAllocator();
    private RootFile openFile;
    /** Parsing a tree's metadata is costly: keep the tree of the open file across its chunks. */
    private RootTree openTree;

    RootChunkSplitReader(EventTableSchema schema) {
        this.branches = schema.branches();
        this.members = new MemberColumns(schema);
    }

    @Override
    public RecordsWithSplitIds<ChunkResult> fetch() throws IOException {
        RootChunkSplit split = splits.poll();
        if (split == null) {
            return new RecordsBySplits<>(Map.of(), Set.of());
        }
        if (split.emitted()) {
            return new RecordsBySplits<>(Map.of(), Set.of(split.splitId()));
        }
        ChunkResult result = read(split);
        return new RecordsBySplits<>(Map.of(split.splitId(), List.of(result)), Set.of(split.splitId()));
    }

    private ChunkResult read(RootChunkSplit split) throws IOException {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        if (split.badFileReason().isPresent()) {
            return quarantine(split, today, split.badFileReason().get());
        }
        try {
            try (VectorSchemaRoot batch =
                            tree(split).read(branches, new EntryRange(split.start(), split.stop()), allocator);
                    VectorSchemaRoot columns = members.fromBranches(batch, split.events(), allocator)) {
                byte[] ipc = ChunkCodec.encode(columns);
                return new ChunkResult(
                        split.path(), split.sample(), split.tree(), split.start(), split.stop(), today, ipc, "");
            }
        } catch (RootFormatException | MemberColumns.ChunkFormatException e) {
            closeFile();
            return quarantine(split, today, e.getMessage());
        } catch (RuntimeException e) {
            // the decoder's own failures on garbage bytes surface as runtime exceptions
            closeFile();
            return quarantine(
                    split,
                    today,
                    "cannot decode entries [" + split.start() + ", " + split.stop() + ") of " + split.path() + ": "
                            + e);
        }
    }

    private static ChunkResult quarantine(RootChunkSplit split, String today, String reason) {
        return new ChunkResult(
                split.path(),
                split.sample(),
                split.tree(),
                split.start(),
                split.stop(),
                today,
                new byte[0],
                reason == null || reason.isEmpty() ? "unknown error" : reason);
    }

    private RootTree tree(RootChunkSplit split) throws IOException {
        if (openFile == null
                || !openFile.location().equals(split.path())
                || !openTree.name().equals(split.tree())) {
            closeFile();
            RootFile file = RootFile.open(split.path());
            try {
                openTree = file.tree(split.tree());
            } catch (IOException | RuntimeException e) {
                file.close();
                throw e;
            }
            openFile = file;
        }
        return openTree;
    }

    private void closeFile() {
        if (openFile != null) {
            try {
                openFile.close();
            } catch (Exception e) {
                // a failed close of a read-only file loses nothing
            }
            openFile = null;
            openTree = null;
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
        // fetch() never blocks waiting for splits
    }

    @Override
    public void close() {
        closeFile();
        allocator.close();
    }
}
