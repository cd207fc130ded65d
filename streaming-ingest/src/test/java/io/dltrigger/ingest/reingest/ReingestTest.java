package io.dltrigger.ingest.reingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.contract.EventClass;
import io.dltrigger.ingest.cli.IngestCliRunner;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.RootChecksums;
import io.dltrigger.ingest.testing.TableRows;
import io.dltrigger.ingest.testing.TestInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill finding 5, the better half: a corrected file put back under an ingested name is reported by the job;
 * {@code reingest} then replaces its old rows with the new version's, in one crash-safe step, and the next
 * run of the job finds nothing left to do.
 */
class ReingestTest {
    @TempDir
    Path dir;

    @Test
    void replacesTheOldRowsOfAChangedFileAndTheJobThenLeavesItAlone() throws Exception {
        Path in = dir.resolve("in");
        Path table = dir.resolve("events");
        List<Path> kept = GeneratedRuns.write(in, EventClass.QCD, 101, 400, 200, 50);
        Path first =
                GeneratedRuns.write(in, EventClass.WJETS, 102, 300, 300, 50).get(0);
        String[] ingest = {
            "ingest",
            "--input",
            in.toString(),
            "--output",
            table.toString(),
            "--bounded",
            "--chunk-events",
            "100",
            "--checkpoint-interval",
            "1s",
            "--parallelism",
            "2"
        };
        assertEquals(0, IngestCliRunner.run(ingest));
        assertEquals(Map.of("qcd", 400L, "wjets", 300L), TableRows.read(table).rowsBySample());

        // a corrected file under the same name: the job reports it and leaves the table alone
        Path corrected = GeneratedRuns.write(dir.resolve("fix"), EventClass.WJETS, 103, 350, 350, 50)
                .get(0);
        Files.move(corrected, first, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(0, IngestCliRunner.run(ingest));
        assertEquals(Map.of("qcd", 400L, "wjets", 300L), TableRows.read(table).rowsBySample());
        List<JsonNode> reports = Quarantine.read(table.resolve("_quarantine"));
        assertEquals(1, reports.size());
        assertEquals("changed", reports.get(0).get("kind").asText());

        assertEquals(0, IngestCliRunner.run("reingest", "--output", table.toString(), first.toString()));
        TableRows t = TableRows.read(table);
        assertEquals(Map.of("qcd", 400L, "wjets", 350L), t.rowsBySample());
        assertEquals(List.of(), t.duplicates());
        IngestConfig cfg = TestInputs.settings(in, table).toConfig();
        assertEquals(RootChecksums.of(List.of(first), "Delphes", cfg.columns()), t.checksums("wjets"));
        assertEquals(RootChecksums.of(kept, "Delphes", cfg.columns()), t.checksums("qcd"), "other files untouched");
        assertEquals(List.of(), hiddenOrManifests(table));

        // the ledger names the new version: the job has nothing to read and nothing to report
        assertEquals(0, IngestCliRunner.run(ingest));
        assertEquals(t.rowsBySample(), TableRows.read(table).rowsBySample());
        assertEquals(1, Quarantine.read(table.resolve("_quarantine")).size());
    }

    @Test
    void aReingestCommittedWhenItStoppedIsFinishedByTheNextOne() throws Exception {
        Path table = Files.createDirectories(dir.resolve("events/sample=x/ingest_date=2026-01-01"));
        Path hidden = Files.writeString(table.resolve(".part-new.parquet.tmp"), "new");
        Path old = Files.writeString(table.resolve("part-old.parquet"), "old");
        Path gone = Files.writeString(table.resolve("part-gone.parquet"), "gone");
        String root = dir.resolve("events").toString();
        Transaction t = new Transaction(
                List.of(new Transaction.Rename(
                        hidden.toUri().toString(), old.toUri().toString())),
                List.of(gone.toUri().toString()));
        t.commit(root, "abc"); // ... and the process died here
        assertTrue(Files.exists(dir.resolve("events/_ledger/txn-abc.json")));
        assertEquals(1, Transaction.recover(root));
        assertEquals("new", Files.readString(old));
        assertFalse(Files.exists(hidden));
        assertFalse(Files.exists(gone));
        assertFalse(Files.exists(dir.resolve("events/_ledger/txn-abc.json")));
        assertEquals(0, Transaction.recover(root), "nothing left to finish");
    }

    private static List<Path> hiddenOrManifests(Path table) throws Exception {
        try (Stream<Path> s = Files.walk(table)) {
            return s.filter(p -> !p.toString().contains("_checkpoints"))
                    .filter(p -> p.getFileName().toString().endsWith(".tmp")
                            || p.getFileName().toString().startsWith("txn-")
                            || p.getFileName().toString().equals("lock"))
                    .toList();
        }
    }
}
