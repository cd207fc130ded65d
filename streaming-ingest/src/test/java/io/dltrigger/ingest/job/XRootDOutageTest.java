package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.ledger.EntryRanges;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.RootChecksums;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import io.dltrigger.testing.XRootDServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The continuous job reading from a real XRootD server while storage misbehaves. The server is throttled
 * (XRootD's throttle plugin) so that a file takes seconds to read and the test can act while it is read:
 * the server goes away and comes back; a file disappears and comes back, or not; a file is replaced. Storage
 * failures are retried and reported, never quarantined as corrupt; no event is lost or read twice, and none
 * is read from bytes other than those of the version planned.
 */
class XRootDOutageTest {
    static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final Duration DEADLINE = Duration.ofSeconds(180);
    /** About 1,000 generated events a second: a file of 600 events takes several seconds to read. */
    private static final long THROTTLE = 1_500_000;

    @TempDir
    Path dir;

    private JobClient start(XRootDServer server, Duration retryTimeout) throws Exception {
        IngestSettings s = TestInputs.settings(server.rootUrl("in"), dir.resolve("events"));
        s.bounded = false;
        s.parallelism = 1;
        s.chunkEvents = 100;
        s.storageRetryTimeout = retryTimeout.toMillis() + "ms";
        IngestConfig cfg = s.toConfig();
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        return env.executeAsync("xrootd outage test");
    }

    private Path table() {
        return dir.resolve("events");
    }

    /** Writes a generated file under the server's folder, published by rename. */
    private static Path generate(XRootDServer server, String folder, EventClass c, long seed, int events)
            throws Exception {
        return GeneratedRuns.write(Files.createDirectories(server.data().resolve(folder)), c, seed, events, events, 100)
                .get(0);
    }

    private static Path publish(Path file, Path dir) throws Exception {
        Files.createDirectories(dir);
        return Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void rideOutAServerThatGoesAwayAndPickUpFilesAddedMeanwhile() throws Exception {
        try (XRootDServer server = XRootDServer.startThrottled(THROTTLE)) {
            Path in = Files.createDirectories(server.data().resolve("in"));
            Path a = publish(generate(server, "gen", EventClass.QCD, 71, 200), in);
            Path b = generate(server, "gen", EventClass.TTBAR, 72, 600);
            Path c = generate(server, "gen", EventClass.WJETS, 73, 150);
            JobClient job = start(server, Duration.ofMinutes(2));
            TestJobs.await(
                    "the first file", DEADLINE, () -> TableRows.read(table()).rowsOf(name(a)) == 200);
            publish(b, in);
            TestJobs.await(
                    "the second file's first chunks",
                    DEADLINE,
                    () -> TableRows.read(table()).rowsOf(name(b)) > 0);
            server.stop();
            Thread.sleep(4000);
            publish(c, in); // arrives while the server is down
            server.restart();
            TestJobs.await(
                    "every event", DEADLINE, () -> TableRows.read(table()).rows() == 950);
            JobID id = job.getJobID();
            job.cancel().get();

            TableRows t = TableRows.read(table());
            assertEquals(Map.of("qcd", 200L, "ttbar", 600L, "wjets", 150L), t.rowsBySample());
            assertEquals(List.of(), t.duplicates());
            assertEquals(
                    RootChecksums.of(List.of(in.resolve(b.getFileName())), "Delphes", columns()), t.checksums("ttbar"));
            assertEquals(List.of(), Quarantine.read(table().resolve("_quarantine")));
            assertTrue(sum(id, "storageErrors") > 0, "the outage was met, and retried");
        }
    }

    @Test
    void aFileRemovedAfterDiscoveryIsReadWhenItComesBack() throws Exception {
        try (XRootDServer server = XRootDServer.startThrottled(THROTTLE)) {
            Path in = Files.createDirectories(server.data().resolve("in"));
            Path b = publish(generate(server, "gen", EventClass.TTBAR, 74, 600), in);
            JobClient job = start(server, Duration.ofMinutes(2));
            TestJobs.await(
                    "the file's first chunks",
                    DEADLINE,
                    () -> TableRows.read(table()).rowsOf(name(b)) > 0);
            // the server restarts (open files are closed) and the file is gone meanwhile, for a few seconds
            server.stop();
            Path away = Files.move(b, server.data().resolve("gen").resolve("away.root"));
            server.restart();
            Thread.sleep(4000);
            Files.move(away, b);
            TestJobs.await(
                    "the whole file", DEADLINE, () -> TableRows.read(table()).rows() == 600);
            job.cancel().get();

            TableRows t = TableRows.read(table());
            assertEquals(List.of(), t.duplicates());
            assertEquals(RootChecksums.of(List.of(b), "Delphes", columns()), t.checksums("ttbar"));
            assertEquals(List.of(), Quarantine.read(table().resolve("_quarantine")));
        }
    }

    @Test
    void aFileGoneForGoodIsRecordedAsUnavailableAndARerunReadsItOnceBack() throws Exception {
        try (XRootDServer server = XRootDServer.startThrottled(THROTTLE)) {
            Path in = Files.createDirectories(server.data().resolve("in"));
            Path b = publish(generate(server, "gen", EventClass.TTBAR, 75, 600), in);
            JobClient job = start(server, Duration.ofSeconds(3));
            TestJobs.await(
                    "the file's first chunks",
                    DEADLINE,
                    () -> TableRows.read(table()).rowsOf(name(b)) > 0);
            server.stop();
            Path away = Files.move(b, server.data().resolve("gen").resolve("away.root"));
            server.restart();
            TestJobs.await(
                    "the rest of the file recorded as unavailable",
                    DEADLINE,
                    () -> TableRows.read(table()).rows() + deadLetterEntries("unavailable") == 600);
            job.cancel().get();

            for (JsonNode r : Quarantine.read(table().resolve("_quarantine"))) {
                assertEquals("unavailable", r.get("kind").asText(), r.toString());
                assertTrue(r.get("reason").asText().contains("No such file"), r.toString());
            }
            long before = TableRows.read(table()).rows();
            assertTrue(before < 600, "some chunks were read before the file went away, not all");

            // back again: running the command again reads what the table lacks, and only that
            Files.move(away, b);
            IngestSettings s = TestInputs.settings(server.rootUrl("in"), table());
            IngestConfig cfg = s.toConfig();
            StreamExecutionEnvironment env = TestJobs.environment(cfg);
            IngestJob.build(env, cfg);
            env.execute("rerun");
            TableRows t = TableRows.read(table());
            assertEquals(600, t.rows());
            assertEquals(List.of(), t.duplicates());
            assertEquals(RootChecksums.of(List.of(b), "Delphes", columns()), t.checksums("ttbar"));
        }
    }

    @Test
    void aFileReplacedWhileBeingReadIsNeverReadFromItsNewBytes() throws Exception {
        try (XRootDServer server = XRootDServer.startThrottled(THROTTLE)) {
            Path in = Files.createDirectories(server.data().resolve("in"));
            Path v1 = publish(generate(server, "gen", EventClass.TTBAR, 76, 600), in);
            Path v1copy = Files.copy(v1, dir.resolve("v1.root"));
            Path v2 = generate(server, "gen2", EventClass.TTBAR, 77, 700);
            JobClient job = start(server, Duration.ofMinutes(2));
            TestJobs.await(
                    "the file's first chunks",
                    DEADLINE,
                    () -> TableRows.read(table()).rowsOf(name(v1)) > 0);
            server.stop();
            Files.move(v2, v1, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            server.restart();
            TestJobs.await(
                    "every entry of the first version read or superseded, and the new version reported",
                    DEADLINE,
                    () -> TableRows.read(table()).rows() + deadLetterEntries("superseded") == 600
                            && !deadLetters("changed").isEmpty());
            job.cancel().get();

            TableRows t = TableRows.read(table());
            List<Long> read = t.entriesOf(name(v1));
            assertFalse(deadLetters("superseded").isEmpty(), "chunks planned from the old version were not read");
            // what is in the table is the old version's entries, with the old version's values
            assertEquals(
                    RootChecksums.ofEntries(v1copy, "Delphes", columns(), read),
                    t.checksumsOfFile(t.keys().get(0).sourceFile()));
            List<EntryRange> covered = new ArrayList<>();
            read.forEach(e -> covered.add(new EntryRange(e, e + 1)));
            for (JsonNode r : deadLetters("superseded")) {
                covered.add(new EntryRange(
                        r.get("entry_start").asLong(), r.get("entry_stop").asLong()));
            }
            assertEquals(List.of(new EntryRange(0, 600)), EntryRanges.merge(covered), "nothing silently dropped");
            JsonNode changed = deadLetters("changed").get(0);
            assertEquals(Files.size(v1), changed.get("file_size").asLong(), "the report names the new version");
            assertTrue(changed.get("reason").asText().contains("reingest"), changed.toString());
        }
    }

    private List<JsonNode> deadLetters(String kind) throws Exception {
        return Quarantine.read(table().resolve("_quarantine")).stream()
                .filter(r -> r.get("kind").asText().equals(kind))
                .toList();
    }

    private long deadLetterEntries(String kind) throws Exception {
        return deadLetters(kind).stream()
                .mapToLong(
                        r -> r.get("entry_stop").asLong() - r.get("entry_start").asLong())
                .sum();
    }

    private static String name(Path p) {
        return "/" + p.getFileName();
    }

    private List<io.dltrigger.ingest.table.MemberColumn> columns() {
        return TestInputs.settings(dir, table()).toConfig().columns();
    }

    private static long sum(JobID job, String metric) {
        Map<String, Metric> found = METRICS.findMetrics(job, metric);
        return found.values().stream().mapToLong(m -> ((Counter) m).getCount()).sum();
    }
}
