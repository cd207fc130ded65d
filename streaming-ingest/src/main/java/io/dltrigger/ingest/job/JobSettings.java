package io.dltrigger.ingest.job;

import io.dltrigger.contract.config.ConfigException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * What every exactly-once job of ours (ingest, the stream filter) sets in Flink: aligned exactly-once
 * checkpoints kept on cancel (a restart resumes from the newest complete one), object reuse, no generic types,
 * and a local MiniCluster bound to loopback.
 */
public final class JobSettings {
    private JobSettings() {}

    /**
     * Checkpoints, parallelism and restore point. Checkpoints are aligned: the stream filter's model switch relies
     * on a barrier reaching an operator after every element before it.
     */
    public static Configuration exactlyOnce(
            int parallelism, Duration checkpointInterval, String checkpointDir, Optional<String> restoreFrom) {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, false);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, qualified(checkpointDir));
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // elements are not changed after emission: chained operators may share them
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        restoreFrom.ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p));
        return conf;
    }

    /**
     * The job's environment: a cluster's when {@code flink run} started us, else a local MiniCluster whose services
     * (RPC, blob server, data exchange, REST) listen on 127.0.0.1 only (left to itself, Flink binds them to every
     * interface), unless the configuration names other addresses.
     */
    public static StreamExecutionEnvironment environment(Configuration conf) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        if (!(env instanceof LocalStreamEnvironment)) {
            return env;
        }
        for (ConfigOption<String> o : List.of(
                JobManagerOptions.ADDRESS,
                JobManagerOptions.BIND_HOST,
                TaskManagerOptions.HOST,
                TaskManagerOptions.BIND_HOST,
                RestOptions.ADDRESS,
                RestOptions.BIND_ADDRESS)) {
            if (!conf.contains(o)) {
                conf.set(o, "127.0.0.1");
            }
        }
        return StreamExecutionEnvironment.createLocalEnvironment(conf);
    }

    /** Checkpoint storage wants a scheme: a plain local path becomes {@code file:/...}. */
    private static String qualified(String path) {
        Path p = new Path(path);
        try {
            return p.makeQualified(p.getFileSystem()).toString();
        } catch (IOException e) {
            throw new ConfigException("checkpoint_dir: cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }
}
