package io.dltrigger.features.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.features.TestSpark;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.testing.GeneratedEventTable;
import io.dltrigger.testing.Listeners;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A features run on the stages' SparkSession listens on loopback only (read from /proc). */
class LoopbackTest {
    @TempDir
    Path dir;

    @Test
    void aFeaturesRunListensOnLoopbackOnly() throws Exception {
        SparkSession spark = TestSpark.get();
        String table = dir.resolve("events").toString();
        GeneratedEventTable.generate(spark, table, 150, 3, 1);
        new FeaturesJob(spark, FeaturesConfig.defaults())
                .run(table, dir.resolve("out").toString(), null, false);
        List<String> listening = Listeners.ofThisProcess();
        assertFalse(listening.isEmpty(), "Spark's driver listens (RPC, block manager)");
        for (String address : listening) {
            assertTrue(Listeners.loopback(address), "Spark listens on " + address + ": " + listening);
        }
    }
}
