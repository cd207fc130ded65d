package io.dltrigger.ingest.source.impl;

import io.dltrigger.ingest.source.enumerate.RootFileDiscovery;
import io.dltrigger.ingest.source.enumerate.SplitPlanner;
import io.dltrigger.ingest.source.split.FileMeta;
import io.dltrigger.ingest.source.split.PendingChunksCheckpoint;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code path shared by the static and the continuous enumerator: discovery and planning run off the
 * coordinator thread ({@code callAsync}); their result is merged on the coordinator thread, where new
 * chunks queue up in file order and are handed to readers as they ask for work (one chunk per request).
 * The subclasses only decide when discovery runs and whether it can ever find more.
 */
abstract class AbstractChunkEnumerator implements SplitEnumerator<RootChunkSplit, PendingChunksCheckpoint> {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractChunkEnumerator.class);

    protected final SplitEnumeratorContext<RootChunkSplit> context;
    private final RootFileDiscovery discovery;
    private final SplitPlanner planner;
    private final Deque<RootChunkSplit> pending;
    /** Written on the coordinator thread, read by discovery to skip known files. */
    private final Set<String> plannedFiles = ConcurrentHashMap.newKeySet();
    /** One entry per outstanding request: a reader may keep more than one chunk requested. */
    private final Deque<Integer> awaitingReaders = new ArrayDeque<>();

    private final FileProgress progress = new FileProgress();
    /** Pending chunks per file, for the filesPending gauge (read by the metrics thread). */
    private final Map<String, Integer> pendingPerFile = new HashMap<>();

    private volatile int filesPending;

    /**
     * Planning opens every file, so a round plans at most this many: with a large backlog the first
     * chunks reach the readers after seconds, not after the whole backlog has been opened. Rounds that
     * leave files behind are followed at once by another.
     */
    static final int FILES_PER_ROUND = 8;

    /** Files planned by one discovery round, with their chunks; {@code more}: files were left for later. */
    protected record Discovered(List<FileMeta> files, List<List<RootChunkSplit>> chunks, boolean more) {}

    AbstractChunkEnumerator(
            SplitEnumeratorContext<RootChunkSplit> context,
            RootFileDiscovery discovery,
            SplitPlanner planner,
            PendingChunksCheckpoint restored) {
        this.context = context;
        this.discovery = discovery;
        this.planner = planner;
        this.pending = new ArrayDeque<>();
        restored.pending().forEach(s -> enqueue(s, false));
        this.plannedFiles.addAll(restored.plannedFiles());
    }

    @Override
    public void start() {
        context.metricGroup().gauge("filesPending", () -> filesPending);
        context.metricGroup().gauge("filesPlanned", plannedFiles::size);
        startDiscovery();
    }

    /** Schedules {@link #discover()} with {@link #onDiscovered} as its handler. */
    protected abstract void startDiscovery();

    /** Whether discovery may still find files; once false, readers without work are told "no more". */
    protected abstract boolean mayFindMore();

    /** Lists new complete files and plans them; runs on a worker thread. */
    protected final Discovered discover() {
        List<FileMeta> files = new ArrayList<>();
        List<List<RootChunkSplit>> chunks = new ArrayList<>();
        boolean more = false;
        for (FileMeta f : discovery.completeFiles()) {
            if (plannedFiles.contains(f.path())) {
                continue;
            }
            if (files.size() == FILES_PER_ROUND) {
                more = true;
                break;
            }
            files.add(f);
            chunks.add(planner.plan(f));
        }
        return new Discovered(files, chunks, more);
    }

    /** Merges a discovery round on the coordinator thread. */
    protected final void onDiscovered(Discovered found, Throwable error) {
        if (error != null) {
            onDiscoveryFailure(error);
            return;
        }
        for (int i = 0; i < found.files().size(); i++) {
            FileMeta f = found.files().get(i);
            // two overlapping rounds may both plan a file: the first merged wins
            if (plannedFiles.add(f.path())) {
                List<RootChunkSplit> chunks = found.chunks().get(i);
                chunks.forEach(c -> enqueue(c, false));
                progress.planned(
                        f.path(),
                        chunks.size(),
                        chunks.isEmpty() ? 0 : chunks.get(0).fileEntries());
                LOG.info("planned {}: {}", f.path(), describe(chunks));
            }
        }
        assignPending();
    }

    protected abstract void onDiscoveryFailure(Throwable error);

    private static String describe(List<RootChunkSplit> chunks) {
        if (chunks.isEmpty()) {
            return "no entries";
        }
        RootChunkSplit first = chunks.get(0);
        return first.badFileReason()
                .map(r -> "quarantined: " + r)
                .orElse(first.fileEntries() + " entries in " + chunks.size() + " chunks, sample=" + first.sample());
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        awaitingReaders.add(subtaskId);
        assignPending();
    }

    @Override
    public void addSplitsBack(List<RootChunkSplit> splits, int subtaskId) {
        // chunks of a failed reader since the last checkpoint: hand them out again first
        for (int i = splits.size() - 1; i >= 0; i--) {
            enqueue(splits.get(i), true);
        }
        assignPending();
    }

    @Override
    public void addReader(int subtaskId) {
        // readers ask for work themselves
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (event instanceof ChunkDoneEvent done) {
            progress.chunkDone(done, filesPending);
        }
    }

    protected final void assignPending() {
        Iterator<Integer> readers = awaitingReaders.iterator();
        while (readers.hasNext()) {
            int reader = readers.next();
            if (!context.registeredReaders().containsKey(reader)) {
                readers.remove();
            } else if (!pending.isEmpty()) {
                context.assignSplit(dequeue(), reader);
                readers.remove();
            } else if (!mayFindMore()) {
                context.signalNoMoreSplits(reader);
                readers.remove();
            } else {
                break;
            }
        }
    }

    private void enqueue(RootChunkSplit split, boolean first) {
        if (first) {
            pending.addFirst(split);
        } else {
            pending.addLast(split);
        }
        pendingPerFile.merge(split.path(), 1, Integer::sum);
        filesPending = pendingPerFile.size();
    }

    private RootChunkSplit dequeue() {
        RootChunkSplit split = pending.poll();
        pendingPerFile.computeIfPresent(split.path(), (path, n) -> n == 1 ? null : n - 1);
        filesPending = pendingPerFile.size();
        return split;
    }

    @Override
    public PendingChunksCheckpoint snapshotState(long checkpointId) {
        return new PendingChunksCheckpoint(new ArrayList<>(pending), Set.copyOf(plannedFiles));
    }

    @Override
    public void close() {
        // nothing held: discovery runs in the context's executor
    }
}
