package io.dltrigger.ingest.source.reader;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.ChunkResult;
import java.util.Locale;
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
        state.deadLetter = result.quarantined()
                ? IngestLedger.Kind.valueOf(result.deadLetterKind().toUpperCase(Locale.ROOT))
                : null;
        metrics.emitted(result, state.split);
    }
}
