package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous mode on a watched folder: files dropped while the job runs are ingested, a file still being
 * written (hidden in-progress name) is left alone until renamed, and after a cancel, a restart from the
 * retained checkpoint finds the file that arrived while the job was down and repeats nothing.
 */
class ContinuousIngestTest {
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void ingestsDroppedFilesIgnoresInProgressOnesAndResumesFromItsCheckpoint() throws Exception {
        Path staging = dir.resolve("staging");
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Path qcd =
                GeneratedRuns.write(staging, EventClass.QCD, 21, 150, 150, 50).get(0);
        Path wjets =
                GeneratedRuns.write(staging, EventClass.WJETS, 22, 120, 120, 50).get(0);
        Path ttbar =
                GeneratedRuns.write(staging, EventClass.TTBAR, 23, 100, 100, 50).get(0);
        Path qcd2 = GeneratedRuns.write(staging.resolve("later"), EventClass.QCD, 24, 80, 80, 50)
                .get(0);
        TestInputs.drop(qcd, in, qcd.getFileName().toString());

        IngestSettings s = TestInputs.settings(in, dir.resolve("events"));
        s.bounded = false;
        IngestConfig cfg = s.toConfig();
        Path table = dir.resolve("events");
        JobClient job = start(cfg);
        TestJobs.await(
                "the first file's 150 events",
                DEADLINE,
                () -> TableRows.read(table).rows() == 150);

        // a writer half-way through: hidden name, truncated content
        Path inProgress = in.resolve("." + ttbar.getFileName() + ".inprogress");
        byte[] bytes = Files.readAllBytes(ttbar);
        Files.write(inProgress, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        TestInputs.drop(wjets, in, wjets.getFileName().toString());
        TestJobs.await(
                "the dropped file's events",
                DEADLINE,
                () -> TableRows.read(table).rows() == 270);
        assertEquals(Map.of("qcd", 150L, "wjets", 120L), TableRows.read(table).rowsBySample());

        // the writer finishes and renames into place
        Files.write(inProgress, bytes);
        Files.move(inProgress, in.resolve(ttbar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        TestJobs.await(
                "the renamed file's events",
                DEADLINE,
                () -> TableRows.read(table).rows() == 370);

        job.cancel().get();
        TestInputs.drop(qcd2, in, qcd2.getFileName().toString());
        IngestSettings resumed = TestInputs.settings(in, table);
        resumed.bounded = false;
        resumed.restoreFrom =
                TestJobs.latestCheckpoint(table.resolve("_checkpoints")).toUri().toString();
        JobClient second = start(resumed.toConfig());
        TestJobs.await(
                "the file that arrived while the job was down",
                DEADLINE,
                () -> TableRows.read(table).rows() >= 450);
        second.cancel().get();

        TableRows result = TableRows.read(table);
        assertEquals(Map.of("qcd", 230L, "wjets", 120L, "ttbar", 100L), result.rowsBySample());
        assertEquals(List.of(), result.duplicates());
        assertEquals(List.of(), Quarantine.read(table.resolve("_quarantine")));
    }

    private static JobClient start(IngestConfig cfg) throws Exception {
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        return env.executeAsync("continuous test");
    }
}
