package io.dltrigger.ingest.source.split;

import java.util.Optional;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * The unit of work: entries [start, stop) of one tree of one version of a ROOT file ({@link FileIdentity}),
 * basket-aligned by the reader's chunk planner; or a notice (the file could not be planned: not ROOT,
 * corrupt, missing branches, no sample name; or it changed after ingestion), so that its dead-letter
 * record is emitted by a reader and committed with the same exactly-once guarantee as the events.
 *
 * @param fileEntries entries of the whole tree, for progress and the bytes estimate
 * @param emitted the chunk's element was emitted before the checkpoint that holds this split (a checkpoint
 *     can fall between a reader emitting a chunk and retiring it); a restored reader then skips it
 */
public record RootChunkSplit(
        FileIdentity file,
        String tree,
        String sample,
        long start,
        long stop,
        long fileEntries,
        Optional<Notice> notice,
        boolean emitted)
        implements SourceSplit {

    public RootChunkSplit {
        if (start < 0 || stop < start) {
            throw new IllegalArgumentException("bad entry range [" + start + ", " + stop + ") for " + file.path());
        }
    }

    public static RootChunkSplit chunk(
            FileIdentity file, String tree, String sample, long start, long stop, long entries) {
        return new RootChunkSplit(file, tree, sample, start, stop, entries, Optional.empty(), false);
    }

    public static RootChunkSplit notice(FileIdentity file, String tree, String sample, Notice notice) {
        return new RootChunkSplit(file, tree, sample, 0, 0, 0, Optional.of(notice), false);
    }

    public RootChunkSplit asEmitted() {
        return new RootChunkSplit(file, tree, sample, start, stop, fileEntries, notice, true);
    }

    public String path() {
        return file.path();
    }

    @Override
    public String splitId() {
        String version = file.path() + "@" + file.tag();
        return notice.map(n -> version + "#" + n.kind().label()).orElse(version + "#" + start + "-" + stop);
    }

    public long events() {
        return stop - start;
    }

    /** ROOT bytes attributed to this chunk: the file's size shared out by entries. */
    public long estimatedBytes() {
        long bytes = Math.max(0, file.size());
        return fileEntries == 0 ? bytes : Math.round((double) bytes * events() / fileEntries);
    }

    @Override
    public String toString() {
        return splitId();
    }
}
