package io.dltrigger.ingest.sink;

import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.source.ChunkResult;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;

/**
 * The two exactly-once sinks: Flink's {@code FileSink} writes hidden in-progress files and makes them
 * visible ({@code part-*.parquet}) only when the checkpoint that covers them completes; after a failure,
 * uncommitted files are discarded and their chunks re-read from the restored source state.
 */
public final class EventTableSinks {
    private EventTableSinks() {}

    public static FileSink<ChunkResult> events(IngestConfig config) {
        return FileSink.forBulkFormat(
                        new Path(config.output()),
                        new EventTableWriterFactory(config.tableSchema(), config.compression()))
                .withBucketAssigner(PartitionAssigner.events())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("part")
                        .withPartSuffix(".parquet")
                        .build())
                .build();
    }

    public static FileSink<ChunkResult> quarantine(IngestConfig config) {
        return FileSink.forRowFormat(new Path(config.quarantine()), new QuarantineEncoder())
                .withBucketAssigner(PartitionAssigner.quarantine())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("quarantine")
                        .withPartSuffix(".jsonl")
                        .build())
                .build();
    }
}
