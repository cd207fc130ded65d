package io.dltrigger.generator.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.physics.EventGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Files generated in parallel hold exactly the events of a generator seeded for that file alone. The
 * events are collected in memory here, to compare them; GeneratorCliTest writes real ROOT files.
 */
class FileGenerationTest {

    @Test
    void parallelFilesAreReproducibleOneByOne() throws Exception {
        Map<Path, List<DelphesEvent>> written = new ConcurrentHashMap<>();
        FilePlan plan = FilePlan.of(EventClass.WJETS, 23, 5, 99);
        List<Path> paths = new FileGeneration(
                        target -> new EventSink() {
                            private final List<DelphesEvent> events = new ArrayList<>();

                            @Override
                            public void write(DelphesEvent event) {
                                events.add(event);
                            }

                            @Override
                            public void close() {
                                written.put(target, events);
                            }
                        },
                        2)
                .run(plan, Path.of("out"));
        assertEquals(5, paths.size());
        assertEquals(Path.of("out", "wjets_seed99_0004.root"), paths.get(4));
        FilePlan.PlannedFile third = plan.files().get(3);
        EventGenerator alone = new EventGenerator(EventClass.WJETS, third.seed());
        List<DelphesEvent> events = written.get(paths.get(3));
        assertEquals(5, events.size());
        for (DelphesEvent e : events) {
            assertArrayEquals(alone.next().floats("EFlowTrack", "PT"), e.floats("EFlowTrack", "PT"));
        }
        assertEquals(3, written.get(paths.get(4)).size());
    }
}
