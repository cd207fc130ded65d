package io.dltrigger.bench.ingest;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.job.IngestJob;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
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

        /** The marginal cost of this run's extra events over a smaller run's. */
        public Result minus(Result small) {
            return new Result(
                    name.replaceFirst(", first file$", "") + ": marginal (all files minus the first)",
                    cores,
                    events - small.events,
                    seconds - small.seconds,
                    cpuSeconds - small.cpuSeconds);
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

    /** The writer benchmark ({@link WriterBench}) on the first ROOT file under {@code input}. */
    public static List<String> writers(Path input, Path work, long chunkEvents, int repeat) throws Exception {
        List<Path> files = rootFiles(input);
        try (BufferAllocator allocator = new RootAllocator()) {
            return WriterBench.run(
                    files.get(0), config(input, work.resolve("writers"), 1, chunkEvents), work, repeat, allocator);
        }
    }

    private static List<Path> rootFiles(Path input) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(input)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".root"))
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IOException("no .root files under " + input);
        }
        return files;
    }

    /**
     * Each run twice, on the first file and on all files, and the difference of the two: the marginal cost
     * of the extra events, from which start-up (the MiniCluster, the JIT compiling Flink's code paths, the
     * first file's page-cache misses) cancels out.
     */
    public static List<Result> run(Path input, Path work, List<Integer> parallelisms, long chunkEvents)
            throws Exception {
        List<Path> files = rootFiles(input);
        Path first = files.get(0);
        clear(work);
        List<Result> results = new ArrayList<>();
        // warm-up: the JIT (our code paths and Flink's) and the page cache, so that the first measured run
        // is not penalised
        PlainLoop.run(List.of(first), config(first, work.resolve("warmup"), 1, chunkEvents), work.resolve("warmup"));
        flink("warm-up", first, work.resolve("warmup-flink"), 1, chunkEvents);

        String plain = "plain loop (reader + ArrowParquetWriter, 1 thread)";
        Result small = plain(plain + ", first file", List.of(first), work.resolve("plain-first"), chunkEvents);
        Result all = plain(plain, files, work.resolve("plain-all"), chunkEvents);
        results.addAll(List.of(small, all, all.minus(small)));
        for (int p : parallelisms) {
            String name = "Flink bounded job, parallelism " + p;
            Result f = flink(name + ", first file", first, work.resolve("flink-p" + p + "-first"), p, chunkEvents);
            Result a = flink(name, input, work.resolve("flink-p" + p + "-all"), p, chunkEvents);
            results.addAll(List.of(f, a, a.minus(f)));
        }
        return results;
    }

    private static Result plain(String name, List<Path> files, Path out, long chunkEvents) throws Exception {
        long t = System.nanoTime();
        double c = cpuSeconds();
        long events = PlainLoop.run(files, config(files.get(0), out, 1, chunkEvents), out);
        return new Result(name, 1, events, seconds(t), cpuSeconds() - c);
    }

    private static Result flink(String name, Path input, Path out, int parallelism, long chunkEvents) throws Exception {
        IngestConfig cfg = config(input, out, parallelism, chunkEvents);
        StreamExecutionEnvironment env = IngestJob.environment(cfg);
        IngestJob.build(env, cfg);
        long t = System.nanoTime();
        double c = cpuSeconds();
        env.execute("bench-ingest p" + parallelism);
        return new Result(name, parallelism, TableCount.events(out), seconds(t), cpuSeconds() - c);
    }

    /** Removes earlier outputs (the plain loop refuses to overwrite its files). */
    private static void clear(Path work) throws IOException {
        if (!Files.exists(work)) {
            return;
        }
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
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
