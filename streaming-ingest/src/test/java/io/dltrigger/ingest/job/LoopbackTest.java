package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.testing.Listeners;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local MiniCluster of the ingest job listens on loopback only (read from /proc while the job runs). */
class LoopbackTest {
    @TempDir
    Path dir;

    @Test
    void theLocalClusterListensOnLoopbackOnly() throws Exception {
        Path in = dir.resolve("in");
        GeneratedRuns.write(in, EventClass.QCD, 5, 200, 100, 100);
        IngestConfig cfg = TestInputs.settings(in, dir.resolve("events")).toConfig();
        StreamExecutionEnvironment env = IngestJob.environment(cfg);
        IngestJob.build(env, cfg);
        JobClient job = env.executeAsync("loopback test");
        Set<String> seen = new TreeSet<>(Listeners.ofThisProcess());
        job.getJobExecutionResult().get();
        assertFalse(seen.isEmpty(), "the cluster's services listen while the job runs");
        for (String address : seen) {
            assertTrue(Listeners.loopback(address), "the job's cluster listens on " + address + ": " + seen);
        }
    }
}
