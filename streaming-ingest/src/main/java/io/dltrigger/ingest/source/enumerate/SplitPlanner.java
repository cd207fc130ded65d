package io.dltrigger.ingest.source.enumerate;

import io.dltrigger.bridge.io.ByteSource;
import io.dltrigger.bridge.io.Storage;
import io.dltrigger.bridge.io.StorageException;
import io.dltrigger.bridge.root.BranchInfo;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootFormatException;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.ingest.source.split.FileIdentity;
import io.dltrigger.ingest.source.split.FileMeta;
import io.dltrigger.ingest.source.split.FilePlan;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans a listed file: opens it (recording the version opened: size, time and ROOT UUID), checks the tree
 * and the required branches, and asks the reader for basket-aligned entry ranges of about
 * {@code chunkEvents} entries. A file whose bytes are not readable as configured is refused with the
 * reason; a storage failure is reported as such, to be retried.
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

    public FilePlan plan(FileMeta file) {
        Optional<String> sample = samples.sampleOf(file.name());
        if (sample.isEmpty()) {
            return new FilePlan.Refused(
                    file,
                    FileIdentity.of(file, ""),
                    tree,
                    "unknown",
                    "file name " + file.name() + " does not give a sample name by " + samples.describe(),
                    false);
        }
        ByteSource source;
        try {
            source = Storage.forLocation(file.path()).open(file.path());
        } catch (StorageException e) {
            return new FilePlan.Unreachable(file, e);
        } catch (IOException e) {
            return new FilePlan.Unreachable(
                    file, new StorageException(StorageException.Kind.UNAVAILABLE, file.path(), "cannot open", e));
        }
        FileIdentity opened = new FileIdentity(
                file.path(), source.status().size(), source.status().modified(), "");
        try (RootFile root = RootFile.open(source)) {
            FileIdentity id = new FileIdentity(file.path(), opened.size(), opened.modified(), root.uuid());
            if (!root.treeNames().contains(tree)) {
                return refused(
                        file,
                        id,
                        sample.get(),
                        "no tree '" + tree + "' in " + file.path() + " (trees: " + root.treeNames() + ")");
            }
            RootTree t = root.tree(tree);
            Set<String> present = t.branches().stream().map(BranchInfo::name).collect(Collectors.toSet());
            List<String> missing =
                    branches.stream().filter(b -> !present.contains(b)).toList();
            if (!missing.isEmpty()) {
                return refused(
                        file,
                        id,
                        sample.get(),
                        "tree '" + tree + "' in " + file.path() + " lacks required branches "
                                + String.join(", ", missing));
            }
            return new FilePlan.Chunks(file, id, tree, sample.get(), t.entries(), t.planChunks(branches, chunkEvents));
        } catch (StorageException e) {
            return new FilePlan.Unreachable(file, e);
        } catch (RootFormatException e) {
            return refused(file, opened, sample.get(), e.getMessage());
        } catch (IOException | RuntimeException e) {
            // the decoder's own failures on garbage bytes surface as runtime exceptions
            return refused(file, opened, sample.get(), "cannot read " + file.path() + ": " + e);
        }
    }

    private FilePlan refused(FileMeta file, FileIdentity id, String sample, String reason) {
        return new FilePlan.Refused(file, id, tree, sample, reason, true);
    }
}
