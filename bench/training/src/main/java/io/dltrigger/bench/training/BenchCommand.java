package io.dltrigger.bench.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.bench.training.TrainingBench.Figure;
import io.dltrigger.bench.training.TrainingBench.Step;
import io.dltrigger.spark.SparkSessions;
import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.backend.GpuPolicy;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.testing.SyntheticFeatures;
import io.dltrigger.training.tune.FitResult;
import io.dltrigger.training.tune.GridPoint;
import io.dltrigger.training.tune.GridSearch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bench-training",
        mixinStandardHelpOptions = true,
        subcommands = {TableExport.class},
        description = {
            "Training throughput (events/s per core) of the HLF and recurrent models, single process and",
            "parameter averaging on local[2], grid-search fits per minute, on a synthetic features table."
        })
final class BenchCommand implements Callable<Integer> {
    @Option(
            names = "--work",
            defaultValue = "work/bench-training",
            description = "work directory (features are generated once)")
    Path work;

    @Option(
            names = "--hlf-events",
            defaultValue = "100000",
            description = "training events for the HLF figures (an HLF-only synthetic table)")
    int hlfEvents;

    @Option(names = "--seq-events", defaultValue = "1000", description = "training events for the recurrent figures")
    int seqEvents;

    @Option(names = "--epochs", defaultValue = "2", description = "timed epochs per figure (after one warm-up epoch)")
    int epochs;

    @Option(
            names = "--seq-mean-particles",
            defaultValue = "700",
            description =
                    "mean real particles per event in the recurrent data (the generator's events fill most of the 801 rows)")
    int seqParticles;

    @Option(names = "--skip-hlf", description = "only the recurrent figures (no HLF, no grid search)")
    boolean skipHlf;

    @Option(names = "--skip-seq", description = "only the HLF figures and the grid search")
    boolean skipSeq;

    @Option(names = "--skip-dl4j-seq", description = "no DL4J-fit recurrent figures (they take minutes)")
    boolean skipDl4jSeq;

    @Option(
            names = "--torch-data",
            description = "also write the HLF and recurrent sets for bench/torch_anchor.py into this directory")
    Path torchData;

    @Option(
            names = "--from-features",
            description = "with --torch-data: write an existing features table's HLF sets (hlf-train and hlf-val, the"
                    + " training and validation sides that train holds out with validation_parts 10, and hlf-test)"
                    + " and stop; for the anchor of a pipeline run's HLF model (bench/torch_anchor.py --converge)")
    Path fromFeatures;

    @Option(
            names = "--only",
            description = "run only the figures whose name starts with this (e.g. for a profile of one of them)")
    String only;

    @Option(
            names = "--generate-only",
            description = "write the HLF-only table of --hlf-events events (with Spark) and stop")
    boolean generateOnly;

    @Option(
            names = "--stream-only",
            description = "no Spark: train the HLF model with our step streamed from the table of --hlf-events"
                    + " events for --epochs epochs and print events, wall, CPU, peak RSS, AUC (for cost growth)")
    boolean streamOnly;

    @Override
    public Integer call() throws Exception {
        BackendStartup.start(GpuPolicy.OFF);
        if (streamOnly) {
            return streamOnly();
        }
        if (fromFeatures != null) {
            if (torchData == null) {
                throw new IllegalArgumentException("--from-features writes the sets for --torch-data DIR: give it");
            }
            List<FeatureSplit> train = TrainingBench.splits(fromFeatures.resolve("train"));
            TrainingBench.exportForTorch(torchData, "hlf-train", train, Holdout.training(10, 0), false);
            TrainingBench.exportForTorch(torchData, "hlf-val", train, Holdout.validation(10, 0), false);
            TrainingBench.exportForTorch(
                    torchData, "hlf-test", TrainingBench.splits(fromFeatures.resolve("test")), false);
            return 0;
        }
        int threads = Nd4j.getEnvironment().maxThreads();
        Files.createDirectories(work);
        List<Figure> figures = new ArrayList<>();
        Map<String, Object> report = new LinkedHashMap<>();
        System.out.println(
                "| measurement | events trained | wall s | cores | events/s per core (wall) | CPU s | events per CPU-second | test ttbar AUC |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try (SparkSession spark = SparkSessions.create("bench-training", "local[2]", Map.of())) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Path hlfData = work.resolve("hlf-only-" + hlfEvents);
            Path seqData = work.resolve("seq-" + seqEvents + "-p" + seqParticles);
            if (!skipHlf || generateOnly) {
                generate(spark, hlfData, hlfEvents, 8, SyntheticFeatures.hlfOnly());
            }
            if (generateOnly) {
                return 0;
            }
            if (!skipSeq) {
                generate(spark, seqData, seqEvents, 4, SyntheticFeatures.withParticles(seqParticles));
            }
            HyperParams hlf = HyperParams.reference(ModelKind.HLF).withBatchSize(128);
            HyperParams seq = HyperParams.reference(ModelKind.SEQUENCE).withBatchSize(128);
            HyperParams inc = HyperParams.reference(ModelKind.INCLUSIVE).withBatchSize(128);
            String export = work.resolve("export").toUri().toString();
            if (!skipHlf) {
                List<FeatureSplit> train = TrainingBench.splits(hlfData.resolve("train"));
                List<FeatureSplit> test = TrainingBench.splits(hlfData.resolve("test"));
                if (torchData != null) {
                    TrainingBench.exportForTorch(torchData, "hlf-train", train, false);
                    TrainingBench.exportForTorch(torchData, "hlf-test", test, false);
                }
                add(
                        figures,
                        "HLF, DL4J fit, in-memory batches (anchor)",
                        what -> TrainingBench.inMemory(what, hlf, train, test, epochs, Step.DL4J));
                add(
                        figures,
                        "HLF, our step, the same in-memory batches",
                        what -> TrainingBench.inMemory(what, hlf, train, test, epochs, Step.OURS));
                add(
                        figures,
                        "HLF, DL4J fit, streamed from Parquet",
                        what -> TrainingBench.fit(what, hlf, train, test, epochs, null, 1, export, Step.DL4J));
                add(
                        figures,
                        "HLF, our step, streamed from Parquet",
                        what -> TrainingBench.fit(what, hlf, train, test, epochs, null, 1, export, Step.OURS));
                add(
                        figures,
                        "HLF, parameter averaging local[2] (DL4J fit on workers)",
                        what -> TrainingBench.fit(what, hlf, train, test, epochs, sc, 2, export, Step.DL4J));
                report.put("grid_search", only == null ? gridSearch(spark, train) : "skipped");
            } else {
                report.put("grid_search", "skipped");
            }
            if (!skipSeq) {
                List<FeatureSplit> train = TrainingBench.splits(seqData.resolve("train"));
                List<FeatureSplit> test = TrainingBench.splits(seqData.resolve("test"));
                if (torchData != null) {
                    TrainingBench.exportForTorch(torchData, "seq-train", train, true);
                    TrainingBench.exportForTorch(torchData, "seq-test", test, true);
                }
                for (HyperParams p : List.of(seq, inc)) {
                    String model = "LSTM " + p.model().name().toLowerCase(java.util.Locale.ROOT);
                    if (!skipDl4jSeq) {
                        add(
                                figures,
                                model + ", DL4J fit, streamed from Parquet",
                                what -> TrainingBench.fit(what, p, train, test, epochs, null, 1, export, Step.DL4J));
                    }
                    add(
                            figures,
                            model + ", our step, streamed from Parquet",
                            what -> TrainingBench.fit(what, p, train, test, epochs, null, 1, export, Step.OURS));
                }
                // larger minibatches, learning rate scaled with them
                HyperParams big = new HyperParams(
                        inc.model(), inc.hidden(), inc.rnnUnits(), inc.dropout(), 2e-3, 256, inc.epochs(), inc.seed());
                add(
                        figures,
                        "LSTM inclusive, our step, batch 256, learning rate 2e-3",
                        what -> TrainingBench.fit(what, big, train, test, epochs, null, 1, export, Step.OURS));
            }
        }
        report.put("nd4j_threads_single_process", threads);
        report.put("hlf_train_events", hlfEvents);
        report.put("seq_train_events", seqEvents);
        report.put("seq_mean_particles", seqParticles);
        report.put("figures", figures.stream().map(Figure::asMap).toList());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(work.resolve("results.json").toFile(), report);
        System.out.println("grid search: " + report.get("grid_search"));
        return 0;
    }

    /** One single-process HLF run, the whole timed: the cost-growth rows (a JVM of its own, without Spark). */
    private int streamOnly() throws java.io.IOException {
        Path data = work.resolve("hlf-only-" + hlfEvents);
        List<FeatureSplit> train = TrainingBench.splits(data.resolve("train"));
        List<FeatureSplit> test = TrainingBench.splits(data.resolve("test"));
        HyperParams hlf = HyperParams.reference(ModelKind.HLF).withBatchSize(128);
        org.deeplearning4j.nn.graph.ComputationGraph net = io.dltrigger.training.model.Models.build(hlf);
        long t0 = System.nanoTime();
        long c0 = TrainingBench.cpuNanos();
        long events = 0;
        try (var f = new io.dltrigger.training.train.LocalFitter(
                net, hlf, train, io.dltrigger.training.data.Holdout.ALL, 20_000)) {
            for (int e = 0; e < epochs; e++) {
                f.fitEpoch(e);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (TrainingBench.cpuNanos() - c0) / 1e9;
        for (FeatureSplit sp : train) {
            events += sp.rows();
        }
        System.out.printf(
                "| %d | %d | %d | %.1f | %.1f | %.0f | %.0f | %.4f |%n",
                hlfEvents,
                epochs,
                events * epochs,
                wall,
                cpu,
                events * epochs / cpu,
                TrainingBench.peakRssMib(),
                TrainingBench.auc(net, hlf, test));
        return 0;
    }

    /** Runs a measurement unless --only excludes it, and prints its row at once. */
    private void add(List<Figure> figures, String what, java.util.function.Function<String, Figure> measurement) {
        if (only == null || what.startsWith(only)) {
            Figure f = measurement.apply(what);
            figures.add(f);
            System.out.printf(
                    "| %s | %d | %.1f | %d | %.0f | %.1f | %.0f | %.4f |%n",
                    f.what(),
                    f.events(),
                    f.seconds(),
                    f.cores(),
                    f.eventsPerSecondPerCore(),
                    f.cpuSeconds(),
                    f.eventsPerCpuSecond(),
                    f.auc());
        }
    }

    private Map<String, Object> gridSearch(SparkSession spark, List<FeatureSplit> train) {
        TrainingConfig.Grid demo = new TrainingConfig.Grid(
                List.of(64, 200), List.of(3), List.of(50, 150), List.of(20, 50), List.of(10), List.of(1e-3));
        List<GridPoint> grid = GridSearch.expand(ModelKind.HLF, demo, 42);
        double fraction = Math.min(1.0, 2000.0 / hlfEvents);
        long t0 = System.nanoTime();
        List<FitResult> results = GridSearch.run(spark, grid, train, fraction, 2);
        double minutes = (System.nanoTime() - t0) / 60e9;
        long fits = results.stream()
                .filter(FitResult::ok)
                .mapToLong(FitResult::folds)
                .sum();
        return Map.of(
                "combinations",
                grid.size(),
                "fits",
                fits,
                "minutes",
                minutes,
                "fits_per_minute",
                fits / minutes,
                "sample_events",
                Math.round(hlfEvents * fraction),
                "epochs_per_fit",
                3,
                "executors",
                "local[2]");
    }

    private static void generate(SparkSession spark, Path out, int trainEvents, int files, SyntheticFeatures gen)
            throws java.io.IOException {
        if (!Files.exists(out.resolve("scaler.json"))) {
            gen.write(spark, out, trainEvents, Math.max(300, trainEvents / 4), files, 11);
        }
    }
}
