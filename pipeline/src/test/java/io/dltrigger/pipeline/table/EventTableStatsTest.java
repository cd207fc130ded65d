package io.dltrigger.pipeline.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.bridge.parquet.ArrowParquetWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Footers count the committed part files of an event table, written by the same Parquet writer as the ingest's,
 * and nothing else: not Flink's hidden in-progress files, not the checkpoint and quarantine folders.
 */
class EventTableStatsTest {
    @TempDir
    Path table;

    /** A part file of {@code rows} events, in several row groups' worth of batches. */
    static void part(Path file, int rows) throws Exception {
        Files.createDirectories(file.getParent());
        Schema schema = new Schema(List.of(Field.nullable("entry", new ArrowType.Int(64, true))));
        try (RootAllocator alloc = new RootAllocator();
                VectorSchemaRoot root = VectorSchemaRoot.create(schema, alloc);
                ArrowParquetWriter w =
                        new ArrowParquetWriter(new LocalOutputFile(file), schema, CompressionCodecName.ZSTD)) {
            for (int done = 0; done < rows; ) {
                int n = Math.min(1000, rows - done);
                BigIntVector v = (BigIntVector) root.getVector(0);
                v.allocateNew(n);
                for (int i = 0; i < n; i++) {
                    v.set(i, done + i);
                }
                root.setRowCount(n);
                w.write(root);
                done += n;
            }
        }
    }

    @Test
    void countsCommittedFilesPerSampleFromTheirFooters() throws Exception {
        part(table.resolve("sample=qcd/ingest_date=2026-12-01/part-a-0-0.parquet"), 2500);
        part(table.resolve("sample=qcd/ingest_date=2026-12-02/part-b-0-0.parquet"), 700);
        part(table.resolve("sample=ttbar/ingest_date=2026-12-01/part-c-1-0.parquet"), 1200);
        // not part of the table: an in-progress file, checkpoints, quarantine
        part(table.resolve("sample=ttbar/ingest_date=2026-12-01/.part-d-0-1.parquet.inprogress.x"), 999);
        part(table.resolve("sample=ttbar/ingest_date=2026-12-01/.part-e.parquet"), 999);
        part(table.resolve("_checkpoints/job/chk-3/x.parquet"), 999);
        part(table.resolve("_quarantine/ingest_date=2026-12-01/q.parquet"), 999);

        EventTableStats s = EventTableStats.of(table);
        assertEquals(4400, s.total());
        assertEquals(Map.of("qcd", 3200L, "ttbar", 1200L), s.perSample());
        assertEquals(3, s.files());
        assertEquals(Map.of("qcd", 200L, "ttbar", 0L), s.newSince(Map.of("qcd", 3000L, "ttbar", 1500L)));
        assertTrue(s.describe().startsWith("4,400 events (qcd 3,200, ttbar 1,200) in 3 files"), s.describe());
    }

    @Test
    void aMissingTableIsEmptyAndATruncatedPartFileIsRefused() throws Exception {
        assertEquals(0, EventTableStats.of(table.resolve("none")).total());
        Path f = table.resolve("sample=qcd/ingest_date=2026-12-01/part-a.parquet");
        part(f, 10);
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EventTableStats.of(table));
        assertTrue(e.getMessage().contains("not a complete Parquet file"), e.getMessage());
    }
}
