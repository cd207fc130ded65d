package io.dltrigger.bench.ingest;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.job.IngestJob;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * ROOT -> Parquet throughput: the plain single-threaded loop (the anchor) and the Flink job in bounded
 * mode at each parallelism, on the same files in the same run. Events are counted by reading the Parquet
 * output back row counts, so a run that lost events would show.
 */
public final class IngestBenchmark {
    /**
     * One measured run. Per core is the rate divided by the parallelism; the JVM's CPU time is measured
     * too, because a Flink source subtask reads on a fetcher thread while its task thread writes, so one
     * subtask can keep more than one core busy.
     */
    public record Result(String name, int cores, long events, double seconds, double cpuSeconds) {
        public double perCore() {
            return events / seconds / cores;
        }

        public String row() {
            return String.format(
                    "| %s | %d | %,d | %.1f | %,.0f | %,.0f | %.1f | %,.0f |",
                    name, cores, events, seconds, events / seconds, perCore(), cpuSeconds, events / cpuSeconds);
        }

        public static String header() {
            return "| run | parallelism | events | wall s | events/s | events/s per core | CPU s | events per CPU s |\n"
                    + "|---|---|---|---|---|---|---|---|";
        }
    }

    /** CPU time of this JVM, all threads. */
    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    private IngestBenchmark() {}

    public static List<Result> run(Path input, Path work, List<Integer> parallelisms, long chunkEvents)
            throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(input)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".root"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .root files under " + input);
        }
        List<Result> results = new ArrayList<>();
        // warm-up: JIT and the page cache, so that the first measured run is not penalised
        PlainLoop.run(
                files.subList(0, 1), config(input, work.resolve("warmup"), 1, chunkEvents), work.resolve("warmup"));

        long t0 = System.nanoTime();
        double c0 = cpuSeconds();
        long plain = PlainLoop.run(files, config(input, work.resolve("plain"), 1, chunkEvents), work.resolve("plain"));
        results.add(new Result(
                "plain loop (reader + ArrowParquetWriter, 1 thread)", 1, plain, seconds(t0), cpuSeconds() - c0));

        for (int p : parallelisms) {
            Path out = work.resolve("flink-p" + p);
            IngestConfig cfg = config(input, out, p, chunkEvents);
            StreamExecutionEnvironment env = IngestJob.environment(cfg);
            IngestJob.build(env, cfg);
            long t = System.nanoTime();
            double c = cpuSeconds();
            env.execute("bench-ingest p" + p);
            results.add(new Result(
                    "Flink bounded job, parallelism " + p, p, TableCount.events(out), seconds(t), cpuSeconds() - c));
        }
        return results;
    }

    private static IngestConfig config(Path input, Path out, int parallelism, long chunkEvents) {
        IngestSettings s = new IngestSettings();
        s.input = List.of(input.toAbsolutePath().toString());
        s.output = out.toAbsolutePath().toString();
        s.bounded = true;
        s.parallelism = parallelism;
        s.chunkEvents = chunkEvents;
        s.checkpointInterval = "60s";
        return s.toConfig();
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
