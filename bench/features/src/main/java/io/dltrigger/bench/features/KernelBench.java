package io.dltrigger.bench.features;

import static org.apache.spark.sql.functions.col;

import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.ConeSum;
import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.physics.EventProcessor;
import io.dltrigger.features.spark.EventTableReader;
import io.dltrigger.features.spark.Extraction;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Selection + features alone, one thread, on events held in memory: the figure per core without Spark,
 * Parquet or a shared machine's scheduling (thread CPU time), for the binned and the double-loop
 * isolation on the same events.
 */
final class KernelBench {
    private KernelBench() {}

    static List<EventBuffer> load(SparkSession spark, String table, int perLabel) {
        FeaturesConfig config = FeaturesConfig.defaults();
        Dataset<Row> projected = EventTableReader.project(EventTableReader.read(spark, table), config);
        List<EventBuffer> events = new ArrayList<>();
        for (int label : config.labels().values()) {
            // Scans reuse one row object per partition: copy before rows leave the partition.
            Iterator<InternalRow> it = projected
                    .where(col("label").equalTo(label))
                    .limit(perLabel)
                    .queryExecution()
                    .toRdd()
                    .toJavaRDD()
                    .map(InternalRow::copy)
                    .toLocalIterator();
            while (it.hasNext()) {
                EventBuffer b = new EventBuffer();
                Extraction.fill(it.next(), b);
                events.add(b);
            }
        }
        return events;
    }

    /** Best of 3 passes after a warm-up pass; returns a RESULTS.md table row. */
    static String run(List<EventBuffer> events, ConeSum.Kind kind) {
        FeaturesConfig c = FeaturesConfig.defaults();
        EventProcessor p = new EventProcessor(c.cuts(), c.leptonChoice(), c.mtForm(), c.particleOrder(), kind);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestCpu = Double.MAX_VALUE;
        double bestWall = Double.MAX_VALUE;
        int selected = 0;
        for (int pass = 0; pass < 4; pass++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            selected = 0;
            for (EventBuffer e : events) {
                if (p.process(e) == EventProcessor.Outcome.SELECTED) {
                    selected++;
                }
            }
            if (pass > 0) {
                bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
                bestWall = Math.min(bestWall, (System.nanoTime() - wall0) / 1e9);
            }
        }
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.0f | %.0f |",
                kind.name().toLowerCase(Locale.ROOT),
                events.size(),
                selected,
                events.size() / bestCpu,
                events.size() / bestWall);
    }
}
