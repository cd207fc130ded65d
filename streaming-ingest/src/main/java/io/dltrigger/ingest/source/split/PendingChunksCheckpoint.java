package io.dltrigger.ingest.source.split;

import java.util.List;

/**
 * The enumerator's state: chunks planned but not yet handed to a reader, and what it knows of every path
 * it has seen ({@link TrackedFile}: the version planned, quarantined or reported, and which version has
 * rows). Chunks handed out live in the readers' state; a chunk in neither has been emitted before the
 * checkpoint, hence committed by the sink with it.
 */
public record PendingChunksCheckpoint(List<RootChunkSplit> pending, List<TrackedFile> files) {
    public PendingChunksCheckpoint {
        pending = List.copyOf(pending);
        files = List.copyOf(files);
    }

    public static PendingChunksCheckpoint empty() {
        return new PendingChunksCheckpoint(List.of(), List.of());
    }
}
