package io.dltrigger.ingest.source.split;

import java.util.Optional;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The unit of work: entries [start, stop) of one tree of one ROOT file, basket-aligned by the reader's
 * chunk planner; or, when the file could not be planned (not ROOT, corrupt, missing branches, no sample
 * name), a "bad file" split carrying the reason, so that the quarantine record is emitted by a reader
 * and committed with the same exactly-once guarantee as the events.
 *
 * @param fileEntries entries of the whole tree, for progress and the bytes estimate
 * @param fileBytes size of the file, to attribute input bytes to chunks in proportion to entries
 * @param fileModified modification time of the file (ms since epoch), the base of the event lag
 * @param emitted the chunk's element was emitted before the checkpoint that holds this split (a checkpoint
 *     can fall between a reader emitting a chunk and retiring it); a restored reader then skips it
 */
public record RootChunkSplit(
        String path,
        String tree,
        String sample,
        long start,
        long stop,
        long fileEntries,
        long fileBytes,
        long fileModified,
        Optional<String> badFileReason,
        boolean emitted)
        implements SourceSplit {
    private static final int MAX_REASON = 4000;

    public RootChunkSplit {
        if (start < 0 || stop < start) {
            throw new IllegalArgumentException("bad entry range [" + start + ", " + stop + ") for " + path);
        }
    }

    public static RootChunkSplit chunk(FileMeta file, String tree, String sample, long start, long stop, long entries) {
        return new RootChunkSplit(
                file.path(), tree, sample, start, stop, entries, file.size(), file.modified(), Optional.empty(), false);
    }

    public static RootChunkSplit badFile(FileMeta file, String tree, String sample, String reason) {
        // bounded so that a runaway exception message cannot bloat checkpoints
        String r = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
        return new RootChunkSplit(
                file.path(), tree, sample, 0, 0, 0, file.size(), file.modified(), Optional.of(r), false);
    }

    public RootChunkSplit asEmitted() {
        return new RootChunkSplit(
                path, tree, sample, start, stop, fileEntries, fileBytes, fileModified, badFileReason, true);
    }

    @Override
    public String splitId() {
        return badFileReason.isPresent() ? path + "#bad" : path + "#" + start + "-" + stop;
    }

    public long events() {
        return stop - start;
    }

    /** ROOT bytes attributed to this chunk: the file's size shared out by entries. */
    public long estimatedBytes() {
        return fileEntries == 0 ? fileBytes : Math.round((double) fileBytes * events() / fileEntries);
    }

    public boolean isLastChunk() {
        return badFileReason.isPresent() || stop == fileEntries;
    }

    @Override
    public String toString() {
        return splitId();
    }
}
