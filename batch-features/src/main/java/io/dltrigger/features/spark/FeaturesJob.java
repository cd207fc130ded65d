package io.dltrigger.features.spark;

import static org.apache.spark.sql.functions.col;

import io.dltrigger.contract.EventTableContract;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.Scaler;
import io.dltrigger.features.config.FeaturesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The features job: event table in, features table out (README, "Data contracts"). Selection and
 * features run once, into an unscaled Parquet stage inside the temporary output; balancing, the split,
 * the scaler fit and the final tables (train and test in one pass, {@link FinalTables}) all read that
 * stage (only the columns each needs), then the stage is deleted and the output committed atomically.
 */
public final class FeaturesJob {
    private static final Logger LOG = LoggerFactory.getLogger(FeaturesJob.class);
    private static final String STAGE = "selected.stage";
    /**
     * Dictionary encoding pays off for repeated values; the features are mostly distinct floats, for which
     * Parquet builds a dictionary only to abandon it (a hash lookup per value, high in the profile).
     */
    private static final String NO_DICTIONARY = "parquet.enable.dictionary";
    /**
     * Rows per columnar batch of Spark's Parquet reader. Its default, 4,096, holds 4,096 events' lists (60 MB
     * of the event table) or 4,096 stage rows (220 MB of packed particle rows), which the reader grows into
     * by doubling, per task and per batch: most of the job's allocation and garbage collection, and of its
     * memory. 256 rows keep the per-batch work small against the per-row work (an event is thousands of
     * values). Used unless the session sets it.
     */
    static final String READER_BATCH_ROWS = "spark.sql.parquet.columnarReaderBatchSize";

    static final int BATCH_ROWS = 256;

    private final SparkSession spark;
    private final FeaturesConfig config;

    public FeaturesJob(SparkSession spark, FeaturesConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /**
     * Runs the job.
     *
     * @param scalerFile an existing scaler.json to apply instead of fitting one on the training set, or null
     */
    public Summary run(String events, String output, String scalerFile, boolean overwrite) throws IOException {
        boolean batchRowsSet = spark.conf().contains(READER_BATCH_ROWS);
        if (!batchRowsSet) {
            spark.conf().set(READER_BATCH_ROWS, BATCH_ROWS);
        }
        try {
            return runJob(events, output, scalerFile, overwrite);
        } finally {
            if (!batchRowsSet) {
                spark.conf().unset(READER_BATCH_ROWS);
            }
        }
    }

    private Summary runJob(String events, String output, String scalerFile, boolean overwrite) throws IOException {
        long start = System.nanoTime();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Scaler given = scalerFile == null ? null : readScaler(new Path(scalerFile), hadoop);
        if (given != null) {
            checkPreparation(given, scalerFile);
        }
        Dataset<Row> table = EventTableReader.read(spark, events);
        EventTableReader.project(table, config); // refuses missing columns and columns of the wrong type now
        EventTableReader.checkSamples(table, config);
        AtomicOutput out = new AtomicOutput(output, hadoop, overwrite);
        boolean committed = false;
        try {
            JavaRDD<InternalRow> processed = Extraction.processed(table, config);
            spark.internalCreateDataFrame(processed.rdd(), Extraction.STAGE_SCHEMA, false)
                    .withColumn(Split.KEY, Split.key(config.seed()))
                    .write()
                    .option(NO_DICTIONARY, false)
                    .parquet(out.temp(STAGE));
            double extractSeconds = (System.nanoTime() - start) / 1e9;
            LOG.info("selection and features done in {} s", extractSeconds);

            Dataset<Row> all = spark.read().parquet(out.temp(STAGE));
            // drops counted from the committed stage: each event once, however often its task ran
            Map<Integer, Long> outcomes = countBy(all.select(Extraction.OUTCOME), Extraction.OUTCOME);
            Dataset<Row> stage = all.where(col(Extraction.OUTCOME).equalTo(Extraction.SELECTED))
                    .drop(Extraction.OUTCOME);
            Split split = Split.compute(stage, config.balance(), config.testFraction());
            Scaler scaler = given != null
                    ? given
                    : ScalerFit.fit(stage.where(split.isTrain()), config.particleOrder(), particleLimit());
            FinalTables.write(
                    spark,
                    stage,
                    split,
                    new FinalRows(scaler, config.cuts().particleRows()),
                    config.maxRecordsPerFile(),
                    out.temp(FeaturesTableContract.TRAIN_DIR),
                    out.temp(FeaturesTableContract.TEST_DIR));

            Map<Integer, Long> trainCounts =
                    countBy(spark.read().parquet(out.temp("train")), FeaturesTableContract.LABEL);
            Map<Integer, Long> testCounts =
                    countBy(spark.read().parquet(out.temp("test")), FeaturesTableContract.LABEL);
            out.delete(STAGE);
            Summary summary = summary(
                    table,
                    split,
                    trainCounts,
                    testCounts,
                    given == null,
                    outcomes.getOrDefault(Extraction.DROPPED_EMPTY_MAP, 0L),
                    outcomes.getOrDefault(Extraction.DROPPED_NO_LEPTON, 0L),
                    extractSeconds,
                    (System.nanoTime() - start) / 1e9);
            try (OutputStream s =
                    out.fileSystem().create(new Path(out.temp(), FeaturesTableContract.SCALER_FILE), false)) {
                scaler.write(s);
            }
            // summary.json is written last: a directory with it is complete, even on stores without atomic rename.
            summary.write(out.fileSystem(), new Path(out.temp(), FeaturesTableContract.SUMMARY_FILE));
            out.commit();
            committed = true;
            return summary;
        } finally {
            // Spark rethrows task failures as the checked SparkException, so clean up on any exit.
            if (!committed) {
                out.abort();
            }
        }
    }

    /** Real rows a particle list can have: the max_particles cut, within the list's rows. */
    private int particleLimit() {
        return Math.min(config.cuts().maxParticles(), config.cuts().particleRows());
    }

    /** A given scaler was fitted on particle lists prepared one way: this run must prepare them the same way. */
    private void checkPreparation(Scaler given, String file) {
        if (given.particleOrder() != config.particleOrder() || given.maxParticles() != particleLimit()) {
            throw new IllegalArgumentException(file + " was fitted on particle lists with particle_order "
                    + given.particleOrder() + " and max_particles " + given.maxParticles() + ", but this run makes "
                    + config.particleOrder() + " / " + particleLimit() + ": set particle_order and"
                    + " cuts.max_particles in the configuration (or --particle-order) to match the scaler");
        }
    }

    private static Map<Integer, Long> countBy(Dataset<Row> rows, String intColumn) {
        Map<Integer, Long> m = new HashMap<>();
        for (Row r : rows.groupBy(intColumn).count().collectAsList()) {
            m.put(r.getInt(0), r.getLong(1));
        }
        return m;
    }

    private Summary summary(
            Dataset<Row> table,
            Split split,
            Map<Integer, Long> train,
            Map<Integer, Long> test,
            boolean fitted,
            long emptyMap,
            long noLepton,
            double extractSeconds,
            double totalSeconds) {
        Map<Integer, Summary.PerClass> classes = new TreeMap<>();
        long read = 0;
        long selected = 0;
        for (Row r : table.groupBy(col(EventTableContract.SAMPLE).cast("string"))
                .count()
                .collectAsList()) {
            String sample = r.getString(0);
            int label = config.labels().get(sample);
            long n = r.getLong(1);
            Split.ClassSplit s = split.classes().get(label);
            long sel = s == null ? 0 : s.selected();
            classes.merge(
                    label,
                    new Summary.PerClass(
                            sample,
                            n,
                            sel,
                            n == 0 ? 0 : (double) sel / n,
                            s == null ? 0 : s.kept(),
                            train.getOrDefault(label, 0L),
                            test.getOrDefault(label, 0L)),
                    (a, b) -> new Summary.PerClass(
                            a.sample() + "+" + b.sample(),
                            a.read() + b.read(),
                            a.selected(),
                            (double) a.selected() / (a.read() + b.read()),
                            a.balanced(),
                            a.train(),
                            a.test()));
            read += n;
        }
        for (Split.ClassSplit s : split.classes().values()) {
            selected += s.selected();
        }
        long trainTotal = train.values().stream().mapToLong(Long::longValue).sum();
        long testTotal = test.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(
                read,
                selected,
                emptyMap,
                noLepton,
                classes,
                trainTotal,
                testTotal,
                fitted,
                extractSeconds,
                totalSeconds,
                config);
    }

    private static Scaler readScaler(Path file, Configuration hadoop) throws IOException {
        try (InputStream in = file.getFileSystem(hadoop).open(file)) {
            return Scaler.read(in, file.toString());
        }
    }
}
