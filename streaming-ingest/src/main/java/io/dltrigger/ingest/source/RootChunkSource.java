package io.dltrigger.ingest.source;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.ledger.LedgerView;
import io.dltrigger.ingest.ledger.TableLedger;
import io.dltrigger.ingest.sink.StaleFiles;
import io.dltrigger.ingest.source.enumerate.RootFileDiscovery;
import io.dltrigger.ingest.source.enumerate.SampleResolver;
import io.dltrigger.ingest.source.enumerate.SplitPlanner;
import io.dltrigger.ingest.source.impl.ContinuousChunkEnumerator;
import io.dltrigger.ingest.source.impl.StaticChunkEnumerator;
import io.dltrigger.ingest.source.reader.RootChunkSourceReader;
import io.dltrigger.ingest.source.split.PendingChunksCheckpoint;
import io.dltrigger.ingest.source.split.PendingChunksCheckpointSerializer;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import io.dltrigger.ingest.source.split.RootChunkSplitSerializer;
import io.dltrigger.ingest.table.EventTableSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * ROOT files -> chunks of event-table columns (FLIP-27). Only wires the parts: discovery and planning
 * ({@code enumerate}), a static or continuous enumerator ({@code impl}, one code path), and the reader
 * ({@code reader}). Bounded and continuous mode differ only in the enumerator.
 */
public final class RootChunkSource implements Source<ChunkResult, RootChunkSplit, PendingChunksCheckpoint> {
    private final RootFileDiscovery discovery;
    private final SplitPlanner planner;
    private final EventTableSchema schema;
    private final boolean bounded;
    private final Duration discoveryInterval;
    private final StorageRetry retry;
    private final String output;
    private final String quarantine;

    public RootChunkSource(IngestConfig config) {
        this.schema = config.tableSchema();
        this.discovery = new RootFileDiscovery(config.inputs(), config.quietPeriod());
        this.planner = new SplitPlanner(
                config.tree(),
                schema.branches(),
                config.chunkEvents(),
                new SampleResolver(config.samplePattern(), config.sample()));
        this.bounded = config.bounded();
        this.discoveryInterval = config.discoveryInterval();
        this.retry = new StorageRetry(config.storageRetryTimeout());
        this.output = config.output();
        this.quarantine = config.quarantine();
    }

    @Override
    public Boundedness getBoundedness() {
        return bounded ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<RootChunkSplit, PendingChunksCheckpoint> createEnumerator(
            SplitEnumeratorContext<RootChunkSplit> context) {
        return restoreEnumerator(context, PendingChunksCheckpoint.empty());
    }

    @Override
    public SplitEnumerator<RootChunkSplit, PendingChunksCheckpoint> restoreEnumerator(
            SplitEnumeratorContext<RootChunkSplit> context, PendingChunksCheckpoint checkpoint) {
        String table = output;
        String deadLetters = quarantine;
        long startedAt = System.currentTimeMillis();
        Callable<LedgerView> ledger = () -> TableLedger.load(table, deadLetters);
        Runnable cleanup = () -> {
            try {
                StaleFiles.delete(startedAt, table, deadLetters);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        return bounded
                ? new StaticChunkEnumerator(context, discovery, planner, ledger, cleanup, retry, checkpoint)
                : new ContinuousChunkEnumerator(
                        context, discovery, planner, ledger, cleanup, retry, checkpoint, discoveryInterval);
    }

    @Override
    public SourceReader<ChunkResult, RootChunkSplit> createReader(SourceReaderContext context) {
        return new RootChunkSourceReader(context, schema, retry);
    }

    @Override
    public SimpleVersionedSerializer<RootChunkSplit> getSplitSerializer() {
        return RootChunkSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<PendingChunksCheckpoint> getEnumeratorCheckpointSerializer() {
        return new PendingChunksCheckpointSerializer();
    }
}
