package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import io.dltrigger.ingest.testing.TestJobs;
import io.dltrigger.testing.XRootDServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EOS's native protocol: generated files served by a real XRootD server on 127.0.0.1, ingested from
 * {@code root://127.0.0.1:PORT//run} and, in the same test, from the same files on local disk, and over
 * XRootD's HTTP interface ({@code http://}, WebDAV listing): the three event tables are equal.
 */
class XRootDIngestTest {
    @TempDir
    Path dir;

    @Test
    void theTableFromXrootdAndHttpEqualsTheTableFromLocalDisk() throws Exception {
        try (XRootDServer server = XRootDServer.start()) {
            Path run = Files.createDirectories(server.data().resolve("run"));
            GeneratedRuns.write(run, EventClass.QCD, 61, 500, 250, 100);
            GeneratedRuns.write(run, EventClass.WJETS, 62, 300, 300, 100);

            TableRows local =
                    ingest(TestInputs.settings(run, dir.resolve("local")).toConfig());
            TableRows xrootd = ingest(TestInputs.settings(server.rootUrl("run"), dir.resolve("xrootd"))
                    .toConfig());
            TableRows http = ingest(TestInputs.settings(server.httpUrl("run"), dir.resolve("http"))
                    .toConfig());

            assertEquals(Map.of("qcd", 500L, "wjets", 300L), local.rowsBySample());
            for (TableRows remote : List.of(xrootd, http)) {
                assertEquals(local.rowsBySample(), remote.rowsBySample());
                assertEquals(List.of(), remote.duplicates());
                for (String sample : List.of("qcd", "wjets")) {
                    assertEquals(27, local.checksums(sample).size());
                    assertEquals(local.checksums(sample), remote.checksums(sample), sample);
                }
                assertEquals(byName(local), byName(remote), "the same entries of the same files");
            }
            assertTrue(xrootd.keys().stream()
                    .allMatch(k -> k.sourceFile().startsWith("root://127.0.0.1:" + server.port() + "//run/")));
            assertTrue(http.keys().stream().allMatch(k -> k.sourceFile().startsWith("http://127.0.0.1:")));
            for (String t : List.of("local", "xrootd", "http")) {
                assertEquals(List.of(), Quarantine.read(dir.resolve(t).resolve("_quarantine")), t);
            }
        }
    }

    private static Set<String> byName(TableRows t) {
        return t.keys().stream()
                .map(k -> k.sourceFile().substring(k.sourceFile().lastIndexOf('/') + 1) + "#" + k.entry())
                .collect(Collectors.toSet());
    }

    private static TableRows ingest(IngestConfig cfg) throws Exception {
        StreamExecutionEnvironment env = TestJobs.environment(cfg);
        IngestJob.build(env, cfg);
        env.execute("xrootd test");
        return TableRows.read(Path.of(cfg.output()));
    }
}
