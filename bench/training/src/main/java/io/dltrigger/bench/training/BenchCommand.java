package io.dltrigger.bench.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.bench.training.TrainingBench.Figure;
import io.dltrigger.spark.SparkSessions;
import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.backend.GpuPolicy;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.FeatureSplit;
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

    @Option(names = "--hlf-events", defaultValue = "30000", description = "training events for the HLF figures")
    int hlfEvents;

    @Option(names = "--seq-events", defaultValue = "1500", description = "training events for the recurrent figures")
    int seqEvents;

    @Option(names = "--epochs", defaultValue = "2", description = "timed epochs per figure (after one warm-up epoch)")
    int epochs;

    @Option(names = "--features", description = "use this features table (OUT) instead of generating one")
    Path features;

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

    @Override
    public Integer call() throws Exception {
        BackendStartup.start(GpuPolicy.OFF);
        int threads = Nd4j.getEnvironment().maxThreads();
        Files.createDirectories(work);
        List<Figure> figures = new ArrayList<>();
        Map<String, Object> report = new LinkedHashMap<>();
        try (SparkSession spark = SparkSessions.create("bench-training", "local[2]", Map.of())) {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Path hlfData = features != null ? features : work.resolve("hlf-" + hlfEvents);
            Path seqData = features != null ? features : work.resolve("seq-" + seqEvents + "-p" + seqParticles);
            if (features == null) {
                generate(spark, hlfData, hlfEvents, 8, SyntheticFeatures.small());
                if (!skipSeq) {
                    generate(spark, seqData, seqEvents, 4, SyntheticFeatures.withParticles(seqParticles));
                }
            }
            List<FeatureSplit> hlfTrain = TrainingBench.splits(hlfData.resolve("train"));
            List<FeatureSplit> hlfTest = TrainingBench.splits(hlfData.resolve("test"));
            List<FeatureSplit> seqTrain = skipSeq ? List.of() : TrainingBench.splits(seqData.resolve("train"));
            List<FeatureSplit> seqTest = skipSeq ? List.of() : TrainingBench.splits(seqData.resolve("test"));
            HyperParams hlf = HyperParams.reference(ModelKind.HLF).withBatchSize(128);
            HyperParams seq = HyperParams.reference(ModelKind.SEQUENCE).withBatchSize(128);
            HyperParams inc = HyperParams.reference(ModelKind.INCLUSIVE).withBatchSize(128);
            String export = work.resolve("export").toUri().toString();
            if (!skipHlf) {
                figures.add(
                        TrainingBench.inMemory("HLF, DL4J fit on in-memory batches (anchor)", hlf, hlfTrain, epochs));
                figures.add(TrainingBench.fit(
                        "HLF, single process from Parquet", hlf, hlfTrain, hlfTest, epochs, null, threads, export));
                figures.add(TrainingBench.fit(
                        "HLF, parameter averaging local[2]", hlf, hlfTrain, hlfTest, epochs, sc, 2, export));
                // DL4J's cost is mostly per minibatch for a network this small: the same model at batch 1024
                figures.add(TrainingBench.fit(
                        "HLF, single process from Parquet, batch 1024",
                        hlf.withBatchSize(1024),
                        hlfTrain,
                        hlfTest,
                        epochs,
                        null,
                        threads,
                        export));
            }
            if (!skipSeq) {
                figures.add(TrainingBench.fit(
                        "LSTM sequence, single process from Parquet",
                        seq,
                        seqTrain,
                        seqTest,
                        epochs,
                        null,
                        threads,
                        export));
                figures.add(TrainingBench.fit(
                        "LSTM inclusive, single process from Parquet",
                        inc,
                        seqTrain,
                        seqTest,
                        epochs,
                        null,
                        threads,
                        export));
                figures.add(TrainingBench.fit(
                        "LSTM inclusive, parameter averaging local[2]", inc, seqTrain, seqTest, epochs, sc, 2, export));
            }

            if (skipHlf) {
                report.put("grid_search", "skipped");
            } else {
                TrainingConfig.Grid demo = new TrainingConfig.Grid(
                        List.of(64, 200), List.of(3), List.of(50, 150), List.of(20, 50), List.of(10), List.of(1e-3));
                List<GridPoint> grid = GridSearch.expand(ModelKind.HLF, demo, 42);
                long t0 = System.nanoTime();
                List<FitResult> results = GridSearch.run(spark, grid, hlfTrain, 0.1, 2);
                double minutes = (System.nanoTime() - t0) / 60e9;
                long fits = results.stream()
                        .filter(FitResult::ok)
                        .mapToLong(FitResult::folds)
                        .sum();
                report.put(
                        "grid_search",
                        Map.of(
                                "combinations",
                                grid.size(),
                                "fits",
                                fits,
                                "minutes",
                                minutes,
                                "fits_per_minute",
                                fits / minutes,
                                "sample_events",
                                Math.round(hlfEvents * 0.1),
                                "epochs_per_fit",
                                3,
                                "executors",
                                "local[2]"));
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
        System.out.println(
                "| measurement | events | wall s | cores | events/s per core (wall) | CPU s | events per CPU-second | test ttbar AUC |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Figure f : figures) {
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
        System.out.println("grid search: " + report.get("grid_search"));
        return 0;
    }

    private static void generate(SparkSession spark, Path out, int trainEvents, int files, SyntheticFeatures gen)
            throws java.io.IOException {
        if (!Files.exists(out.resolve("scaler.json"))) {
            gen.write(spark, out, trainEvents, Math.max(300, trainEvents / 4), files, 11);
        }
    }
}
