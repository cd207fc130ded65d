package io.dltrigger.features;

import io.dltrigger.spark.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** One SparkSession for every test class of the module (start-up costs seconds); stopped at JVM exit. */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSessions.create(
                    "batch-features-tests",
                    "local[2]",
                    Map.of("spark.sql.shuffle.partitions", "4", "spark.default.parallelism", "2"));
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
