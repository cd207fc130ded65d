package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.RootChecksums;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How files arrive, on the continuous job: by slow copy in place (no rename), by rename, and a corrected file
 * put back under a name already ingested. Drill findings 4 and 5: a file read too early was quarantined and
 * then ignored for good once complete; a corrected file under an ingested name was ignored without a trace.
 */
class FileArrivalTest {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private JobClient start(Path in, String quietPeriod) throws Exception {
        IngestSettings s = TestInputs.settings(in, dir.resolve("events"));
        s.bounded = false;
        s.quietPeriod = quietPeriod;
        IngestConfig cfg = s.toConfig();
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        return env.executeAsync("file arrival test");
    }

    /** Copies in place, as cp does: the first part, a pause, then the rest. */
    private static void slowCopy(Path source, Path target, double firstPart, long pauseMillis) throws Exception {
        byte[] all = Files.readAllBytes(source);
        int cut = (int) (all.length * firstPart);
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(Arrays.copyOf(all, cut));
            out.flush();
            Thread.sleep(pauseMillis);
            out.write(all, cut, all.length - cut);
        }
    }

    @Test
    void aFileReadTooEarlyIsReadAgainWhenCompleteAndACorrectedFileIsReported() throws Exception {
        Path gen = dir.resolve("gen");
        Path slow = GeneratedRuns.write(gen, EventClass.QCD, 81, 300, 300, 100).get(0);
        Path renamed =
                GeneratedRuns.write(gen, EventClass.WJETS, 82, 200, 200, 100).get(0);
        Path corrected = GeneratedRuns.write(gen.resolve("corrected"), EventClass.WJETS, 83, 250, 250, 100)
                .get(0);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path table = dir.resolve("events");
        JobClient job = start(in, "0s");

        // an in-place copy that stalls for longer than the job waits on a fresh file: quarantined as
        // truncated while incomplete, then read in full once the copy completes
        slowCopy(slow, in.resolve(slow.getFileName()), 0.5, 5000);
        TestJobs.await(
                "the slowly copied file",
                DEADLINE,
                () -> TableRows.read(table).rowsOf("/" + slow.getFileName()) == 300);
        List<JsonNode> early = Quarantine.read(table.resolve("_quarantine"));
        assertEquals(1, early.size(), early.toString());
        assertEquals("corrupt", early.get(0).get("kind").asText());
        assertTrue(
                early.get(0)
                        .get("reason")
                        .asText()
                        .contains("truncated: the header says the file ends at byte " + Files.size(slow)),
                early.toString());
        assertTrue(early.get(0).get("file_size").asLong() < Files.size(slow), "the record names the partial version");

        // by rename
        TestInputs.drop(renamed, in, renamed.getFileName().toString());
        TestJobs.await("the renamed file", DEADLINE, () -> TableRows.read(table).rows() == 500);

        // a corrected file put back under the ingested name: reported, the table's rows stay as they were
        Path tmp = Files.copy(corrected, in.resolve(".fix.tmp"));
        Files.move(
                tmp,
                in.resolve(renamed.getFileName()),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        TestJobs.await(
                "the report of the changed file",
                DEADLINE,
                () -> Quarantine.read(table.resolve("_quarantine")).size() == 2);
        JobID id = job.getJobID();
        job.cancel().get();

        TableRows t = TableRows.read(table);
        assertEquals(500, t.rows());
        assertEquals(List.of(), t.duplicates());
        assertEquals(
                RootChecksums.of(
                        List.of(renamed),
                        "Delphes",
                        TestInputs.settings(in, table).toConfig().columns()),
                t.checksums("wjets"),
                "the rows of the first version, not a mix");
        JsonNode changed = Quarantine.read(table.resolve("_quarantine")).stream()
                .filter(r -> !r.get("kind").asText().equals("corrupt"))
                .findFirst()
                .orElseThrow();
        assertEquals("changed", changed.get("kind").asText());
        assertEquals(Files.size(corrected), changed.get("file_size").asLong());
        assertTrue(changed.get("reason").asText().startsWith("changed after ingestion"), changed.toString());
        long reported = METRICS.findMetrics(id, "filesChangedAfterIngestion").values().stream()
                .mapToLong(m -> ((Counter) m).getCount())
                .sum();
        assertEquals(1, reported);
    }

    @Test
    void withAQuietPeriodASlowCopyIsReadOnceCompleteAndNeverQuarantined() throws Exception {
        Path slow = GeneratedRuns.write(dir.resolve("gen"), EventClass.TTBAR, 84, 250, 250, 100)
                .get(0);
        Path in = Files.createDirectories(dir.resolve("in"));
        Path table = dir.resolve("events");
        JobClient job = start(in, "4s");
        slowCopy(slow, in.resolve(slow.getFileName()), 0.4, 3000);
        TestJobs.await("the copied file", DEADLINE, () -> TableRows.read(table).rows() == 250);
        job.cancel().get();
        assertEquals(List.of(), Quarantine.read(table.resolve("_quarantine")));
        assertEquals(List.of(), TableRows.read(table).duplicates());
    }
}
