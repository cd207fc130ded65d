package io.dltrigger.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.training.TestSpark;
import io.dltrigger.training.testing.SyntheticFeatures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validation split follows the events, not the files Spark happened to write: the same table written
 * twice, partitioned differently (other part-file names, row groups and row orders), gives the same
 * validation events.
 */
class HoldoutTest {
    @TempDir
    Path tmp;

    @Test
    void theSameEventsAreHeldOutWhateverTheWriteLayout() {
        SparkSession spark = TestSpark.session();
        SyntheticFeatures gen = SyntheticFeatures.small();
        Random r = new Random(5);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(gen.event(r, i % 3, "file:/data/run" + (i % 4) + "/qcd_seed1_000" + (i % 4) + ".root", i));
        }
        var df = spark.createDataFrame(rows, SyntheticFeatures.SCHEMA);
        df.repartition(3).write().parquet(tmp.resolve("a").toString());
        df.orderBy(org.apache.spark.sql.functions.rand(9))
                .repartition(5)
                .write()
                .parquet(tmp.resolve("b").toString());

        Holdout validation = Holdout.validation(10, 0);
        Set<String> a = heldOut(tmp.resolve("a"), validation);
        Set<String> b = heldOut(tmp.resolve("b"), validation);
        assertEquals(a, b);
        assertTrue(a.size() > 20 && a.size() < 60, "about a tenth of 400: " + a.size());
        // training and validation are complements
        assertEquals(
                400 - a.size(),
                heldOut(tmp.resolve("b"), Holdout.training(10, 0)).size());
    }

    /** The (file name, entry) pairs the holdout keeps: labels and HLF of kept rows, identified by provenance. */
    private static Set<String> heldOut(Path table, Holdout h) {
        Set<String> out = new TreeSet<>();
        for (FeatureSplit s : FeatureDataset.open(table.toString()).splits()) {
            EventBlock all = ParquetFeatureReader.read(s, false);
            EventBlock kept = h.filter(s, all);
            ParquetFeatureReader.Provenance p = ParquetFeatureReader.readProvenance(s);
            int k = 0;
            for (int i = 0; i < all.size(); i++) {
                if (h.accepts(p.sourceFiles()[i], p.entries()[i])) {
                    // the filtered block holds exactly the accepted rows, in order
                    assertEquals(all.labels()[i], kept.labels()[k]);
                    assertEquals(all.hlf()[i * 14], kept.hlf()[k * 14]);
                    k++;
                    String f = p.sourceFiles()[i];
                    out.add(f.substring(f.lastIndexOf('/') + 1) + "#" + p.entries()[i]);
                }
            }
            assertEquals(kept.size(), k);
        }
        return out;
    }
}
