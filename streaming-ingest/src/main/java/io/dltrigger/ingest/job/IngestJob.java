package io.dltrigger.ingest.job;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.sink.EventTableSinks;
import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.source.RootChunkSource;
import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
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
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The ingest job: ROOT chunks -> event table, quarantined chunks -> dead-letter table. The same graph
 * runs on a local MiniCluster ({@code bin/dltrigger ingest}) or on a cluster ({@code flink run} with this
 * module's jar): {@link StreamExecutionEnvironment#getExecutionEnvironment} picks whichever applies.
 */
public final class IngestJob {
    public static final String SOURCE_UID = "root-chunks";

    private IngestJob() {}

    /** Job settings derived from the configuration: checkpoints, parallelism, restore point. */
    public static Configuration flinkConfiguration(IngestConfig config) {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, qualified(config.checkpointDir()));
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // elements are immutable after emission: chained operators may share them
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        config.restoreFrom().ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p));
        return conf;
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

    /**
     * The job's environment: a cluster's when {@code flink run} started us, else a local MiniCluster whose services
     * (RPC, blob server, data exchange, REST) listen on 127.0.0.1 only (left to itself, Flink binds them to every
     * interface), unless the configuration names other addresses.
     */
    public static StreamExecutionEnvironment environment(IngestConfig config) {
        Configuration conf = flinkConfiguration(config);
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

    /** The source: one element per chunk. */
    public static DataStream<ChunkResult> chunks(StreamExecutionEnvironment env, IngestConfig config) {
        return env.fromSource(new RootChunkSource(config), WatermarkStrategy.noWatermarks(), "root-chunks")
                .uid(SOURCE_UID);
    }

    /** Routes good chunks to the event table and quarantined ones to the dead-letter table. */
    public static void sinks(DataStream<ChunkResult> chunks, IngestConfig config) {
        chunks.filter(c -> !c.quarantined())
                .name("good-chunks")
                .uid("good-chunks")
                .sinkTo(EventTableSinks.events(config))
                .name("event-table")
                .uid("event-table");
        chunks.filter(ChunkResult::quarantined)
                .name("quarantined-chunks")
                .uid("quarantined-chunks")
                .sinkTo(EventTableSinks.quarantine(config))
                .name("quarantine")
                .uid("quarantine");
    }

    public static void build(StreamExecutionEnvironment env, IngestConfig config) {
        sinks(chunks(env, config), config);
    }

    public static String jobName(IngestConfig config) {
        return "dltrigger-ingest " + (config.bounded() ? "bounded " : "continuous ") + config.inputs() + " -> "
                + config.output();
    }
}
