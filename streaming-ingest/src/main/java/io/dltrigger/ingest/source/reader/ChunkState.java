package io.dltrigger.ingest.source.reader;

import io.dltrigger.ingest.source.split.RootChunkSplit;

/** A chunk being read and, once emitted, whether it was quarantined (for the progress event). */
final class ChunkState {
    final RootChunkSplit split;
    boolean quarantined;

    ChunkState(RootChunkSplit split) {
        this.split = split;
    }
}
