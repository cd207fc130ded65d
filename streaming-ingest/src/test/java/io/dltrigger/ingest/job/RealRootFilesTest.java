package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real ROOT files in testdata/root: the one with a Delphes tree goes through when its own
 * collections are asked for, and is quarantined naming the missing branches under the default (trigger)
 * collections; files without a Delphes tree are quarantined saying so. Never a failed job.
 */
class RealRootFilesTest {
    @TempDir
    Path dir;

    private void ingest(Path in, IngestSettings s) throws Exception {
        IngestConfig cfg = s.toConfig();
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        env.execute("real files test");
    }

    @Test
    void everyRealFileIsIngestedOrQuarantinedWithTheReason() throws Exception {
        Path real = TestInputs.eicDelphes().getParent();
        IngestSettings s = TestInputs.settings(real, dir.resolve("events"));
        s.sample = "real";
        ingest(real, s);

        assertEquals(0, TableRows.read(dir.resolve("events")).rows());
        Map<String, String> reasons = new HashMap<>();
        for (JsonNode r : Quarantine.read(dir.resolve("events/_quarantine"))) {
            String file = r.get("source_file").asText();
            reasons.put(
                    file.substring(file.lastIndexOf('/') + 1), r.get("reason").asText());
        }
        List<String> rootFiles;
        try (Stream<Path> files = Files.list(real)) {
            rootFiles = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".root"))
                    .toList();
        }
        assertEquals(rootFiles.size(), reasons.size(), reasons.toString());
        String eic = reasons.get("eic_delphes_output.root");
        for (String branch : List.of(
                "Electron.PT",
                "MuonTight.PT",
                "Jet.BTag",
                "MissingET.MET",
                "EFlowTrack.PID",
                "EFlowPhoton.ET",
                "EFlowNeutralHadron.Phi")) {
            assertTrue(eic.contains(branch), eic);
        }
        reasons.forEach((file, reason) -> {
            if (!file.equals("eic_delphes_output.root")) {
                assertTrue(reason.contains("no tree 'Delphes'"), file + ": " + reason);
            }
        });
    }

    @Test
    void delphesCollectionsOfTheRealFileMatchAnIndependentReader() throws Exception {
        Path eic = TestInputs.eicDelphes();
        Path in = dir.resolve("in");
        TestInputs.drop(eic, in, "eic_run1.root");
        IngestSettings s = TestInputs.settings(in, dir.resolve("events"));
        s.collections = TestInputs.PARTICLE;
        ingest(in, s);

        TableRows table = TableRows.read(dir.resolve("events"));
        assertEquals(Map.of("eic", (long) TestInputs.EIC_ENTRIES), table.rowsBySample());
        // JSROOT's figures for the same branches (testdata/root/expected/eic_delphes_output.json)
        JsonNode expected = new ObjectMapper()
                .readTree(eic.getParent()
                        .resolve("expected/eic_delphes_output.json")
                        .toFile())
                .get("branches");
        for (String member : TestInputs.PARTICLE.get("Particle")) {
            JsonNode b = expected.get("Particle." + member);
            double want = b.get("sum").asDouble();
            double got = table.sum("Particle_" + member);
            assertEquals(want, got, 1e-6 * Math.max(1, Math.abs(want)), "Particle." + member);
            assertEquals(
                    b.get("values").asLong(),
                    table.checksums("eic").get("Particle_" + member).values());
        }
    }
}
