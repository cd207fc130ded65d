package io.dltrigger.ingest.source.enumerate;

import io.dltrigger.bridge.root.BranchInfo;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootFormatException;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.ingest.source.split.FileMeta;
import io.dltrigger.ingest.source.split.RootChunkSplit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a discovered file into chunk splits: opens it, checks the tree and the required branches, and
 * asks the reader for basket-aligned entry ranges of about {@code chunkEvents} entries. A file that
 * cannot be planned becomes a single bad-file split with the reason; the stream goes on.
 */
public final class SplitPlanner implements Serializable {
    private final String tree;
    private final List<String> branches;
    private final long chunkEvents;
    private final SampleResolver samples;

    public SplitPlanner(String tree, List<String> branches, long chunkEvents, SampleResolver samples) {
        this.tree = tree;
        this.branches = List.copyOf(branches);
        this.chunkEvents = chunkEvents;
        this.samples = samples;
    }

    public List<RootChunkSplit> plan(FileMeta file) {
        Optional<String> sample = samples.sampleOf(file.name());
        if (sample.isEmpty()) {
            return List.of(RootChunkSplit.badFile(
                    file,
                    tree,
                    "unknown",
                    "file name " + file.name() + " does not give a sample name by " + samples.describe()));
        }
        try (RootFile root = RootFile.open(file.path())) {
            if (!root.treeNames().contains(tree)) {
                return List.of(RootChunkSplit.badFile(
                        file,
                        tree,
                        sample.get(),
                        "no tree '" + tree + "' in " + file.path() + " (trees: " + root.treeNames() + ")"));
            }
            RootTree t = root.tree(tree);
            Set<String> present = t.branches().stream().map(BranchInfo::name).collect(Collectors.toSet());
            List<String> missing =
                    branches.stream().filter(b -> !present.contains(b)).toList();
            if (!missing.isEmpty()) {
                return List.of(RootChunkSplit.badFile(
                        file,
                        tree,
                        sample.get(),
                        "tree '" + tree + "' in " + file.path() + " lacks required branches "
                                + String.join(", ", missing)));
            }
            long entries = t.entries();
            List<RootChunkSplit> chunks = new ArrayList<>();
            for (EntryRange r : t.planChunks(branches, chunkEvents)) {
                chunks.add(RootChunkSplit.chunk(file, tree, sample.get(), r.start(), r.stop(), entries));
            }
            return chunks;
        } catch (RootFormatException e) {
            return List.of(RootChunkSplit.badFile(file, tree, sample.get(), e.getMessage()));
        } catch (RuntimeException e) {
            // the decoder's own failures on garbage bytes surface as runtime exceptions
            return List.of(RootChunkSplit.badFile(file, tree, sample.get(), "cannot read " + file.path() + ": " + e));
        } catch (Exception e) {
            throw new IllegalStateException("closing " + file.path() + " failed", e);
        }
    }
}
