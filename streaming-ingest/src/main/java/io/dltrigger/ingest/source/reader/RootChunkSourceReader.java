package io.dltrigger.ingest.source.reader;

import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.source.StorageRetry;
import io.dltrigger.ingest.source.impl.ChunkDoneEvent;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import io.dltrigger.ingest.table.EventTableSchema;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;

/**
 * The source's reader: one fetcher thread decodes chunks; each chunk is one element and is finished once
 * emitted, so a checkpoint holds only chunks not yet emitted. Keeps {@value #IN_FLIGHT} chunks requested
 * so the fetcher does not idle while the enumerator answers.
 */
public final class RootChunkSourceReader
        extends SingleThreadMultiplexSourceReaderBase<ChunkResult, ChunkResult, RootChunkSplit, ChunkState> {
    private static final int IN_FLIGHT = 2;

    public RootChunkSourceReader(SourceReaderContext context, EventTableSchema schema, StorageRetry retry) {
        this(context, schema, retry, new ReaderMetrics(context.metricGroup()));
    }

    private RootChunkSourceReader(
            SourceReaderContext context, EventTableSchema schema, StorageRetry retry, ReaderMetrics metrics) {
        super(
                () -> new RootChunkSplitReader(schema, retry, metrics),
                new ChunkEmitter(metrics),
                context.getConfiguration(),
                context);
    }

    @Override
    public void start() {
        for (int i = getNumberOfCurrentlyAssignedSplits(); i < IN_FLIGHT; i++) {
            context.sendSplitRequest();
        }
    }

    @Override
    protected void onSplitFinished(Map<String, ChunkState> finished) {
        for (ChunkState s : finished.values()) {
            if (!s.split.emitted()) {
                // (a split emitted before a restore was reported then)
                context.sendSourceEventToCoordinator(new ChunkDoneEvent(
                        s.split.file(), s.deadLetter == null ? s.split.events() : 0, s.deadLetter, s.split.sample()));
            }
            context.sendSplitRequest();
        }
    }

    @Override
    protected ChunkState initializedState(RootChunkSplit split) {
        return new ChunkState(split);
    }

    @Override
    protected RootChunkSplit toSplitType(String splitId, ChunkState state) {
        return state.emitted ? state.split.asEmitted() : state.split;
    }
}
