package io.dltrigger.features.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.features.TestSpark;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.testing.GeneratedEventTable;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job on generated events: efficiencies as the generator documents them, exact balance and split. */
class GeneratedEndToEndTest {
    private static final int EVENTS_PER_SAMPLE = 1500;

    @TempDir
    Path dir;

    @Test
    void efficienciesBalanceAndSplitOnGeneratedEvents() throws IOException {
        SparkSession spark = TestSpark.get();
        String table = dir.resolve("events").toString();
        GeneratedEventTable.generate(spark, table, EVENTS_PER_SAMPLE, 100, 2);
        Summary s = new FeaturesJob(spark, FeaturesConfig.defaults())
                .run(table, dir.resolve("out").toString(), null, false);

        // The generator's documented selection efficiencies (event-generator GeneratedClassesTest / README).
        assertBetween(s.classes().get(0).efficiency(), 0.08, 0.17, "QCD");
        assertBetween(s.classes().get(1).efficiency(), 0.52, 0.65, "ttbar");
        assertBetween(s.classes().get(2).efficiency(), 0.66, 0.80, "W+jets");
        assertEquals(3 * EVENTS_PER_SAMPLE, s.eventsRead());

        long smallest = s.classes().get(0).selected();
        long test = Math.round(smallest * 0.2);
        for (int label = 0; label < 3; label++) {
            Summary.PerClass c = s.classes().get(label);
            assertEquals(smallest, c.balanced(), "balanced to the smallest class (QCD)");
            assertEquals(test, c.test());
            assertEquals(smallest - test, c.train());
        }
        assertEquals(
                3 * test,
                spark.read().parquet(dir.resolve("out/test").toString()).count());
        assertEquals(
                3 * (smallest - test),
                spark.read().parquet(dir.resolve("out/train").toString()).count());
    }

    private static void assertBetween(double v, double lo, double hi, String what) {
        assertTrue(v >= lo && v <= hi, what + " efficiency " + v + " outside [" + lo + ", " + hi + "]");
    }
}
