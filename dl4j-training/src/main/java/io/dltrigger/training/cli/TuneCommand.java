package io.dltrigger.training.cli;

import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.spark.SparkSessions;
import io.dltrigger.training.backend.BackendStartup;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.tune.FitResult;
import io.dltrigger.training.tune.GridPoint;
import io.dltrigger.training.tune.GridSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description = {
            "Grid search: each combination of tune.grid cross-validated on a sample of OUT/train, one Spark task each.",
            "With --points, only those grid points (one mapped task of the retrain DAG): their results are the",
            "task's output, and tune-best gathers them."
        })
final class TuneCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--output", description = "results directory (overrides tune.output)")
    Path output;

    @Option(
            names = "--points",
            description = "grid point indices to fit, e.g. 0,1 or [0, 1] (as the grid command groups them)")
    String points;

    @Override
    public Integer call() throws Exception {
        TrainingConfig c = common.load();
        BackendStartup.start(c.gpu());
        TrainingConfig.Tune t = c.tune();
        List<GridPoint> grid = GridSearch.expand(t.model(), t.grid(), c.train().seed());
        List<GridPoint> chosen = points == null ? grid : select(grid, points);
        FeatureDataset train = FeatureDataset.open(
                CommonOptions.resolve(c.features()).resolve("train").toString());
        TaskIo io = TaskIo.fromEnvironment();
        try (SparkSession spark = SparkSessions.create(
                "dltrigger-tune", c.spark().master(), c.spark().conf())) {
            io.progress(0, chosen.size(), "grid points", "");
            List<FitResult> results = GridSearch.run(
                    spark,
                    chosen,
                    train.splits(),
                    t.sampleFraction(),
                    t.folds(),
                    done -> io.progress(done, chosen.size(), "grid points", ""));
            long failed = results.stream().filter(r -> !r.ok()).count();
            if (points != null) {
                io.output(Map.of("results", results));
                System.out.printf("%d fits (%d failed) of points %s%n", results.size(), failed, points);
                return failed == results.size() ? 1 : 0;
            }
            Path out = output != null ? output : CommonOptions.resolve(t.output());
            GridSearch.write(spark, results, out);
            FitResult best = GridSearch.best(results).orElse(null);
            System.out.printf("%d fits (%d failed); results in %s%n", results.size(), failed, out);
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

    /** The grid points named by {@code spec}: indices separated by commas, brackets allowed. */
    static List<GridPoint> select(List<GridPoint> grid, String spec) {
        List<GridPoint> out = new ArrayList<>();
        for (String part : spec.replace("[", "").replace("]", "").split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int i;
            try {
                i = Integer.parseInt(part.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--points: '" + part.trim() + "' is not a grid point index");
            }
            if (i < 0 || i >= grid.size()) {
                throw new IllegalArgumentException(
                        "--points: no grid point " + i + " (the grid has " + grid.size() + ")");
            }
            out.add(grid.get(i));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("--points names no grid point");
        }
        return out;
    }
}
