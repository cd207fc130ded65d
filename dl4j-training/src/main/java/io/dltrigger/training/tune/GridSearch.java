package io.dltrigger.training.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.training.config.TrainingConfig;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.Subsample;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.registry.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grid search as one Spark job: each grid point is one task (one partition), which reads the training sample
 * itself and cross-validates its configuration; tasks run in parallel across executors. Writes, into
 * {@code output/}: results.parquet, results.json, results.csv (parameters, AUC mean and spread, loss, time,
 * status, error) and best.json (the best configuration, as the training step reads it).
 */
public final class GridSearch {
    private static final Logger LOG = LoggerFactory.getLogger(GridSearch.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GridSearch() {}

    public static List<GridPoint> expand(ModelKind model, TrainingConfig.Grid g, long seed) {
        List<GridPoint> out = new ArrayList<>();
        List<Double> rates = g.learningRate() == null || g.learningRate().isEmpty() ? List.of(1e-3) : g.learningRate();
        List<Integer> h2s = orOne(g.hidden2());
        List<Integer> h3s = orOne(g.hidden3());
        for (int b : g.batchSize()) {
            for (int e : g.epochs()) {
                for (int h1 : g.hidden1()) {
                    for (int h2 : h2s) {
                        for (int h3 : h3s) {
                            for (double lr : rates) {
                                out.add(new GridPoint(out.size(), model, b, e, h1, h2, h3, lr, seed));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<Integer> orOne(List<Integer> l) {
        return l == null || l.isEmpty() ? List.of(1) : l;
    }

    /** Runs every point; returns all results (failed ones included), best first. */
    public static List<FitResult> run(
            SparkSession spark, List<GridPoint> grid, List<FeatureSplit> splits, double sampleFraction, int folds) {
        return run(spark, grid, splits, sampleFraction, folds, done -> {});
    }

    /**
     * As {@link #run(SparkSession, List, List, double, int)}; {@code progress} hears how many points are done. A
     * small grid (one of the DAG's mapped groups) runs a point per Spark job, so that progress is per point; a large
     * one runs as one job, a task per point.
     */
    public static List<FitResult> run(
            SparkSession spark,
            List<GridPoint> grid,
            List<FeatureSplit> splits,
            double sampleFraction,
            int folds,
            java.util.function.IntConsumer progress) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        if (grid.size() <= sc.defaultParallelism()) {
            List<FitResult> results = new ArrayList<>();
            for (GridPoint p : grid) {
                results.addAll(fits(sc, List.of(p), splits, sampleFraction, folds));
                progress.accept(results.size());
            }
            return sorted(results);
        }
        List<FitResult> results = fits(sc, grid, splits, sampleFraction, folds);
        progress.accept(results.size());
        return sorted(results);
    }

    private static List<FitResult> fits(
            JavaSparkContext sc, List<GridPoint> grid, List<FeatureSplit> splits, double sampleFraction, int folds) {
        Holdout sample = Subsample.fraction(sampleFraction);
        List<FitResult> results = new ArrayList<>(sc.parallelize(grid, Math.max(1, grid.size()))
                .mapPartitions(points -> {
                    List<FitResult> done = new ArrayList<>();
                    EventBlock data = null;
                    while (points.hasNext()) {
                        GridPoint p = points.next();
                        if (data == null) {
                            data = Subsample.load(splits, sample, p.model().readsParticles());
                        }
                        done.add(CrossValidation.run(p, data, folds));
                    }
                    return done.iterator();
                })
                .collect());
        return results;
    }

    /** Best first, failed ones last. */
    public static List<FitResult> sorted(List<FitResult> fits) {
        List<FitResult> results = new ArrayList<>(fits);
        results.sort(Comparator.comparing((FitResult r) -> !r.ok()).thenComparing(r -> -r.aucMean()));
        long failed = results.stream().filter(r -> !r.ok()).count();
        LOG.info("grid search: {} fits, {} failed", results.size(), failed);
        return results;
    }

    public static Optional<FitResult> best(List<FitResult> results) {
        return results.stream().filter(FitResult::ok).max(Comparator.comparingDouble(FitResult::aucMean));
    }

    /** Writes the results table and best.json into {@code output}, replacing it as a whole. */
    public static void write(SparkSession spark, List<FitResult> results, Path output) throws IOException {
        Path tmp = AtomicFiles.tempSibling(output);
        spark.createDataFrame(rows(results), SCHEMA)
                .coalesce(1)
                .write()
                .mode(SaveMode.ErrorIfExists)
                .parquet(tmp.resolve("results.parquet").toString());
        writeTables(results, tmp);
        AtomicFiles.replaceDirectory(tmp, output);
    }

    /** The results table (JSON and CSV) and best.json, without Spark, into {@code output}, replaced as a whole. */
    public static void writeWithoutSpark(List<FitResult> results, Path output) throws IOException {
        Path tmp = AtomicFiles.tempSibling(output);
        Files.createDirectories(tmp);
        writeTables(results, tmp);
        AtomicFiles.replaceDirectory(tmp, output);
    }

    /** One row per fit, as results.json and the report show them. */
    public static List<Map<String, Object>> table(List<FitResult> results) {
        List<Map<String, Object>> table = new ArrayList<>();
        for (Row row : rows(results)) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < SCHEMA.size(); i++) {
                m.put(SCHEMA.fieldNames()[i], row.get(i));
            }
            table.add(m);
        }
        return table;
    }

    private static final StructType SCHEMA = new StructType()
            .add("index", DataTypes.IntegerType)
            .add("model", DataTypes.StringType)
            .add("batch_size", DataTypes.IntegerType)
            .add("epochs", DataTypes.IntegerType)
            .add("h1", DataTypes.IntegerType)
            .add("h2", DataTypes.IntegerType)
            .add("h3", DataTypes.IntegerType)
            .add("learning_rate", DataTypes.DoubleType)
            .add("folds", DataTypes.IntegerType)
            .add("val_auc_ttbar_mean", DataTypes.DoubleType)
            .add("val_auc_ttbar_std", DataTypes.DoubleType)
            .add("val_loss_mean", DataTypes.DoubleType)
            .add("seconds", DataTypes.DoubleType)
            .add("status", DataTypes.StringType)
            .add("error", DataTypes.StringType);

    private static List<Row> rows(List<FitResult> results) {
        return results.stream()
                .map(r -> RowFactory.create(
                        r.point().index(),
                        r.point().model().name(),
                        r.point().batchSize(),
                        r.point().epochs(),
                        r.point().h1(),
                        r.point().h2(),
                        r.point().h3(),
                        r.point().learningRate(),
                        r.folds(),
                        r.aucMean(),
                        r.aucStd(),
                        r.lossMean(),
                        r.seconds(),
                        r.status(),
                        r.error()))
                .toList();
    }

    private static void writeTables(List<FitResult> results, Path dir) throws IOException {
        List<Map<String, Object>> table = table(results);
        StringBuilder csv = new StringBuilder(String.join(",", SCHEMA.fieldNames())).append('\n');
        for (Map<String, Object> m : table) {
            int i = 0;
            for (Object value : m.values()) {
                String v = String.valueOf(value);
                csv.append(i++ > 0 ? "," : "")
                        .append(v.contains(",") || v.contains("\"") ? '"' + v.replace("\"", "\"\"") + '"' : v);
            }
            csv.append('\n');
        }
        JSON.writeValue(dir.resolve("results.json").toFile(), table);
        Files.writeString(dir.resolve("results.csv"), csv);
        Optional<FitResult> best = best(results);
        if (best.isPresent()) {
            JSON.writeValue(
                    dir.resolve("best.json").toFile(), best.get().point().hyperParams());
        }
    }
}
