package io.dltrigger.ingest.source.reader;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.split.RootChunkSplit;

/**
 * A chunk being read: whether its element has been emitted (a checkpoint taken between emitting and
 * retiring the chunk must not make a restored reader emit it again), and the dead letter's kind if the
 * element was one.
 */
final class ChunkState {
    final RootChunkSplit split;
    boolean emitted;
    IngestLedger.Kind deadLetter;

    ChunkState(RootChunkSplit split) {
        this.split = split;
    }
}
