package io.dltrigger.bench.features;

import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.features.physics.ConeSum;
import io.dltrigger.features.physics.EventBuffer;
import io.dltrigger.features.spark.FeaturesJob;
import io.dltrigger.features.spark.Summary;
import io.dltrigger.features.testing.GeneratedEventTable;
import io.dltrigger.spark.SparkSessions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench-features}: selection + features + write, in events/s per core, on generated events at
 * several local[N] masters, with the plain double-loop isolation on the same events in the same run.
 * The event table is generated first (not timed) and reused if it already exists.
 */
@Command(
        name = "bench-features",
        mixinStandardHelpOptions = true,
        subcommands = {PhysicsExport.class},
        description = "Benchmark the features job (binned vs double-loop isolation) on generated events.")
public final class BenchFeaturesCommand implements Callable<Integer> {
    // Checked in call(), not by picocli: a required option here would also be required by the subcommand.
    @Option(names = "--work", description = "work directory (event table and outputs); required")
    Path work;

    @Spec
    CommandSpec spec;

    @Option(names = "--events-per-sample", defaultValue = "34000", description = "generated events per sample")
    int perSample;

    @Option(names = "--cores", defaultValue = "1,2", split = ",", description = "local[N] masters to run")
    List<Integer> cores;

    @Option(names = "--pairwise-cores", defaultValue = "2", description = "local[N] for the double-loop run (0: skip)")
    int pairwiseCores;

    @Option(names = "--seed", defaultValue = "2026")
    long seed;

    @Option(
            names = "--kernel-events",
            defaultValue = "5000",
            description = "events per sample for the in-memory, one-thread selection+features figure (0: skip)")
    int kernelEvents;

    @Option(names = "--kernel-only", description = "run only the in-memory selection+features figure")
    boolean kernelOnly;

    @Override
    public Integer call() throws IOException {
        if (work == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--work=<work>'");
        }
        String table = work.resolve("events-" + perSample + "-" + seed).toString();
        if (!new File(table, "_SUCCESS").exists()) {
            SparkSession spark = session(Runtime.getRuntime().availableProcessors());
            long t0 = System.nanoTime();
            GeneratedEventTable.generate(spark, table, perSample, seed, 8);
            System.out.printf(
                    Locale.ROOT,
                    "generated %d events per sample into %s in %.1f s (not timed)%n",
                    perSample,
                    table,
                    (System.nanoTime() - t0) / 1e9);
            spark.stop();
        }
        if (kernelEvents > 0) {
            SparkSession spark = session(2);
            List<EventBuffer> events = KernelBench.load(spark, table, kernelEvents);
            spark.stop();
            List<String> kernel = new ArrayList<>();
            kernel.add("| isolation | events | selected | events/s per core (thread CPU time) | events/s (wall) |");
            kernel.add("|---|---|---|---|---|");
            kernel.add(KernelBench.run(events, ConeSum.Kind.BINNED));
            kernel.add(KernelBench.run(events, ConeSum.Kind.PAIRWISE));
            System.out.println(String.join("\n", kernel));
        }
        if (kernelOnly) {
            return 0;
        }
        List<String> lines = new ArrayList<>();
        lines.add("| isolation | master | events read | selected | seconds (all) | events/s per core (all)"
                + " | seconds (selection+features) | events/s per core (selection+features)"
                + " | JVM CPU seconds (all) | events per CPU second (all) |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        for (int n : cores) {
            lines.add(run(table, n, ConeSum.Kind.BINNED));
        }
        if (pairwiseCores > 0) {
            lines.add(run(table, pairwiseCores, ConeSum.Kind.PAIRWISE));
        }
        System.out.println(String.join("\n", lines));
        return 0;
    }

    private String run(String table, int n, ConeSum.Kind kind) throws IOException {
        Path out = work.resolve("features-" + kind.name().toLowerCase(Locale.ROOT) + "-" + n);
        deleteRecursively(out);
        SparkSession spark = session(n);
        try {
            // CPU time of the whole JVM alongside wall time: on a shared machine, wall time per core
            // understates what the job would do on cores of its own.
            double cpu0 = cpuSeconds();
            Summary s = new FeaturesJob(spark, FeaturesConfig.defaults().with(kind))
                    .run(table, out.toString(), null, false);
            double cpu = cpuSeconds() - cpu0;
            String line = String.format(
                    Locale.ROOT,
                    "| %s | local[%d] | %d | %d | %.1f | %.0f | %.1f | %.0f | %.1f | %.0f |",
                    kind.name().toLowerCase(Locale.ROOT),
                    n,
                    s.eventsRead(),
                    s.eventsSelected(),
                    s.secondsTotal(),
                    s.eventsRead() / s.secondsTotal() / n,
                    s.secondsExtract(),
                    s.eventsRead() / s.secondsExtract() / n,
                    cpu,
                    s.eventsRead() / cpu);
            System.out.println(line);
            return line;
        } finally {
            spark.stop();
            deleteRecursively(out);
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private static SparkSession session(int cores) {
        return SparkSessions.create(
                "dltrigger-bench-features",
                "local[" + cores + "]",
                Map.of("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, cores * 2))));
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
