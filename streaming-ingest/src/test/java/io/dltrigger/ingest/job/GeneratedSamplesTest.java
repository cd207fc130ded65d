package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.RootChecksums;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated files of all three classes, default (trigger) collections: the table equals the ROOT files. */
class GeneratedSamplesTest {
    private static final Map<EventClass, Integer> EVENTS =
            Map.of(EventClass.QCD, 700, EventClass.TTBAR, 500, EventClass.WJETS, 600);

    @TempDir
    Path dir;

    @Test
    void everyClassArrivesWithRowCountsAndColumnChecksumsOfItsRootFiles() throws Exception {
        Path in = dir.resolve("in");
        Map<String, List<Path>> files = new HashMap<>();
        for (Map.Entry<EventClass, Integer> e : EVENTS.entrySet()) {
            files.put(
                    e.getKey().id(),
                    GeneratedRuns.write(in, e.getKey(), 11 + e.getKey().ordinal(), e.getValue(), 250, 100));
        }
        IngestConfig cfg = TestInputs.settings(in, dir.resolve("events")).toConfig();
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        env.execute("generated samples test");

        assertEquals(List.of(), Quarantine.read(dir.resolve("events/_quarantine")));
        TableRows table = TableRows.read(dir.resolve("events"));
        assertEquals(Map.of("qcd", 700L, "ttbar", 500L, "wjets", 600L), table.rowsBySample());
        assertEquals(List.of(), table.duplicates());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertTrue(table.keys().stream()
                .allMatch(k -> k.date().equals(today)
                        && k.sourceFile().startsWith("file:/")
                        && k.sourceFile().contains("/" + k.sample() + "_seed")));
        // after a finished job, the partitions hold committed part files only
        try (Stream<Path> all = Files.walk(dir.resolve("events"))) {
            List<String> names = all.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains("/sample="))
                    .map(p -> p.getFileName().toString())
                    .toList();
            assertTrue(
                    !names.isEmpty() && names.stream().allMatch(n -> n.startsWith("part-") && n.endsWith(".parquet")),
                    names.toString());
        }
        assertTrue(
                table.columns().containsAll(List.of("Jet_BTag", "EFlowTrack_PID", "MissingET_MET", "Electron_Charge")));
        for (String sample : files.keySet()) {
            Map<String, io.dltrigger.ingest.testing.Checksum> expected =
                    RootChecksums.of(files.get(sample), "Delphes", cfg.columns());
            assertEquals(27, expected.size());
            assertEquals(expected, table.checksums(sample), sample);
        }
    }
}
