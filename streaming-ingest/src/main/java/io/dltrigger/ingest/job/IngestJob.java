package io.dltrigger.ingest.job;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.sink.EventTableSinks;
import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.source.RootChunkSource;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
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
        return JobSettings.exactlyOnce(
                config.parallelism(), config.checkpointInterval(), config.checkpointDir(), config.restoreFrom());
    }

    /** The job's environment: a cluster's, or a local MiniCluster on loopback ({@link JobSettings#environment}). */
    public static StreamExecutionEnvironment environment(IngestConfig config) {
        return JobSettings.environment(flinkConfiguration(config));
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
