package io.dltrigger.training.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.training.TestSpark;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridSearchTest {
    @TempDir
    Path tmp;

    /**
     * Three points: a learning rate of 1e-9 hardly learns (AUC near 0.5), a sensible one can, and a zero width is
     * invalid and fails inside its task. The search must record the failure, go on, and pick the best
     * validation AUC of those that ran.
     */
    @Test
    void picksBestValidationMetricAndRecordsFailures() throws Exception {
        List<GridPoint> grid = List.of(
                new GridPoint(0, ModelKind.HLF, 32, 4, 20, 10, 10, 1e-9, 1),
                new GridPoint(1, ModelKind.HLF, 32, 4, 20, 10, 10, 1e-2, 1),
                new GridPoint(2, ModelKind.HLF, 32, 4, 0, 10, 10, 1e-2, 1));
        var splits = FeatureDataset.open(TestSpark.features().resolve("train").toString())
                .splits();
        List<FitResult> results = GridSearch.run(TestSpark.session(), grid, splits, 0.5, 2);

        assertEquals(3, results.size());
        FitResult failed =
                results.stream().filter(r -> r.point().index() == 2).findFirst().orElseThrow();
        assertEquals(FitResult.FAILED, failed.status());
        assertTrue(failed.error().contains("hidden"), failed.error());
        FitResult best = GridSearch.best(results).orElseThrow();
        FitResult argmax = results.stream()
                .filter(FitResult::ok)
                .max(Comparator.comparingDouble(FitResult::aucMean))
                .orElseThrow();
        assertEquals(argmax, best);
        assertEquals(1, best.point().index());
        // a short fit on ~600 events per fold: well above chance, not converged
        assertTrue(best.aucMean() > 0.7, "learning configuration's validation AUC " + best.aucMean());
        FitResult frozen =
                results.stream().filter(r -> r.point().index() == 0).findFirst().orElseThrow();
        assertTrue(frozen.aucMean() < best.aucMean() - 0.1, "untrained AUC " + frozen.aucMean());
        assertEquals(2, best.folds());

        Path out = tmp.resolve("tune");
        GridSearch.write(TestSpark.session(), results, out);
        Dataset<Row> table = TestSpark.session()
                .read()
                .parquet(out.resolve("results.parquet").toString());
        assertEquals(3, table.count());
        assertEquals(1, table.filter("status = 'failed'").count());
        assertTrue(Files.readString(out.resolve("results.csv")).lines().count() == 4);
        HyperParams chosen =
                new ObjectMapper().readValue(out.resolve("best.json").toFile(), HyperParams.class);
        assertEquals(List.of(20, 10, 10), chosen.hidden());
        assertEquals(1e-2, chosen.learningRate());
    }
}
