package io.dltrigger.bench.training;

import io.dltrigger.training.data.BatchBuilder;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.Subsample;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.Models;
import io.dltrigger.training.train.EpochFitter;
import io.dltrigger.training.train.LocalFitter;
import io.dltrigger.training.train.SparkFitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/** Throughput measurements: events trained per second, end to end from Parquet, and the in-memory anchor. */
public final class TrainingBench {
    private TrainingBench() {}

    /**
     * Result of one measurement; {@code auc} is the test-set ttbar AUC after the timed epochs. {@code cpuSeconds}
     * is the CPU time this JVM used meanwhile (all threads: ND4J, Spark, GC): on a shared machine, events per
     * CPU-second is the per-core figure that other load does not distort.
     */
    public record Figure(String what, long events, double seconds, double cpuSeconds, int cores, double auc) {
        public double eventsPerSecondPerCore() {
            return events / seconds / cores;
        }

        public double eventsPerCpuSecond() {
            return events / cpuSeconds;
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("what", what);
            m.put("events", events);
            m.put("seconds", seconds);
            m.put("cores", cores);
            m.put("events_per_s_per_core", eventsPerSecondPerCore());
            m.put("cpu_seconds", cpuSeconds);
            m.put("events_per_cpu_second", eventsPerCpuSecond());
            m.put("test_auc_ttbar", auc);
            return m;
        }
    }

    /** Trains {@code epochs} epochs (after one warm-up epoch that is not timed) and times them. */
    public static Figure fit(
            String what,
            HyperParams p,
            List<FeatureSplit> train,
            List<FeatureSplit> test,
            int epochs,
            JavaSparkContext sc,
            int cores,
            String exportDir) {
        ComputationGraph net = Models.build(p);
        long events = Subsample.load(train, Holdout.ALL, false).size();
        try (EpochFitter f = sc == null
                ? new LocalFitter(net, p, train, Holdout.ALL, 20_000)
                : new SparkFitter(sc, net, p, train, Holdout.ALL, 20_000, 5, exportDir)) {
            f.fitEpoch(0);
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            for (int e = 1; e <= epochs; e++) {
                f.fitEpoch(e);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            double auc = Scoring.predict(f.network(), p.model(), test, Holdout.ALL, 20_000)
                    .roc(1)
                    .auc();
            return new Figure(what, events * epochs, s, cpu, cores, auc);
        }
    }

    /** The anchor measured in the same run: DL4J fitting minibatches already in memory (no Parquet, no shuffling). */
    public static Figure inMemory(String what, HyperParams p, List<FeatureSplit> train, int epochs) {
        EventBlock all = Subsample.load(train, Holdout.ALL, p.model().readsParticles());
        List<MultiDataSet> batches = new ArrayList<>();
        for (int s = 0; s < all.size(); s += p.batchSize()) {
            int n = Math.min(p.batchSize(), all.size() - s);
            EventBlock b = EventBlock.allocate(n, all.hasParticles());
            for (int i = 0; i < n; i++) {
                b.copyEvent(all, s + i, i);
            }
            batches.add(BatchBuilder.build(b, p.model()));
        }
        ComputationGraph net = Models.build(p);
        batches.forEach(net::fit);
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        for (int e = 0; e < epochs; e++) {
            batches.forEach(net::fit);
        }
        return new Figure(
                what,
                (long) all.size() * epochs,
                (System.nanoTime() - t0) / 1e9,
                (cpuNanos() - c0) / 1e9,
                1,
                Double.NaN);
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static List<FeatureSplit> splits(java.nio.file.Path dir) {
        return FeatureDataset.open(dir.toString()).splits();
    }
}
