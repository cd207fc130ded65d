package io.dltrigger.filter.sink;

import io.dltrigger.filter.config.FilterConfig;
import io.dltrigger.filter.score.ScoredPart;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The scored table's exactly-once sink: Flink's {@code FileSink} writes hidden in-progress files and publishes them
 * ({@code part-*.parquet}) when the checkpoint covering them completes; after a failure, uncommitted files are
 * dropped and their work scored again from the restored state. Files roll at every checkpoint, which is also when a
 * new model takes over, so a part file's rows come from one model.
 */
public final class ScoredTableSink {
    private ScoredTableSink() {}

    public static FileSink<ScoredPart> create(FilterConfig config) {
        return FileSink.forBulkFormat(new Path(config.output()), new Factory(config.compression()))
                .withBucketAssigner(new Partitions())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder()
                        .withPartPrefix("part")
                        .withPartSuffix(".parquet")
                        .build())
                .build();
    }

    private record Factory(CompressionCodecName codec) implements BulkWriter.Factory<ScoredPart> {
        @Override
        public BulkWriter<ScoredPart> create(org.apache.flink.core.fs.FSDataOutputStream out)
                throws java.io.IOException {
            return new ScoredTableWriter(out, codec);
        }
    }

    /** The event table's partition of the scored events. */
    private static final class Partitions implements BucketAssigner<ScoredPart, String> {
        @Override
        public String getBucketId(ScoredPart part, Context context) {
            return part.partition();
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
