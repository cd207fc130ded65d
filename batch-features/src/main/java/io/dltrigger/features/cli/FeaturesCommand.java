package io.dltrigger.features.cli;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.config.LeptonChoice;
import io.dltrigger.features.config.MtForm;
import io.dltrigger.features.spark.FeaturesJob;
import io.dltrigger.features.spark.Summary;
import io.dltrigger.spark.SparkSessions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code features}: event table in, features table out. */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = "Select events (isolated lepton), build the 14 HLF and the particle list, balance, split"
                + " 80/20, scale, and write the features table atomically.")
public final class FeaturesCommand implements Callable<Integer> {
    @Option(names = "--events", required = true, description = "event table (Parquet, sample=/ingest_date= partitions)")
    String events;

    @Option(names = "--output", required = true, description = "features table directory to create")
    String output;

    @Option(names = "--master", description = "Spark master (default local[*]; spark://, yarn, k8s://...)")
    String master;

    @Option(names = "--config", description = "YAML configuration (see conf/features.yaml); defaults: the reference")
    Path config;

    @Option(names = "--scaler", description = "apply this scaler.json instead of fitting one on the training set")
    String scaler;

    @Option(names = "--overwrite", description = "replace an existing output (atomically)")
    boolean overwrite;

    @Option(names = "--lepton-choice", description = "when both flavours pass: PT (default) or ETA (the reference)")
    LeptonChoice leptonChoice;

    @Option(names = "--mt-form", description = "SQUARED (reference, default) or TRANSVERSE_MASS")
    MtForm mtForm;

    @Option(
            names = "--particle-order",
            description = "AS_READ (default), DELTA_R_ASCENDING or DELTA_R_DESCENDING_CLOSEST_LAST (the reference's)")
    ParticleOrder particleOrder;

    @Option(names = "--no-balance", description = "keep every selected event (no undersampling), e.g. for scoring")
    boolean noBalance;

    @Option(names = "--test-fraction", description = "fraction of events for test/ (default from config: 0.2)")
    Double testFraction;

    @Override
    public Integer call() throws Exception {
        FeaturesConfig c = config == null ? FeaturesConfig.defaults() : FeaturesConfig.load(config);
        c = c.withOptions(
                leptonChoice != null ? leptonChoice : c.leptonChoice(),
                mtForm != null ? mtForm : c.mtForm(),
                particleOrder != null ? particleOrder : c.particleOrder());
        c = c.withPreparation(c.balance() && !noBalance, testFraction != null ? testFraction : c.testFraction());
        SparkSession spark = SparkSessions.create("dltrigger-features", master, Map.of());
        try {
            Summary s = new FeaturesJob(spark, c).run(events, output, scaler, overwrite);
            System.out.printf(
                    "read %d events, selected %d; wrote %d train + %d test to %s in %.1f s%n",
                    s.eventsRead(), s.eventsSelected(), s.trainEvents(), s.testEvents(), output, s.secondsTotal());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("output", output);
            o.put("summary", output + "/" + FeaturesTableContract.SUMMARY_FILE);
            o.put("events_read", s.eventsRead());
            o.put("events_selected", s.eventsSelected());
            o.put("train_events", s.trainEvents());
            o.put("test_events", s.testEvents());
            o.put("seconds", s.secondsTotal());
            TaskIo.fromEnvironment().output(o); // for the engine: downstream tasks and the run's report
            return 0;
        } finally {
            spark.stop();
        }
    }
}
