package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.testing.EventTable;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.RootChecksums;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded ingestion of the real Delphes file under three sample names, on a real MiniCluster. */
class BoundedIngestTest {
    @TempDir Path dir;

    @Test
    void writesEveryEventOnceWithTheRootFilesChecksums() throws Exception {
        Path eic = TestInputs.eicDelphes();
        Path in = dir.resolve("in");
        List<Path> bySample = new ArrayList<>();
        for (String name : List.of("qcd_seed1_0000.root", "qcd_seed1_0001.root", "ttbar_seed2_0000.root",
                "wjets_seed3_0000.root")) {
            bySample.add(TestInputs.drop(eic, in, name));
        }
        IngestSettings s = TestInputs.settings(in, dir.resolve("events"));
        s.collections = TestInputs.PARTICLE;
        IngestConfig cfg = s.toConfig();
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        env.execute("bounded test");

        EventTable table = EventTable.read(dir.resolve("events"));
        assertEquals(Map.of("qcd", 2000L, "ttbar", 1000L, "wjets", 1000L), table.rowsBySample());
        assertEquals(List.of(), table.duplicates());
        assertEquals(Set.of("source_file", "entry", "Particle_PT", "Particle_Eta", "Particle_Phi", "Particle_Charge",
                "Particle_PID"), table.columns());
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertTrue(table.keys().stream().allMatch(k -> k.date().equals(today)));
        assertTrue(table.keys().stream().allMatch(k -> k.sourceFile().startsWith("file:")
                && k.sourceFile().endsWith(".root") && k.sourceFile().contains(k.sample() + "_seed")));
        assertEquals(RootChecksums.of(bySample.subList(0, 2), "Delphes", cfg.columns()), table.checksums("qcd"));
        assertEquals(RootChecksums.of(bySample.subList(2, 3), "Delphes", cfg.columns()), table.checksums("ttbar"));
        assertEquals(List.of(), Quarantine.read(dir.resolve("events/_quarantine")));
        // after a finished job, the partitions hold committed part files only
        try (var files = Files.walk(dir.resolve("events"))) {
            List<String> names = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains("/sample=")).map(p -> p.getFileName().toString()).toList();
            assertTrue(!names.isEmpty() && names.stream().allMatch(n -> n.startsWith("part-") && n.endsWith(".parquet")),
                    names.toString());
        }
    }
}
