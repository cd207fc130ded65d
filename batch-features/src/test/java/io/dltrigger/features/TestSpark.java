package io.dltrigger.features;

import io.dltrigger.features.testing.FailOnceCommitProtocol;
import io.dltrigger.spark.SparkSessions;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession for every test class of the module (start-up costs seconds); stopped at JVM exit. A failed
 * task is run again, up to 3 attempts in all ({@code local[2,3]}), as on a cluster.
 */
public final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSessions.create(
                    "batch-features-tests",
                    "local[2,3]",
                    Map.of("spark.sql.shuffle.partitions", "4", "spark.default.parallelism", "2"));
            session.sparkContext().setLogLevel("WARN");
            // Spark's own protocol unless a test arms it to fail a task once
            session.conf().set("spark.sql.sources.commitProtocolClass", FailOnceCommitProtocol.class.getName());
        }
        return session;
    }
}
