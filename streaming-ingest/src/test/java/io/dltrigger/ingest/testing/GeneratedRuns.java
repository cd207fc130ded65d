package io.dltrigger.ingest.testing;

import io.dltrigger.generator.event.Sample;
import io.dltrigger.generator.physics.EventGenerator;
import io.dltrigger.generator.rootio.DelphesRootWriter;
import io.dltrigger.generator.rootio.WriterOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Delphes-layout ROOT files from the project's generator (the event-generator test dependency), named
 * like {@code bin/dltrigger generate} names them ({@code SAMPLE_seedS_NNNN.root}) and published by the
 * generator's writer under a hidden in-progress name, then renamed.
 */
public final class GeneratedRuns {
    private GeneratedRuns() {
    }

    /**
     * @param entriesPerCluster the writer's cluster size, which bounds the reader's chunks
     * @return the files written, in order
     */
    public static List<Path> write(Path dir, Sample sample, long seed, int events, int eventsPerFile,
            int entriesPerCluster) throws IOException {
        EventGenerator generator = new EventGenerator(sample, seed);
        WriterOptions options = WriterOptions.defaults().withEntriesPerCluster(entriesPerCluster);
        List<Path> files = new ArrayList<>();
        for (int file = 0; file * eventsPerFile < events; file++) {
            Path target = dir.resolve(String.format("%s_seed%d_%04d.root", sample.id(), seed, file));
            try (DelphesRootWriter writer = new DelphesRootWriter(target, options)) {
                for (int i = file * eventsPerFile; i < Math.min(events, (file + 1) * eventsPerFile); i++) {
                    writer.write(generator.next());
                }
            }
            files.add(target);
        }
        return files;
    }
}
