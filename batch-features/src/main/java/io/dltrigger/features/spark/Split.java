package io.dltrigger.features.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import io.dltrigger.contract.FeaturesTableContract;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Class balancing and the train/test split, exact and reproducible. Every event gets a pseudo-random key,
 * a seeded hash of its provenance (so the result depends neither on partitioning nor on the order files
 * are read). Within each class the events are ranked by key: ranks 1..t go to test and t+1..m to train,
 * where m is the smallest class's size when balancing (else the class's own size) and t = round(m *
 * test_fraction). Ranking needs only (label, key) for a class, so only two threshold keys per class come
 * back to the driver and the big rows are split by a narrow filter, never shuffled.
 */
public final class Split {
    public static final String KEY = "split_key";

    /** Per class: events selected, kept after balancing, in test; and the key thresholds. */
    public record ClassSplit(long selected, long kept, long test, long testMaxKey, long keptMaxKey) {}

    private final Map<Integer, ClassSplit> classes;

    private Split(Map<Integer, ClassSplit> classes) {
        this.classes = classes;
    }

    public static Column key(long seed) {
        return xxhash64(col(FeaturesTableContract.SOURCE_FILE), col(FeaturesTableContract.ENTRY), lit(seed));
    }

    /** Computes the thresholds from rows carrying {@code label} and {@link #KEY}. */
    public static Split compute(Dataset<Row> rows, boolean balance, double testFraction) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Row r : rows.groupBy(FeaturesTableContract.LABEL).count().collectAsList()) {
            counts.put(r.getInt(0), r.getLong(1));
        }
        long smallest =
                counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        Map<Integer, long[]> wanted = new HashMap<>();
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            long kept = balance ? smallest : e.getValue();
            long test = Math.round(kept * testFraction);
            wanted.put(e.getKey(), new long[] {kept, test, Long.MIN_VALUE, Long.MIN_VALUE});
        }
        Column rank = row_number()
                .over(Window.partitionBy(FeaturesTableContract.LABEL)
                        .orderBy(col(KEY), col(FeaturesTableContract.SOURCE_FILE), col(FeaturesTableContract.ENTRY)));
        Column wantedRank = null;
        for (Map.Entry<Integer, long[]> e : wanted.entrySet()) {
            Column c = col(FeaturesTableContract.LABEL)
                    .equalTo(e.getKey())
                    .and(col("rank").equalTo(e.getValue()[0]).or(col("rank").equalTo(e.getValue()[1])));
            wantedRank = wantedRank == null ? c : wantedRank.or(c);
        }
        if (wantedRank != null) {
            for (Row r : rows.select(
                            col(FeaturesTableContract.LABEL),
                            col(KEY),
                            col(FeaturesTableContract.SOURCE_FILE),
                            col(FeaturesTableContract.ENTRY))
                    .withColumn("rank", rank)
                    .where(wantedRank)
                    .select(FeaturesTableContract.LABEL, "rank", KEY)
                    .collectAsList()) {
                long[] w = wanted.get(r.getInt(0));
                if (r.getInt(1) == w[1]) {
                    w[3] = r.getLong(2);
                }
                if (r.getInt(1) == w[0]) {
                    w[2] = r.getLong(2);
                }
            }
        }
        Map<Integer, ClassSplit> classes = new TreeMap<>();
        for (Map.Entry<Integer, long[]> e : wanted.entrySet()) {
            long[] w = e.getValue();
            classes.put(e.getKey(), new ClassSplit(counts.get(e.getKey()), w[0], w[1], w[3], w[2]));
        }
        return new Split(classes);
    }

    public Map<Integer, ClassSplit> classes() {
        return classes;
    }

    /**
     * Rows of the test set. Keys can tie (a 64-bit hash collision); ties at a threshold would add a row,
     * which the ranking's tie-break on provenance cannot prevent in a key-only filter: at 1e8 events the
     * chance of any collision is below 1e-3, and the summary reports the sizes actually written.
     */
    public Column isTest() {
        Column c = lit(false);
        for (Map.Entry<Integer, ClassSplit> e : classes.entrySet()) {
            if (e.getValue().test() > 0) {
                c = c.or(col(FeaturesTableContract.LABEL)
                        .equalTo(e.getKey())
                        .and(col(KEY).leq(e.getValue().testMaxKey())));
            }
        }
        return c;
    }

    public Column isTrain() {
        Column c = lit(false);
        for (Map.Entry<Integer, ClassSplit> e : classes.entrySet()) {
            ClassSplit s = e.getValue();
            if (s.kept() > s.test()) {
                Column inClass =
                        col(FeaturesTableContract.LABEL).equalTo(e.getKey()).and(col(KEY).leq(s.keptMaxKey()));
                if (s.test() > 0) {
                    inClass = inClass.and(col(KEY).gt(s.testMaxKey()));
                }
                c = c.or(inClass);
            }
        }
        return c;
    }
}
