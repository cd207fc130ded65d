package io.dltrigger.ingest.source.reader;

import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MeterView;
import org.apache.flink.metrics.MetricGroup;

/**
 * The reader's metrics: {@code eventsPerSecond} and {@code bytesPerSecond} (ROOT bytes, the file's size
 * shared out by entries) as meters over their counters, {@code filesQuarantined}, and {@code eventLagMs}
 * (now minus the modification time of the file of the last emitted chunk: how far behind arrival we are).
 */
final class ReaderMetrics {
    private final Counter events;
    private final Counter bytes;
    private final Counter filesQuarantined;
    private final Set<String> quarantinedPaths = new HashSet<>();
    private volatile long lastFileModified = -1;

    ReaderMetrics(MetricGroup group) {
        events = group.counter("eventsIn");
        bytes = group.counter("rootBytesIn");
        filesQuarantined = group.counter("filesQuarantined");
        group.meter("eventsPerSecond", new MeterView(events));
        group.meter("bytesPerSecond", new MeterView(bytes));
        group.gauge("eventLagMs", () -> lastFileModified < 0 ? 0L : System.currentTimeMillis() - lastFileModified);
    }

    void emitted(ChunkResult result, RootChunkSplit split) {
        lastFileModified = split.fileModified();
        if (result.quarantined()) {
            if (quarantinedPaths.add(split.path())) {
                filesQuarantined.inc();
            }
        } else {
            events.inc(result.events());
            bytes.inc(split.estimatedBytes());
        }
    }
}
