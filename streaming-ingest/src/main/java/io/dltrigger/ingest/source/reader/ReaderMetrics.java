package io.dltrigger.ingest.source.reader;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;

/**
 * The reader's metrics: {@code eventsPerSecond} and {@code bytesPerSecond} (ROOT bytes, the file's size
 * shared out by entries) as meters over their counters, {@code filesQuarantined} (corrupt),
 * {@code chunksSuperseded} (the file changed after planning), {@code chunksUnavailable} (storage failed past
 * the retry timeout), {@code storageErrors} (failed attempts, each retried), {@code chunksAwaitingStorage}
 * (chunks waiting to be retried), and {@code eventLagMs} (now minus the modification time of the file of the
 * last emitted chunk: how far behind arrival we are).
 */
final class ReaderMetrics {
    private final Counter events;
    private final Counter bytes;
    private final Counter filesQuarantined;
    private final Counter superseded;
    private final Counter unavailable;
    private final Counter storageErrors;
    private final AtomicInteger awaitingStorage = new AtomicInteger();
    private final Set<String> quarantinedPaths = new HashSet<>();
    private volatile long lastFileModified = -1;

    ReaderMetrics(MetricGroup group) {
        events = group.counter("eventsIn");
        bytes = group.counter("rootBytesIn");
        filesQuarantined = group.counter("filesQuarantined");
        superseded = group.counter("chunksSuperseded");
        unavailable = group.counter("chunksUnavailable");
        storageErrors = group.counter("storageErrors");
        group.meter("eventsPerSecond", new MeterView(events));
        group.meter("bytesPerSecond", new MeterView(bytes));
        group.gauge("chunksAwaitingStorage", awaitingStorage::get);
        group.gauge("eventLagMs", () -> lastFileModified < 0 ? 0L : System.currentTimeMillis() - lastFileModified);
    }

    /** Called by the fetcher thread: one failed attempt, and how many chunks now wait for storage. */
    void storageError(int waiting) {
        storageErrors.inc();
        awaitingStorage.set(waiting);
    }

    void awaitingStorage(int waiting) {
        awaitingStorage.set(waiting);
    }

    void emitted(ChunkResult result, RootChunkSplit split) {
        lastFileModified = split.file().modified();
        if (!result.quarantined()) {
            events.inc(result.events());
            bytes.inc(split.estimatedBytes());
        } else if (result.deadLetterKind().equals(IngestLedger.Kind.SUPERSEDED.label())) {
            superseded.inc();
        } else if (result.deadLetterKind().equals(IngestLedger.Kind.UNAVAILABLE.label())) {
            unavailable.inc();
        } else if (result.deadLetterKind().equals(IngestLedger.Kind.CORRUPT.label())
                && quarantinedPaths.add(split.path())) {
            filesQuarantined.inc();
        }
    }
}
