package io.dltrigger.filter.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.filter.testing.FilterFixture;
import io.dltrigger.filter.testing.FilterProcess;
import io.dltrigger.filter.testing.ParquetRows;
import io.dltrigger.filter.testing.Tables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill: {@code filter} (continuous, in a JVM of its own) scores an event table while ingest keeps committing
 * part files into it, and is killed with SIGKILL three times at random moments, each time started again with the same
 * command (it resumes by itself from the newest complete checkpoint). At the end the scored table holds every event
 * of the event table exactly once: the same count and the same checksum over (source_file, entry).
 */
class KillAndResumeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(240);
    private static final int KILLS = 3;

    @TempDir
    Path dir;

    @Test
    void killedThreeTimesEveryEventIsScoredOnce() throws Exception {
        FilterFixture f = FilterFixture.get();
        List<Path> parts = ParquetRows.partFiles(f.events());
        assertTrue(parts.size() >= 2 * (KILLS + 1), "the fixture's event table has " + parts.size() + " part files");
        Path watched = dir.resolve("events");
        Path scored = dir.resolve("scored");
        Random random = new Random(16);
        int arrived = 0;
        int perRun = parts.size() / (KILLS + 1);
        for (int run = 0; run < KILLS; run++) {
            for (int i = 0; i < perRun; i++) {
                FilterProcess.arrive(f.events(), parts.get(arrived++), watched);
            }
            Path log = dir.resolve("run-" + run + ".log");
            long before = Tables.scoredCount(scored);
            Process p = FilterProcess.start(log, args(watched, f.registry(), scored));
            FilterProcess.await(
                    "run " + run + " to commit something", DEADLINE, log, () -> Tables.scoredCount(scored) > before);
            Thread.sleep(random.nextInt(1500));
            FilterProcess.kill9(p);
            List<Tables.Key> keys =
                    Tables.scored(scored).stream().map(Tables.ScoredRow::key).toList();
            assertEquals(Set.of(), Tables.duplicates(keys), "after kill " + (run + 1));
        }
        while (arrived < parts.size()) {
            FilterProcess.arrive(f.events(), parts.get(arrived++), watched);
        }
        List<Tables.Key> events = Tables.eventKeys(f.events());
        Path log = dir.resolve("final.log");
        Process last = FilterProcess.start(log, args(watched, f.registry(), scored));
        try {
            FilterProcess.await(
                    "every event to be scored", DEADLINE, log, () -> Tables.scoredCount(scored) >= events.size());
            // two more checkpoints' time: anything scored twice would be committed by now
            Thread.sleep(1500);
        } finally {
            FilterProcess.stop(last);
        }
        assertTrue(Files.readString(log).contains("resuming from"), "the same command resumed by itself");

        List<Tables.Key> keys =
                Tables.scored(scored).stream().map(Tables.ScoredRow::key).toList();
        assertEquals(events.size(), keys.size(), "every event scored once");
        assertEquals(Set.of(), Tables.duplicates(keys));
        assertEquals(new HashSet<>(events), new HashSet<>(keys));
        assertEquals(Tables.checksum(events), Tables.checksum(keys));
    }

    private static String[] args(Path in, Path registry, Path scored) {
        return new String[] {
            "--input",
            in.toString(),
            "--registry",
            registry.toString(),
            "--output",
            scored.toString(),
            "--checkpoint-interval",
            "500ms",
            "--discovery-interval",
            "300ms",
            "--parallelism",
            "2"
        };
    }
}
