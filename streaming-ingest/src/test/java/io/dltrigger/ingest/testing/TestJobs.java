package io.dltrigger.ingest.testing;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.job.IngestJob;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Environments for test jobs: the job's own configuration on a local MiniCluster, restarts off. */
public final class TestJobs {
    private TestJobs() {
    }

    public static StreamExecutionEnvironment environment(IngestConfig cfg) {
        return environment(cfg, false);
    }

    /** @param oneRestart allow one restart (for failure tests); otherwise a failure fails the job */
    public static StreamExecutionEnvironment environment(IngestConfig cfg, boolean oneRestart) {
        Configuration conf = IngestJob.flinkConfiguration(cfg);
        if (oneRestart) {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, java.time.Duration.ofMillis(100));
        } else {
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(64));
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }
}
