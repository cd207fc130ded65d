package io.dltrigger.ingest.testing;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.job.IngestJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Environments for test jobs: the job's own configuration on a local MiniCluster, restarts off. */
public final class TestJobs {
    private TestJobs() {}

    public static StreamExecutionEnvironment environment(IngestConfig cfg) {
        return environment(cfg, false);
    }

    /** @param oneRestart allow one restart (for failure tests); otherwise a failure fails the job */
    public static StreamExecutionEnvironment environment(IngestConfig cfg, boolean oneRestart) {
        return environment(cfg, oneRestart, IngestJob.flinkConfiguration(cfg));
    }

    private static StreamExecutionEnvironment environment(IngestConfig cfg, boolean oneRestart, Configuration conf) {
        if (oneRestart) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    /** Polls a condition until it holds; fails naming what was awaited after the deadline. */
    public static void await(String what, Duration deadline, Check condition) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** A condition that may read files. */
    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    /** The newest retained checkpoint (a {@code chk-N} folder with its {@code _metadata}) under a folder. */
    public static Path latestCheckpoint(Path checkpoints) throws IOException {
        try (Stream<Path> s = Files.walk(checkpoints)) {
            return s.filter(p -> p.getFileName().toString().startsWith("chk-") && Files.exists(p.resolve("_metadata")))
                    .max(Comparator.comparingInt(
                            p -> Integer.parseInt(p.getFileName().toString().substring(4))))
                    .orElseThrow(() -> new AssertionError("no retained checkpoint under " + checkpoints));
        }
    }
}
