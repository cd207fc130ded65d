package io.dltrigger.ingest.testing;

import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.cli.FilePlan;
import io.dltrigger.generator.physics.EventGenerator;
import io.dltrigger.generator.rootio.DelphesRootWriter;
import io.dltrigger.generator.rootio.WriterOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Delphes-layout ROOT files from the project's generator (the event-generator test dependency): the same
 * files, names and per-file seeds as {@code bin/dltrigger generate} ({@link FilePlan}), published by the
 * generator's writer under a hidden in-progress name, then renamed. Only the cluster size is chosen
 * here, smaller than the CLI's, so that small test files still cut into several chunks.
 */
public final class GeneratedRuns {
    private GeneratedRuns() {}

    /**
     * @param entriesPerCluster the writer's cluster size, which bounds the reader's chunks
     * @return the files written, in order
     */
    public static List<Path> write(
            Path dir, EventClass sample, long seed, int events, int eventsPerFile, int entriesPerCluster)
            throws IOException {
        WriterOptions options = WriterOptions.defaults().withEntriesPerCluster(entriesPerCluster);
        List<Path> files = new ArrayList<>();
        for (FilePlan.PlannedFile f :
                FilePlan.of(sample, events, eventsPerFile, seed).files()) {
            EventGenerator generator = new EventGenerator(sample, f.seed());
            Path target = dir.resolve(f.name());
            try (DelphesRootWriter writer = new DelphesRootWriter(target, options)) {
                for (int i = 0; i < f.events(); i++) {
                    writer.write(generator.next());
                }
            }
            files.add(target);
        }
        return files;
    }
}
