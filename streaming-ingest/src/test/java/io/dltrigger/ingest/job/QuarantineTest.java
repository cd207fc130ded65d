package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bad files among good ones go to the dead-letter table with their reason; the good ones all arrive. */
class QuarantineTest {
    /** Keeps the job's metrics after it ends; the cluster reports to it. */
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path dir;

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
        InMemoryReporter metrics = METRICS;
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        JobID job = env.execute("quarantine test").getJobID();

        TableRows table = TableRows.read(dir.resolve("events"));
        assertEquals(Map.of("qcd", 1000L, "wjets", 1000L), table.rowsBySample());
        assertEquals(List.of(), table.duplicates());

        Map<String, String> reasons = new TreeMap<>();
        for (JsonNode r : Quarantine.read(dir.resolve("events/_quarantine"))) {
            String file = r.get("source_file").asText();
            reasons.put(
                    file.substring(file.lastIndexOf('/') + 1), r.get("reason").asText());
        }
        assertEquals(
                List.of(
                        "qcd_seed1_0001.root",
                        "ttbar_seed1_0000.root",
                        "ttbar_seed1_0001.root",
                        "unnamed.root",
                        "wjets_seed1_0001.root"),
                List.copyOf(reasons.keySet()));
        assertTrue(reasons.get("qcd_seed1_0001.root").contains("truncated"), reasons.toString());
        assertTrue(reasons.get("ttbar_seed1_0000.root").contains("not a ROOT file"), reasons.toString());
        assertTrue(reasons.get("ttbar_seed1_0001.root").contains("not a ROOT file"), reasons.toString());
        assertTrue(reasons.get("unnamed.root").contains("sample"), reasons.toString());
        assertTrue(reasons.get("wjets_seed1_0001.root").contains("corrupt"), reasons.toString());
        reasons.forEach((file, reason) -> assertTrue(file.equals("unnamed.root") || reason.contains(file), reason));

        // the source's metrics, summed over its subtasks
        assertEquals(2000, sum(metrics.findMetrics(job, "eventsIn")));
        assertEquals(5, sum(metrics.findMetrics(job, "filesQuarantined")));
        assertTrue(sum(metrics.findMetrics(job, "rootBytesIn")) > 0);
        for (String name : List.of("eventsPerSecond", "bytesPerSecond", "eventLagMs", "filesPending", "filesPlanned")) {
            assertTrue(!metrics.findMetrics(job, name).isEmpty(), "no metric " + name);
        }
    }

    @Test
    void quarantinesChunksWithCorruptBasketsAndKeepsTheFilesOtherChunks() throws Exception {
        Path in = dir.resolve("in");
        Path good = GeneratedRuns.write(dir.resolve("gen"), EventClass.TTBAR, 41, 250, 250, 50)
                .get(0);
        // header, keys and tree metadata intact (they are written at the end); baskets in the middle not
        TestInputs.corrupted(good, in, good.getFileName().toString(), 0.4);
        IngestConfig cfg = TestInputs.settings(in, dir.resolve("events")).toConfig();
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        env.execute("corrupt chunk test");

        long lost = 0;
        List<JsonNode> records = Quarantine.read(dir.resolve("events/_quarantine"));
        assertTrue(!records.isEmpty());
        for (JsonNode r : records) {
            assertTrue(r.get("entry_stop").asLong() > r.get("entry_start").asLong(), r.toString());
            assertTrue(r.get("reason").asText().contains(good.getFileName().toString()), r.toString());
            lost += r.get("entry_stop").asLong() - r.get("entry_start").asLong();
        }
        assertTrue(lost < 250, "every chunk was lost");
        TableRows table = TableRows.read(dir.resolve("events"));
        assertEquals(Map.of("ttbar", 250 - lost), table.rowsBySample());
        assertEquals(List.of(), table.duplicates());
    }

    private static long sum(Map<String, Metric> found) {
        assertTrue(!found.isEmpty());
        return found.values().stream().mapToLong(m -> ((Counter) m).getCount()).sum();
    }
}
