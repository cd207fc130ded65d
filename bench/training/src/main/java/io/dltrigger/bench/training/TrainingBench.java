package io.dltrigger.bench.training;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.data.BatchBuilder;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.data.FeatureDataset;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.Subsample;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.Models;
import io.dltrigger.training.step.Dl4jStep;
import io.dltrigger.training.step.TrainingStep;
import io.dltrigger.training.train.EpochFitter;
import io.dltrigger.training.train.LocalFitter;
import io.dltrigger.training.train.SparkFitter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Throughput measurements: events trained per CPU second and per wall second, with the test AUC after them. */
public final class TrainingBench {
    private TrainingBench() {}

    /** Which step trains single-process figures: ours ({@code TrainingStep.of}) or DL4J's {@code fit}. */
    public enum Step {
        OURS,
        DL4J;

        TrainingStep of(ComputationGraph net, HyperParams p) {
            return this == OURS ? TrainingStep.of(net, p) : new Dl4jStep(net, p.model());
        }
    }

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

    /** Trains {@code epochs} epochs streamed from Parquet (after one warm-up epoch that is not timed). */
    public static Figure fit(
            String what,
            HyperParams p,
            List<FeatureSplit> train,
            List<FeatureSplit> test,
            int epochs,
            JavaSparkContext sc,
            int cores,
            String exportDir,
            Step step) {
        ComputationGraph net = Models.build(p);
        long events = Subsample.load(train, Holdout.ALL, false).size();
        try (EpochFitter f = sc == null
                ? new LocalFitter(net, p, train, Holdout.ALL, 20_000, step.of(net, p))
                : new SparkFitter(sc, net, p, train, Holdout.ALL, 20_000, 5, exportDir)) {
            f.fitEpoch(0);
            long t0 = System.nanoTime();
            long c0 = cpuNanos();
            for (int e = 1; e <= epochs; e++) {
                f.fitEpoch(e);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - c0) / 1e9;
            return new Figure(what, events * epochs, s, cpu, cores, auc(f.network(), p, test));
        }
    }

    /**
     * Minibatches already in memory (no Parquet, no shuffling), the same batches for both steps: DL4J's
     * {@code fit} on the MultiDataSets (the anchor the issue names) or our step on the event blocks.
     */
    public static Figure inMemory(
            String what, HyperParams p, List<FeatureSplit> train, List<FeatureSplit> test, int epochs, Step step) {
        EventBlock all = Subsample.load(train, Holdout.ALL, p.model().readsParticles());
        List<EventBlock> blocks = new ArrayList<>();
        for (int s = 0; s < all.size(); s += p.batchSize()) {
            int n = Math.min(p.batchSize(), all.size() - s);
            EventBlock b = EventBlock.allocate(n, all.hasParticles());
            for (int i = 0; i < n; i++) {
                b.copyEvent(all, s + i, i);
            }
            blocks.add(b);
        }
        ComputationGraph net = Models.build(p);
        Runnable epoch;
        if (step == Step.DL4J) {
            List<MultiDataSet> batches =
                    blocks.stream().map(b -> BatchBuilder.build(b, p.model())).toList();
            epoch = () -> batches.forEach(net::fit);
        } else {
            TrainingStep ours = TrainingStep.of(net, p);
            epoch = () -> blocks.forEach(ours::fit);
        }
        epoch.run();
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        for (int e = 0; e < epochs; e++) {
            epoch.run();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - c0) / 1e9;
        return new Figure(what, (long) all.size() * epochs, s, cpu, 1, auc(net, p, test));
    }

    static double auc(ComputationGraph net, HyperParams p, List<FeatureSplit> test) {
        return Scoring.predict(net, p.model(), test, Holdout.ALL, 20_000).roc(1).auc();
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Peak resident set size of this process (VmHWM), in MiB. */
    static double peakRssMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    public static List<FeatureSplit> splits(Path dir) {
        return FeatureDataset.open(dir.toString()).splits();
    }

    /**
     * Writes a set for the PyTorch anchor ({@code bench/torch_anchor.py}), little-endian raw arrays: {@code
     * NAME.labels.i32} [n], {@code NAME.hlf.f32} [n, 14] and, with particles, {@code NAME.particles.f32} [n, T, 19]
     * (T = the longest list in the set, rows beyond each event's count zero) and {@code NAME.n.i32} [n].
     */
    static void exportForTorch(Path dir, String name, List<FeatureSplit> splits, boolean particles) throws IOException {
        exportForTorch(dir, name, splits, Holdout.ALL, particles);
    }

    /** The events of {@code splits} on {@code holdout}'s side (the training or validation side of a split). */
    static void exportForTorch(Path dir, String name, List<FeatureSplit> splits, Holdout holdout, boolean particles)
            throws IOException {
        EventBlock b = Subsample.load(splits, holdout, particles);
        Files.createDirectories(dir);
        int n = b.size();
        ByteBuffer labels = buffer(4L * n);
        for (int i = 0; i < n; i++) {
            labels.putInt(b.labels()[i]);
        }
        write(dir.resolve(name + ".labels.i32"), labels);
        ByteBuffer hlf = buffer(4L * n * FeaturesTableContract.N_HLF);
        hlf.asFloatBuffer().put(b.hlf(), 0, n * FeaturesTableContract.N_HLF);
        write(dir.resolve(name + ".hlf.f32"), hlf);
        if (particles) {
            int t = 1;
            ByteBuffer counts = buffer(4L * n);
            for (int i = 0; i < n; i++) {
                int real = Math.max(1, Math.min(FeaturesTableContract.MAX_PARTICLES, b.nParticles()[i]));
                t = Math.max(t, real);
                counts.putInt(real);
            }
            write(dir.resolve(name + ".n.i32"), counts);
            int f = FeaturesTableContract.PARTICLE_FEATURES;
            ByteBuffer seq = buffer(4L * n * t * f);
            for (int i = 0; i < n; i++) {
                seq.asFloatBuffer()
                        .position(i * t * f)
                        .put(b.particles(), i * FeaturesTableContract.PARTICLE_VALUES, t * f);
            }
            write(dir.resolve(name + ".particles.f32"), seq);
            Files.writeString(dir.resolve(name + ".steps"), Integer.toString(t));
        }
    }

    private static ByteBuffer buffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void write(Path file, ByteBuffer data) throws IOException {
        data.position(data.limit());
        data.flip();
        try (FileChannel c = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            while (data.hasRemaining()) {
                c.write(data);
            }
        }
    }
}
