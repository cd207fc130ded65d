package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.testing.EventTable;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files among good ones go to the dead-letter table with their reason; the good ones all arrive. */
class QuarantineTest {
    @TempDir Path dir;

    @Test
    void quarantinesTruncatedCorruptAndNonRootFilesWhileTheRestCompletes() throws Exception {
        Path eic = TestInputs.eicDelphes();
        Path in = dir.resolve("in");
        TestInputs.drop(eic, in, "qcd_seed1_0000.root");
        TestInputs.drop(eic, in, "wjets_seed1_0000.root");
        TestInputs.truncated(eic, in, "qcd_seed1_0001.root", 0.6);
        Files.writeString(in.resolve("ttbar_seed1_0000.root"), "this is not a ROOT file\n");
        Files.write(in.resolve("ttbar_seed1_0001.root"), new byte[0]);
        TestInputs.drop(eic, in, "unnamed.root");
        TestInputs.corrupted(eic, in, "wjets_seed1_0001.root", 0.3);

        IngestSettings s = TestInputs.settings(in, dir.resolve("events"));
        s.collections = TestInputs.PARTICLE;
        IngestConfig cfg = s.toConfig();
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        env.execute("quarantine test");

        EventTable table = EventTable.read(dir.resolve("events"));
        assertEquals(Map.of("qcd", 1000L, "wjets", 1000L), table.rowsBySample());
        assertEquals(List.of(), table.duplicates());

        Map<String, String> reasons = new TreeMap<>();
        for (JsonNode r : Quarantine.read(dir.resolve("events/_quarantine"))) {
            String file = r.get("source_file").asText();
            reasons.put(file.substring(file.lastIndexOf('/') + 1), r.get("reason").asText());
        }
        assertEquals(List.of("qcd_seed1_0001.root", "ttbar_seed1_0000.root", "ttbar_seed1_0001.root", "unnamed.root",
                        "wjets_seed1_0001.root"),
                List.copyOf(reasons.keySet()));
        assertTrue(reasons.get("qcd_seed1_0001.root").contains("truncated"), reasons.toString());
        assertTrue(reasons.get("ttbar_seed1_0000.root").contains("not a ROOT file"), reasons.toString());
        assertTrue(reasons.get("ttbar_seed1_0001.root").contains("not a ROOT file"), reasons.toString());
        assertTrue(reasons.get("unnamed.root").contains("sample"), reasons.toString());
        assertTrue(reasons.get("wjets_seed1_0001.root").contains("corrupt"), reasons.toString());
        reasons.forEach((file, reason) -> assertTrue(file.equals("unnamed.root") || reason.contains(file), reason));
    }
}
