package io.dltrigger.ingest.source.split;

import java.util.List;
import java.util.Set;

/**
 * The enumerator's state: chunks planned but not yet handed to a reader, and every file already planned
 * (so it is never planned twice). Chunks handed out live in the readers' state; a chunk in neither has
 * been emitted before the checkpoint, hence committed by the sink with it.
 */
public record PendingChunksCheckpoint(List<RootChunkSplit> pending, Set<String> plannedFiles) {
    public PendingChunksCheckpoint {
        pending = List.copyOf(pending);
        plannedFiles = Set.copyOf(plannedFiles);
    }
}
