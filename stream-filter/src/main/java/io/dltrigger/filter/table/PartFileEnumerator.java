package io.dltrigger.filter.table;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.sink.StaleFiles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds committed event-table part files (every discovery interval, or once when bounded), plans the chunks of each
 * that nothing has scored or planned yet as one split, and hands splits to readers as they ask. A fresh job first
 * reads the scored table's ledger, so that a rerun scores nothing twice whatever its checkpoint says; a restored one
 * continues from its state. Scans run in the coordinator's worker thread; state changes only in its main thread.
 */
final class PartFileEnumerator implements SplitEnumerator<PartSplit, EnumeratorState> {
    private static final Logger LOG = LoggerFactory.getLogger(PartFileEnumerator.class);

    private final SplitEnumeratorContext<PartSplit> context;
    private final List<String> tables;
    private final String scoredTable;
    private final boolean bounded;
    private final long discoveryMillis;
    /** Written here, read by scans in the worker thread. */
    private final Map<String, String> examined;

    private final Set<String> planned;
    private final Deque<PartSplit> pending;
    private final Set<Integer> waiting = new LinkedHashSet<>();
    private boolean seeded;
    private boolean scanned;
    private boolean cleanedUp;
    private final long startedAt = System.currentTimeMillis();

    PartFileEnumerator(
            SplitEnumeratorContext<PartSplit> context,
            List<String> tables,
            String scoredTable,
            boolean bounded,
            long discoveryMillis,
            EnumeratorState restored) {
        this.context = context;
        this.tables = tables;
        this.scoredTable = scoredTable;
        this.bounded = bounded;
        this.discoveryMillis = discoveryMillis;
        this.examined = new ConcurrentHashMap<>(restored == null ? Map.of() : restored.examined());
        this.planned = new HashSet<>(restored == null ? Set.of() : restored.planned());
        this.pending = new ArrayDeque<>(restored == null ? List.of() : restored.pending());
        this.seeded = restored != null;
    }

    /** What a scan found, and for a fresh job what the scored table already holds. */
    private record Scan(List<TableScan.Found> found, List<String> unreadable, Set<String> scored) {}

    @Override
    public void start() {
        if (bounded) {
            context.callAsync(this::scan, this::plan);
        } else {
            context.callAsync(this::scan, this::plan, 0, discoveryMillis);
        }
    }

    private Scan scan() throws Exception {
        Set<String> scored = seeded ? null : TableScan.scoredChunks(scoredTable);
        List<String> unreadable = new ArrayList<>();
        return new Scan(TableScan.newPartFiles(tables, examined, unreadable), unreadable, scored);
    }

    private void plan(Scan scan, Throwable error) {
        if (error != null) {
            if (bounded) {
                throw new FlinkRuntimeException("cannot list the event tables " + tables, error);
            }
            LOG.warn(
                    "cannot list the event tables {} (trying again in {} ms): {}",
                    tables,
                    discoveryMillis,
                    error.toString());
            return;
        }
        if (scan.scored() != null && !seeded) {
            planned.addAll(scan.scored());
            seeded = true;
            LOG.info(
                    "the scored table {} holds {} chunks already: they are not scored again",
                    scoredTable,
                    scan.scored().size());
        }
        for (String u : scan.unreadable()) {
            LOG.error(
                    "skipping an event-table part file whose footer cannot be read (looked at again when it changes): {}",
                    u);
        }
        int files = 0;
        int chunks = 0;
        for (TableScan.Found f : scan.found()) {
            examined.put(f.status().getPath().toString(), TableScan.version(f.status()));
            List<IngestLedger.Entry> fresh = new ArrayList<>();
            for (IngestLedger.Entry e : f.chunks()) {
                if (planned.add(ScoringWork.key(e))) {
                    fresh.add(e);
                }
            }
            if (!fresh.isEmpty()) {
                pending.add(new PartSplit(new ScoringWork(
                        f.status().getPath().toString(),
                        f.status().getLen(),
                        f.status().getModificationTime(),
                        f.partition(),
                        fresh.toArray(IngestLedger.Entry[]::new))));
                files++;
                chunks += fresh.size();
            }
        }
        if (files > 0) {
            LOG.info("planned {} chunks of {} new part files; {} part files waiting", chunks, files, pending.size());
        }
        scanned = true;
        assign();
    }

    private void assign() {
        var it = waiting.iterator();
        while (it.hasNext()) {
            int reader = it.next();
            if (!context.registeredReaders().containsKey(reader)) {
                it.remove();
            } else if (!pending.isEmpty()) {
                context.assignSplit(pending.poll(), reader);
                it.remove();
            } else if (bounded && scanned) {
                context.signalNoMoreSplits(reader);
                it.remove();
            }
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        waiting.add(subtaskId);
        assign();
    }

    @Override
    public void addSplitsBack(List<PartSplit> splits, int subtaskId) {
        for (int i = splits.size() - 1; i >= 0; i--) {
            pending.addFirst(splits.get(i));
        }
        assign();
    }

    @Override
    public void addReader(int subtaskId) {}

    @Override
    public EnumeratorState snapshotState(long checkpointId) {
        return new EnumeratorState(Map.copyOf(examined), Set.copyOf(planned), List.copyOf(pending));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (!cleanedUp) {
            // restored part files are committed by now (the committer does it when it starts): what is still hidden
            // in the scored table and older than this job was left by a crash, and will never be committed
            cleanedUp = true;
            context.callAsync(() -> StaleFiles.delete(startedAt, scoredTable), (deleted, error) -> {
                if (error != null) {
                    LOG.warn("cleaning up files left by earlier runs failed: {}", error.toString());
                }
            });
        }
    }

    @Override
    public void close() {}
}
