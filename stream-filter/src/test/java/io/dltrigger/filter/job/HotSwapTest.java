package io.dltrigger.filter.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.ModelRegistryContract;
import io.dltrigger.contract.ScoredTableContract;
import io.dltrigger.filter.sink.AdoptionLog;
import io.dltrigger.filter.testing.FilterFixture;
import io.dltrigger.filter.testing.FilterProcess;
import io.dltrigger.filter.testing.ParquetRows;
import io.dltrigger.filter.testing.Stages;
import io.dltrigger.filter.testing.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model published while the filter runs (continuous, its own JVM) is taken without a restart: part files keep
 * arriving before, during and after {@code bin/dltrigger publish}; every event is scored once; the rows scored before
 * the publication carry the old version, those of part files arriving after the adoption the new one, and each row
 * holds the probabilities of the model it names (the batch {@code score} command's, with that model); a part file's
 * rows come from one model (files roll at checkpoints, where the switch happens); the adoption is recorded with
 * the checkpoint from which the new model scored.
 */
class HotSwapTest {
    private static final Duration DEADLINE = Duration.ofSeconds(240);

    @TempDir
    Path dir;

    @Test
    void aModelPublishedWhileTheJobRunsTakesOverAtACheckpoint() throws Exception {
        FilterFixture f = FilterFixture.get();
        // this test publishes: its own copy of the registry
        Path registry = dir.resolve("registry");
        copy(f.registry(), registry);
        Path weak = registry.resolve(ModelRegistryContract.MODELS_DIR).resolve(f.version(f.weakHlf()));
        Path better = registry.resolve(ModelRegistryContract.MODELS_DIR).resolve(f.version(f.betterHlf()));
        List<Path> parts = ParquetRows.partFiles(f.events());
        Path watched = dir.resolve("events");
        Path scored = dir.resolve("scored");
        int third = parts.size() / 3;
        for (Path p : parts.subList(0, third)) {
            FilterProcess.arrive(f.events(), p, watched);
        }
        Set<Tables.Key> early = new HashSet<>(Tables.eventKeys(watched));
        Path log = dir.resolve("filter.log");
        Process filter = FilterProcess.start(
                log,
                "--input",
                watched.toString(),
                "--registry",
                registry.toString(),
                "--output",
                scored.toString(),
                "--checkpoint-interval",
                "500ms",
                "--discovery-interval",
                "300ms",
                "--model-poll-interval",
                "200ms",
                "--parallelism",
                "2");
        Set<Tables.Key> late;
        try {
            FilterProcess.await(
                    "the first part files to be scored",
                    DEADLINE,
                    log,
                    () -> Tables.scoredCount(scored) == early.size());
            // part files keep arriving while the better model is published
            Thread arrivals = new Thread(() -> {
                try {
                    for (Path p : parts.subList(third, 2 * third)) {
                        FilterProcess.arrive(f.events(), p, watched);
                        Thread.sleep(150);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            arrivals.start();
            Stages.run(
                    dir.resolve("publish.log"),
                    "publish",
                    "--config",
                    "conf/training-demo.yaml",
                    "--model",
                    better.toString(),
                    "--features",
                    f.features().toString(),
                    "--registry",
                    registry.toString());
            arrivals.join();
            assertEquals(
                    f.version(f.betterHlf()),
                    ModelRegistryContract.current(registry, "HLF").orElseThrow().version(),
                    "publish made the better model current: " + Files.readString(dir.resolve("publish.log")));
            FilterProcess.await(
                    "the adoption of the new model",
                    DEADLINE,
                    log,
                    () -> AdoptionLog.read(scored.toString()).stream()
                            .anyMatch(a -> a.version().equals(f.version(f.betterHlf()))));
            Set<Tables.Key> before = new HashSet<>(Tables.eventKeys(watched));
            for (Path p : parts.subList(2 * third, parts.size())) {
                FilterProcess.arrive(f.events(), p, watched);
            }
            late = new HashSet<>(Tables.eventKeys(watched));
            late.removeAll(before);
            int all = Tables.eventKeys(f.events()).size();
            FilterProcess.await("every event to be scored", DEADLINE, log, () -> Tables.scoredCount(scored) >= all);
            Thread.sleep(1500);
        } finally {
            FilterProcess.stop(filter);
        }

        List<Tables.ScoredRow> rows = Tables.scored(scored);
        List<Tables.Key> keys = rows.stream().map(Tables.ScoredRow::key).toList();
        List<Tables.Key> events = Tables.eventKeys(f.events());
        assertEquals(events.size(), rows.size(), "none lost or doubled");
        assertEquals(Set.of(), Tables.duplicates(keys));
        assertEquals(new HashSet<>(events), new HashSet<>(keys));

        String oldVersion = f.version(weak);
        String newVersion = f.version(better);
        Map<String, Map<Tables.Key, float[]>> expected =
                Map.of(oldVersion, f.batchScores(f.weakHlf()), newVersion, f.batchScores(f.betterHlf()));
        Map<String, Integer> byVersion = new HashMap<>();
        Map<Path, Set<String>> versionsOfFile = new HashMap<>();
        for (Tables.ScoredRow r : rows) {
            byVersion.merge(r.modelVersion(), 1, Integer::sum);
            versionsOfFile.computeIfAbsent(r.file(), k -> new HashSet<>()).add(r.modelVersion());
            if (early.contains(r.key())) {
                assertEquals(oldVersion, r.modelVersion(), "scored before the publication: " + r.key());
            }
            if (late.contains(r.key())) {
                assertEquals(newVersion, r.modelVersion(), "arrived after the adoption: " + r.key());
            }
            if (r.selected()) {
                float[] p = expected.get(r.modelVersion()).get(r.key());
                assertNotNull(p, r.key() + " " + r.modelVersion());
                for (int c = 0; c < EventClass.COUNT; c++) {
                    assertEquals(p[c], r.p()[c], 1e-6f, r.key() + " scored by " + r.modelVersion());
                }
            }
        }
        assertEquals(Set.of(oldVersion, newVersion), byVersion.keySet(), byVersion.toString());
        for (Map.Entry<Path, Set<String>> e : versionsOfFile.entrySet()) {
            assertEquals(1, e.getValue().size(), "one model per part file: " + e);
            assertEquals(
                    "[\"" + e.getValue().iterator().next() + "\"]",
                    ParquetRows.footer(e.getKey()).get(ScoredTableContract.MODELS_KEY));
        }
        List<ScoredTableContract.Adoption> adoptions = AdoptionLog.read(scored.toString());
        List<ScoredTableContract.Adoption> ofNew = new ArrayList<>(
                adoptions.stream().filter(a -> a.version().equals(newVersion)).toList());
        assertEquals(1, ofNew.size(), adoptions.toString());
        ScoredTableContract.Adoption a = ofNew.get(0);
        assertEquals(oldVersion, a.previousVersion());
        assertEquals("HLF", a.kind());
        assertTrue(a.checkpoint() > 0, "adopted at a checkpoint of the running job: " + a);
        assertTrue(Files.readString(log).contains("from checkpoint " + a.checkpoint() + " on, scoring with"));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p));
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
