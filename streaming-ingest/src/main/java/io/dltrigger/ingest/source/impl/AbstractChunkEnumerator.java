package io.dltrigger.ingest.source.impl;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.ledger.LedgerView;
import io.dltrigger.ingest.source.StorageRetry;
import io.dltrigger.ingest.source.enumerate.RootFileDiscovery;
import io.dltrigger.ingest.source.enumerate.SplitPlanner;
import io.dltrigger.ingest.source.split.FileIdentity;
import io.dltrigger.ingest.source.split.FileMeta;
import io.dltrigger.ingest.source.split.FilePlan;
import io.dltrigger.ingest.source.split.Notice;
import io.dltrigger.ingest.source.split.PendingChunksCheckpoint;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code path shared by the static and the continuous enumerator: discovery and planning run off the
 * coordinator thread ({@code callAsync}); their result is merged on the coordinator thread, where new
 * chunks queue up in file order and are handed to readers as they ask for work (one chunk per request).
 * The subclasses only decide when discovery runs and whether it can ever find more.
 *
 * <p>The first round reads what the table already holds ({@link LedgerView}); each planned file is then
 * decided by version ({@link FileVersions}). A file that storage fails to open is retried with backoff
 * ({@link StorageRetry}) and reported, never quarantined. After the first completed checkpoint, the
 * in-progress part files that earlier runs left behind are deleted.
 */
abstract class AbstractChunkEnumerator implements SplitEnumerator<RootChunkSplit, PendingChunksCheckpoint> {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractChunkEnumerator.class);

    protected final SplitEnumeratorContext<RootChunkSplit> context;
    protected final StorageRetry retry;
    private final RootFileDiscovery discovery;
    private final SplitPlanner planner;
    private final Callable<LedgerView> ledgerLoader;
    private final Runnable cleanup;
    private final Deque<RootChunkSplit> pending;
    private final FileVersions versions;
    /** Files storage failed to open, by path: when first, how often, when to try next. */
    private final Map<String, Failure> unreachable = new ConcurrentHashMap<>();
    /** One entry per outstanding request: a reader may keep more than one chunk requested. */
    private final Deque<Integer> awaitingReaders = new ArrayDeque<>();

    private final FileProgress progress = new FileProgress();
    /** Pending chunks per file, for the filesPending gauge (read by the metrics thread). */
    private final Map<String, Integer> pendingPerFile = new HashMap<>();

    private volatile int filesPending;
    private volatile LedgerView ledger;
    private boolean cleanedUp;
    /** A new version was seen in the last round but must wait for its previous version's chunks. */
    protected boolean deferred;

    private Counter storageErrors;
    private Counter filesChanged;

    /**
     * Planning opens every file, so a round plans at most this many: with a large backlog the first
     * chunks reach the readers after seconds, not after the whole backlog has been opened. Rounds that
     * leave files behind are followed at once by another.
     */
    static final int FILES_PER_ROUND = 8;

    /**
     * A file refused for its bytes and modified less than this long ago may still be being written (a copy
     * without rename): it is looked at again before it is quarantined.
     */
    static final long SETTLE_MILLIS = 2_000;

    /** A file storage failed to open: first failure, attempts, next attempt (ms), last error. */
    record Failure(long first, int attempts, long next, String error) {}

    /**
     * Files planned by one discovery round; {@code more}: files were left for later; {@code waiting}:
     * files storage failed to open wait for their next attempt.
     */
    protected record Discovered(LedgerView ledger, List<FilePlan> plans, boolean more, boolean waiting) {}

    AbstractChunkEnumerator(
            SplitEnumeratorContext<RootChunkSplit> context,
            RootFileDiscovery discovery,
            SplitPlanner planner,
            Callable<LedgerView> ledgerLoader,
            Runnable cleanup,
            StorageRetry retry,
            PendingChunksCheckpoint restored) {
        this.context = context;
        this.discovery = discovery;
        this.planner = planner;
        this.ledgerLoader = ledgerLoader;
        this.cleanup = cleanup;
        this.retry = retry;
        this.pending = new ArrayDeque<>();
        restored.pending().forEach(s -> enqueue(s, false));
        this.versions = new FileVersions(restored.files());
    }

    @Override
    public void start() {
        context.metricGroup().gauge("filesPending", () -> filesPending);
        context.metricGroup().gauge("filesPlanned", versions::size);
        storageErrors = context.metricGroup().counter("storageErrors");
        filesChanged = context.metricGroup().counter("filesChangedAfterIngestion");
        startDiscovery();
    }

    /** Schedules {@link #discover()} with {@link #onDiscovered} as its handler. */
    protected abstract void startDiscovery();

    /** Whether discovery may still find files; once false, readers without work are told "no more". */
    protected abstract boolean mayFindMore();

    /** Lists new complete files and plans them; runs on a worker thread. */
    protected final Discovered discover() throws Exception {
        LedgerView known = ledger != null ? ledger : ledgerLoader.call();
        List<FilePlan> plans = new ArrayList<>();
        boolean more = false;
        boolean waiting = false;
        long now = System.currentTimeMillis();
        for (FileMeta f : discovery.completeFiles()) {
            if (versions.isCurrent(f)) {
                continue;
            }
            Failure failed = unreachable.get(f.path());
            if (failed != null && now < failed.next()) {
                waiting = true;
                continue;
            }
            if (plans.size() == FILES_PER_ROUND) {
                more = true;
                break;
            }
            plans.add(planner.plan(f));
        }
        return new Discovered(known, plans, more, waiting);
    }

    /** Merges a discovery round on the coordinator thread. */
    protected final void onDiscovered(Discovered found, Throwable error) {
        if (error != null) {
            onDiscoveryFailure(error);
            return;
        }
        ledger = found.ledger();
        deferred = false;
        for (FilePlan plan : found.plans()) {
            if (plan instanceof FilePlan.Unreachable u) {
                unreachable(u);
                continue;
            }
            unreachable.remove(plan.listed().path());
            if (plan instanceof FilePlan.Refused r && r.fromBytes() && mayStillBeWritten(r.listed())) {
                deferred = true;
                LOG.info(
                        "{}: unreadable and modified {} ms ago, looked at again before quarantine: {}",
                        r.listed().path(),
                        System.currentTimeMillis() - r.listed().modified(),
                        r.reason());
                continue;
            }
            merge(plan);
        }
        assignPending();
    }

    private static boolean mayStillBeWritten(FileMeta f) {
        return System.currentTimeMillis() - f.modified() < SETTLE_MILLIS;
    }

    private void merge(FilePlan plan) {
        String path = plan.listed().path();
        FileVersions.Decision d = versions.decide(plan, ledger);
        if (d instanceof FileVersions.Enqueue e) {
            if (e.replacesOlder()) {
                dropQueuedOlderVersions(path, e.splits());
            }
            e.splits().forEach(c -> enqueue(c, false));
            boolean changed = e.splits().size() == 1
                    && e.splits()
                            .get(0)
                            .notice()
                            .map(n -> n.kind() == IngestLedger.Kind.CHANGED)
                            .orElse(false);
            if (changed) {
                filesChanged.inc();
                LOG.warn("{}: {}", path, e.description());
            } else {
                LOG.info("planned {}: {}", path, e.description());
            }
            progress.planned(
                    path,
                    e.splits().size(),
                    e.splits().stream().mapToLong(RootChunkSplit::events).sum());
        } else if (d instanceof FileVersions.Defer w) {
            deferred = true;
            LOG.info("{}: a new version, planned once the previous one is read ({})", path, w.reason());
        } else if (d instanceof FileVersions.Skip s) {
            LOG.info("skipped {}: {}", path, s.reason());
        }
    }

    /** Storage failed to open a listed file: retry with backoff, report; in bounded mode, give up after the timeout. */
    private void unreachable(FilePlan.Unreachable u) {
        long now = System.currentTimeMillis();
        String path = u.listed().path();
        Failure before = unreachable.get(path);
        int attempts = before == null ? 1 : before.attempts() + 1;
        long first = before == null ? now : before.first();
        storageErrors.inc();
        if (givesUpOnStorage() && retry.expired(first, now)) {
            unreachable.remove(path);
            versions.unavailable(u.listed());
            String reason = "unavailable: storage failed for " + (now - first) / 1000 + " s (" + attempts
                    + " attempts): " + u.error().getMessage();
            LOG.warn("{}: {}; recorded as a dead letter, read it with a later run", path, reason);
            enqueue(
                    RootChunkSplit.notice(
                            FileIdentity.of(u.listed(), ""),
                            "",
                            "unknown",
                            new Notice(IngestLedger.Kind.UNAVAILABLE, reason)),
                    false);
            return;
        }
        long delay = retry.delayMillis(attempts);
        unreachable.put(
                path, new Failure(first, attempts, now + delay, u.error().getMessage()));
        LOG.warn(
                "{}: storage error (attempt {}), retrying in {} ms: {}",
                path,
                attempts,
                delay,
                u.error().getMessage());
    }

    /** Whether a file storage keeps failing is given up after the retry timeout (bounded) or retried forever. */
    protected abstract boolean givesUpOnStorage();

    /** When the next file that storage failed to open is due, if any. */
    protected final OptionalLong nextRetry() {
        return unreachable.values().stream().mapToLong(Failure::next).min();
    }

    private void dropQueuedOlderVersions(String path, List<RootChunkSplit> replacement) {
        FileIdentity current = replacement.isEmpty() ? null : replacement.get(0).file();
        Iterator<RootChunkSplit> it = pending.iterator();
        while (it.hasNext()) {
            RootChunkSplit s = it.next();
            if (s.path().equals(path) && (current == null || !s.file().sameVersion(current))) {
                it.remove();
                pendingPerFile.computeIfPresent(path, (p, n) -> n == 1 ? null : n - 1);
                LOG.info("dropped queued chunk {}: the file changed before it was read", s);
            }
        }
        filesPending = pendingPerFile.size();
    }

    protected abstract void onDiscoveryFailure(Throwable error);

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        awaitingReaders.add(subtaskId);
        assignPending();
    }

    @Override
    public void addSplitsBack(List<RootChunkSplit> splits, int subtaskId) {
        // chunks of a failed reader since the last checkpoint: hand them out again first
        for (int i = splits.size() - 1; i >= 0; i--) {
            versions.returned(splits.get(i));
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
            versions.done(done);
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
                RootChunkSplit split = dequeue();
                versions.handedOut(split);
                context.assignSplit(split, reader);
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
        return new PendingChunksCheckpoint(new ArrayList<>(pending), versions.snapshot());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (!cleanedUp) {
            // restored part files are committed by now (the committer does it when it starts): what is
            // still hidden and older than this job was left by a crash, and will never be committed
            cleanedUp = true;
            context.callAsync(
                    () -> {
                        cleanup.run();
                        return null;
                    },
                    (ok, error) -> {
                        if (error != null) {
                            LOG.warn("cleaning up files left by earlier runs failed: {}", error.toString());
                        }
                    });
        }
    }

    @Override
    public void close() {
        // nothing held: discovery runs in the context's executor
    }
}
