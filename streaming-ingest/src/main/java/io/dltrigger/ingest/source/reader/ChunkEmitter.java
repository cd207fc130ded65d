package io.dltrigger.ingest.source.reader;

import io.dltrigger.ingest.source.ChunkResult;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/** Emits a chunk's one element and accounts for it. */
final class ChunkEmitter implements RecordEmitter<ChunkResult, ChunkResult, ChunkState> {
    private final ReaderMetrics metrics;

    ChunkEmitter(ReaderMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void emitRecord(ChunkResult result, SourceOutput<ChunkResult> output, ChunkState state) {
        output.collect(result);
        state.emitted = true;
        state.quarantined = result.quarantined();
        metrics.emitted(result, state.split);
    }
}
