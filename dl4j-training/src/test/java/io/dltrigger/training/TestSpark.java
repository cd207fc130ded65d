package io.dltrigger.training;

import io.dltrigger.spark.SparkSessions;
import io.dltrigger.training.testing.SyntheticFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** One local[2] SparkSession and one synthetic features table for the whole test JVM. */
public final class TestSpark {
    private static SparkSession spark;
    private static Path features;

    private TestSpark() {}

    public static synchronized SparkSession session() {
        if (spark == null) {
            spark = SparkSessions.create(
                    "dl4j-training-tests", "local[2]", Map.of("spark.sql.shuffle.partitions", "2"));
        }
        return spark;
    }

    /** OUT of a synthetic features run: 2,400 training and 900 test events, balanced, in several files. */
    public static synchronized Path features() {
        if (features == null) {
            try {
                Path out = Files.createTempDirectory("dl4j-training-features");
                SyntheticFeatures.small().write(session(), out, 2400, 900, 4, 7);
                features = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return features;
    }
}
