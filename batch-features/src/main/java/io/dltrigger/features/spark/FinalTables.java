package io.dltrigger.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.features.parquet.FeaturesFileWriter;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Writes the final {@code train/} and {@code test/} tables in one pass over the stage: each row is scaled
 * ({@link FinalRows}) and written by {@link FeaturesFileWriter} into its table's file for the partition, a
 * new file every {@code max_records_per_file} rows. A task writes each file under a hidden name and renames
 * it when complete; a retried task writes the same names again (the stage is read in the same order), so a
 * failed attempt leaves no duplicate rows, and the whole output is committed by the job's atomic rename.
 *
 * <p>Rows are written in a random order: the stage is grouped by sample (it comes from the event table's
 * sample partitions), and a trainer that shuffles within a bounded pool of row groups would otherwise see
 * whole stretches of one class at the end of an epoch (DL4J's validation loss jumped every other epoch).
 * Rows are spread over the partitions by their split key (a seeded hash of file and entry, so every file
 * holds every class in proportion) and ordered by it within each: random, yet the same order on every rerun
 * and every task retry. The reference shuffles its training set too ({@code orderBy(rand(seed))}).
 */
final class FinalTables {
    private static final int TRAIN = 0;
    private static final int TEST = 1;
    private static final String DESTINATION = "destination";

    private FinalTables() {}

    static void write(
            SparkSession spark,
            Dataset<Row> stage,
            Split split,
            FinalRows scaling,
            long maxRecordsPerFile,
            String trainDir,
            String testDir)
            throws IOException {
        Column destination = when(split.isTest(), lit(TEST)).when(split.isTrain(), lit(TRAIN));
        int partitions = Math.max(1, stage.rdd().getNumPartitions());
        Dataset<Row> rows = stage.repartition(partitions, col(Split.KEY))
                .sortWithinPartitions(
                        col(Split.KEY), col(FeaturesTableContract.SOURCE_FILE), col(FeaturesTableContract.ENTRY))
                .select(
                        col(FeaturesTableContract.SOURCE_FILE),
                        col(FeaturesTableContract.ENTRY),
                        col(FeaturesTableContract.LABEL),
                        col(FeaturesTableContract.HLF),
                        col(FeaturesTableContract.PARTICLES),
                        col(FeaturesTableContract.N_PARTICLES),
                        destination.as(DESTINATION))
                .where(col(DESTINATION).isNotNull());
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Broadcast<SerializableConfiguration> conf = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(new SerializableConfiguration(hadoop));
        CompressionCodecName codec = codec(spark.sessionState().conf().parquetCompressionCodec());
        rows.queryExecution()
                .toRdd()
                .toJavaRDD()
                .foreachPartition(
                        new PartitionWriter(scaling, conf, codec, maxRecordsPerFile, new String[] {trainDir, testDir}));
        for (String dir : new String[] {trainDir, testDir}) {
            writeSchemaIfEmpty(new Path(dir), hadoop, codec);
        }
    }

    /** Spark's names for the codecs ({@code spark.sql.parquet.compression.codec}), "none" included. */
    static CompressionCodecName codec(String sparkName) {
        String name = sparkName.toUpperCase(Locale.ROOT);
        return name.equals("NONE") ? CompressionCodecName.UNCOMPRESSED : CompressionCodecName.valueOf(name);
    }

    /** A table that received no rows still gets a file, with the schema and no rows (as Spark writes one). */
    private static void writeSchemaIfEmpty(Path dir, Configuration conf, CompressionCodecName codec)
            throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        if (fs.exists(dir)) {
            for (FileStatus f : fs.listStatus(dir)) {
                if (f.getPath().getName().startsWith("part-")) {
                    return;
                }
            }
        }
        fs.mkdirs(dir);
        try (FeaturesFileWriter empty =
                new FeaturesFileWriter(HadoopOutputFile.fromPath(new Path(dir, fileName(0, 0)), conf), codec, conf)) {
            // no rows
        }
    }

    static String fileName(int partition, int index) {
        return String.format(Locale.ROOT, "part-%05d-c%03d.parquet", partition, index);
    }

    /** One task: its partition's rows, into the train or test file that is open for it. */
    private static final class PartitionWriter implements VoidFunction<Iterator<InternalRow>> {
        private final FinalRows scaling;
        private final Broadcast<SerializableConfiguration> conf;
        private final CompressionCodecName codec;
        private final long maxRecordsPerFile;
        private final String[] dirs;

        PartitionWriter(
                FinalRows scaling,
                Broadcast<SerializableConfiguration> conf,
                CompressionCodecName codec,
                long maxRecordsPerFile,
                String[] dirs) {
            this.scaling = scaling;
            this.conf = conf;
            this.codec = codec;
            this.maxRecordsPerFile = maxRecordsPerFile;
            this.dirs = dirs;
        }

        @Override
        public void call(Iterator<InternalRow> rows) throws IOException {
            TaskContext task = TaskContext.get();
            Configuration hadoop = conf.value().value();
            Destination[] destinations = new Destination[dirs.length];
            for (int d = 0; d < dirs.length; d++) {
                destinations[d] = new Destination(new Path(dirs[d]), task.partitionId(), task.attemptNumber(), hadoop);
            }
            float[] hlf = scaling.newHlf();
            float[] particles = scaling.newParticles();
            boolean done = false;
            try {
                while (rows.hasNext()) {
                    InternalRow r = rows.next();
                    int n = scaling.scale(r, hlf, particles);
                    Destination d = destinations[r.getInt(6)];
                    d.writer().write(r.getUTF8String(0).getBytes(), r.getLong(1), r.getInt(2), hlf, particles, n);
                    if (d.writer().rows() >= maxRecordsPerFile) {
                        d.commit();
                    }
                }
                for (Destination d : destinations) {
                    d.commit();
                }
                done = true;
            } finally {
                if (!done) {
                    for (Destination d : destinations) {
                        d.abort();
                    }
                }
            }
        }

        /** The open file of one table: written under a hidden name, renamed to {@code part-*} when complete. */
        private final class Destination {
            private final Path dir;
            private final int partition;
            private final int attempt;
            private final Configuration hadoop;
            private FeaturesFileWriter writer;
            private Path temp;
            private int index;

            Destination(Path dir, int partition, int attempt, Configuration hadoop) {
                this.dir = dir;
                this.partition = partition;
                this.attempt = attempt;
                this.hadoop = hadoop;
            }

            FeaturesFileWriter writer() throws IOException {
                if (writer == null) {
                    temp = new Path(dir, "." + fileName(partition, index) + ".attempt-" + attempt);
                    writer = new FeaturesFileWriter(HadoopOutputFile.fromPath(temp, hadoop), codec, hadoop);
                }
                return writer;
            }

            void commit() throws IOException {
                if (writer == null) {
                    return;
                }
                writer.close();
                writer = null;
                Path target = new Path(dir, fileName(partition, index++));
                FileSystem fs = target.getFileSystem(hadoop);
                fs.delete(target, false); // an earlier attempt's copy of the same rows
                if (!fs.rename(temp, target)) {
                    throw new IOException("cannot rename " + temp + " to " + target);
                }
            }

            void abort() {
                if (writer == null) {
                    return;
                }
                try {
                    writer.close();
                    temp.getFileSystem(hadoop).delete(temp, false);
                } catch (IOException e) {
                    // the task's own failure is the one to report; a hidden file is ignored by readers
                }
                writer = null;
            }
        }
    }
}
