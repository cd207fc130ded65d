package io.dltrigger.ingest.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.cli.IngestCliRunner;
import io.dltrigger.ingest.testing.GeneratedRuns;
import io.dltrigger.ingest.testing.Quarantine;
import io.dltrigger.ingest.testing.TableRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill finding 1: the same command run again on the same output ingested every file again. Now the
 * table's ledger (each part file's footer) says what is committed, and a rerun adds nothing; a file added
 * since is the only one read.
 */
class RerunTest {
    @TempDir
    Path dir;

    @Test
    void runningTheSameCommandAgainAddsNothingAndANewFileOnlyItself() throws Exception {
        Path in = dir.resolve("in");
        GeneratedRuns.write(in, EventClass.QCD, 31, 800, 400, 100);
        GeneratedRuns.write(in, EventClass.TTBAR, 32, 800, 400, 100);
        Path table = dir.resolve("events");
        String[] command = {
            "ingest",
            "--input",
            in.toString(),
            "--output",
            table.toString(),
            "--bounded",
            "--chunk-events",
            "200",
            "--checkpoint-interval",
            "1s",
            "--parallelism",
            "2"
        };

        assertEquals(0, IngestCliRunner.run(command));
        TableRows first = TableRows.read(table);
        assertEquals(Map.of("qcd", 800L, "ttbar", 800L), first.rowsBySample());
        long ledgerRows = ledgerRows(table);
        assertEquals(1600, ledgerRows, "each part file's footer lists the chunks it holds");

        assertEquals(0, IngestCliRunner.run(command));
        TableRows second = TableRows.read(table);
        assertEquals(first.rowsBySample(), second.rowsBySample());
        assertEquals(List.of(), second.duplicates());
        assertEquals(List.of(), Quarantine.read(table.resolve("_quarantine")));

        GeneratedRuns.write(dir.resolve("later"), EventClass.WJETS, 33, 300, 300, 100)
                .forEach(f -> move(f, in.resolve(f.getFileName())));
        assertEquals(0, IngestCliRunner.run(command));
        TableRows third = TableRows.read(table);
        assertEquals(Map.of("qcd", 800L, "ttbar", 800L, "wjets", 300L), third.rowsBySample());
        assertEquals(List.of(), third.duplicates());
        assertEquals(1900, ledgerRows(table));
    }

    private static long ledgerRows(Path table) throws Exception {
        long rows = 0;
        try (Stream<Path> s = Files.walk(table)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("part-"))
                    .toList()) {
                try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(p))) {
                    String json = r.getFooter()
                            .getFileMetaData()
                            .getKeyValueMetaData()
                            .get(IngestLedger.FOOTER_KEY);
                    long inFile = 0;
                    for (IngestLedger.Entry e : IngestLedger.decode(json)) {
                        inFile += e.entryStop() - e.entryStart();
                        assertTrue(e.fileUuid().length() == 36 && e.fileSize() > 0, e.toString());
                    }
                    assertEquals(r.getRecordCount(), inFile, p + ": ledger and rows agree");
                    rows += inFile;
                }
            }
        }
        return rows;
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
