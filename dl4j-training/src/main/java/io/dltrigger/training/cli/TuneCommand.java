package io.dltrigger.training.cli;

import io.dltrigger.spark.SparkSessions;
import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.tune.FitResult;
import io.dltrigger.training.tune.GridPoint;
import io.dltrigger.training.tune.GridSearch;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description =
                "Grid search: each combination of tune.grid cross-validated on a sample of OUT/train, one Spark task each.")
final class TuneCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--output", description = "results directory (overrides tune.output)")
    Path output;

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = common.load();
        BackendStartup.start(c.gpu());
        TrainingConfig.Tune t = c.tune();
        List<GridPoint> grid = GridSearch.expand(t.model(), t.grid(), c.train().seed());
        Path out = output != null ? output : CommonOptions.resolve(t.output());
        FeatureDataset train = FeatureDataset.open(
                CommonOptions.resolve(c.features()).resolve("train").toString());
        try (SparkSession spark = SparkSessions.create(
                "dltrigger-tune", c.spark().master(), c.spark().conf())) {
            List<FitResult> results = GridSearch.run(spark, grid, train.splits(), t.sampleFraction(), t.folds());
            GridSearch.write(spark, results, out);
            FitResult best = GridSearch.best(results).orElse(null);
            System.out.printf(
                    "%d fits (%d failed); results in %s%n",
                    results.size(), results.stream().filter(r -> !r.ok()).count(), out);
            if (best == null) {
                System.err.println("every combination failed; see " + out.resolve("results.csv"));
                return 1;
            }
            System.out.printf(
                    "best: %s  validation ttbar AUC %.4f +- %.4f -> %s%n",
                    best.point(), best.aucMean(), best.aucStd(), out.resolve("best.json"));
            return 0;
        }
    }
}
