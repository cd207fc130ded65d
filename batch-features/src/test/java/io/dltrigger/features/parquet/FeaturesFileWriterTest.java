package io.dltrigger.features.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.features.TestSpark;
import io.dltrigger.features.spark.FinalRows;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The features writer against Spark's own Parquet writer, on the same rows: the same Parquet schema and
 * Spark schema in the footer, every cell equal when Spark reads either file, and the same column
 * statistics (min, max, null count) per column chunk. Lists of every length (empty, one value, many,
 * spanning several pages and row groups) and extreme floats (negative zero, infinities, subnormals).
 */
class FeaturesFileWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesWhatSparkWritesForTheSameRows() throws Exception {
        SparkSession spark = TestSpark.get();
        List<Event> events = events(400);
        List<Row> rows = events.stream().map(Event::row).toList();
        Dataset<Row> frame = spark.createDataFrame(rows, FinalRows.SCHEMA).coalesce(1);
        String sparkDir = dir.resolve("spark").toString();
        frame.write().option("parquet.enable.dictionary", false).parquet(sparkDir);

        Configuration conf = new Configuration();
        org.apache.hadoop.fs.Path ours =
                new org.apache.hadoop.fs.Path(dir.resolve("ours.parquet").toString());
        // row groups of 4 MB instead of 128 MB: the test crosses several
        try (FeaturesFileWriter w = new FeaturesFileWriter(
                HadoopOutputFile.fromPath(ours, conf), CompressionCodecName.SNAPPY, conf, 4 << 20)) {
            for (Event e : events) {
                w.write(e.file.getBytes(StandardCharsets.UTF_8), e.entry, e.label, e.hlf, e.particles, e.n);
            }
            assertEquals(events.size(), w.rows());
        }

        File sparkFile = onlyParquetFile(new File(sparkDir));
        ParquetMetadata sparkFooter = footer(new org.apache.hadoop.fs.Path(sparkFile.toURI()), conf);
        ParquetMetadata ourFooter = footer(ours, conf);
        assertEquals(
                sparkFooter.getFileMetaData().getSchema(),
                ourFooter.getFileMetaData().getSchema());
        assertEquals(FeaturesFileWriter.schema(), ourFooter.getFileMetaData().getSchema());
        String sparkSchemaKey = "org.apache.spark.sql.parquet.row.metadata";
        assertEquals(
                sparkFooter.getFileMetaData().getKeyValueMetaData().get(sparkSchemaKey),
                ourFooter.getFileMetaData().getKeyValueMetaData().get(sparkSchemaKey));

        Dataset<Row> theirs = spark.read().parquet(sparkFile.getPath());
        Dataset<Row> mine = spark.read().parquet(ours.toString());
        assertEquals(theirs.schema(), mine.schema()); // Spark reads files as nullable, its own too
        assertEquals(rows.size(), mine.count());
        assertEquals(0, mine.exceptAll(theirs).count(), "rows only in ours");
        assertEquals(0, theirs.exceptAll(mine).count(), "rows only in Spark's");
        // exceptAll compares floats as values; the bits too (negative zero):
        List<Row> read = mine.collectAsList();
        for (int i = 0; i < events.size(); i++) {
            Event expected = events.get(i);
            Row actual = read.get(i);
            assertEquals(expected.file, actual.getString(0));
            assertEquals(expected.entry, actual.getLong(1));
            assertEquals(expected.label, actual.getInt(2));
            assertArrayEquals(bits(expected.hlf), bits(floats(actual.getList(3))), "hlf of row " + i);
            assertArrayEquals(bits(expected.particles), bits(floats(actual.getList(4))), "particles of row " + i);
            assertEquals(expected.n, actual.getInt(5));
        }

        assertTrue(ourFooter.getBlocks().size() > 1, "several row groups");
        assertTrue(pages(ourFooter, conf, ours) > ourFooter.getBlocks().size(), "several pages per row group");
        assertEquals(statistics(sparkFooter), statistics(ourFooter));
    }

    /** Per column: min, max and null count over the file's row groups. */
    private static List<String> statistics(ParquetMetadata footer) {
        List<String> out = new ArrayList<>();
        for (ColumnDescriptor c : footer.getFileMetaData().getSchema().getColumns()) {
            org.apache.parquet.column.statistics.Statistics<?> total = null;
            long values = 0;
            for (BlockMetaData b : footer.getBlocks()) {
                for (ColumnChunkMetaData chunk : b.getColumns()) {
                    if (chunk.getPath().toDotString().equals(String.join(".", c.getPath()))) {
                        values += chunk.getValueCount();
                        if (total == null) {
                            total = chunk.getStatistics().copy();
                        } else {
                            total.mergeStatistics(chunk.getStatistics());
                        }
                    }
                }
            }
            out.add(String.join(".", c.getPath()) + " values=" + values + " " + total);
        }
        return out;
    }

    private static int pages(ParquetMetadata footer, Configuration conf, org.apache.hadoop.fs.Path p) throws Exception {
        int pages = 0;
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(p, conf))) {
            for (BlockMetaData b : footer.getBlocks()) {
                for (ColumnChunkMetaData chunk : b.getColumns()) {
                    if (chunk.getPath().toDotString().startsWith(FeaturesTableContract.PARTICLES)) {
                        pages += r.readOffsetIndex(chunk).getPageCount();
                    }
                }
            }
        }
        return pages;
    }

    private static ParquetMetadata footer(org.apache.hadoop.fs.Path p, Configuration conf) throws Exception {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(p, conf))) {
            return r.getFooter();
        }
    }

    private static File onlyParquetFile(File dir) {
        File[] files = dir.listFiles((d, n) -> n.endsWith(".parquet") && !n.startsWith("."));
        assertEquals(1, files.length, "Spark's output files");
        return files[0];
    }

    private record Event(String file, long entry, int label, float[] hlf, float[] particles, int n) {
        Row row() {
            return RowFactory.create(file, entry, label, boxed(hlf), boxed(particles), n);
        }

        private static List<Float> boxed(float[] a) {
            List<Float> list = new ArrayList<>(a.length);
            for (float v : a) {
                list.add(v);
            }
            return list;
        }
    }

    /**
     * Events with lists of every length: real rows have the contract's fixed lengths, but the writer takes
     * any length, so some lists are empty or hold one value, and one in twenty holds 70,000 values.
     */
    private static List<Event> events(int n) {
        Random random = new Random(15);
        float[] extremes = {
            -0f,
            0f,
            Float.MIN_VALUE,
            -Float.MIN_VALUE,
            Float.MAX_VALUE,
            -Float.MAX_VALUE,
            Float.POSITIVE_INFINITY,
            Float.NEGATIVE_INFINITY,
            1e-40f
        };
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int hlfLength = i % 7 == 0 ? 0 : FeaturesTableContract.N_HLF;
            int particleLength = i % 20 == 0 ? 70_000 : i % 5 == 1 ? 1 : i % 5 == 2 ? 0 : random.nextInt(3000);
            events.add(new Event(
                    "file:/data/run" + (i % 3) + ".root",
                    (long) i * 7 - 50,
                    i % 3,
                    values(random, hlfLength, extremes),
                    values(random, particleLength, extremes),
                    particleLength / FeaturesTableContract.PARTICLE_FEATURES));
        }
        return events;
    }

    private static float[] values(Random random, int n, float[] extremes) {
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = random.nextInt(50) == 0 ? extremes[random.nextInt(extremes.length)] : (float) random.nextGaussian();
        }
        return a;
    }

    private static float[] floats(List<Float> list) {
        float[] a = new float[list.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = list.get(k);
        }
        return a;
    }

    private static int[] bits(float[] values) {
        int[] a = new int[values.length];
        for (int k = 0; k < a.length; k++) {
            a[k] = Float.floatToRawIntBits(values[k]);
        }
        return a;
    }
}
