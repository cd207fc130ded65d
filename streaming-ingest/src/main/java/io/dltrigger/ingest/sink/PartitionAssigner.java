package io.dltrigger.ingest.sink;

import io.dltrigger.contract.EventTableContract;
import io.dltrigger.ingest.source.ChunkResult;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** Hive-style partition folders: {@code sample=NAME/ingest_date=YYYY-MM-DD} for events, {@code ingest_date=...} for quarantine. */
final class PartitionAssigner implements BucketAssigner<ChunkResult, String> {
    private final boolean bySample;

    private PartitionAssigner(boolean bySample) {
        this.bySample = bySample;
    }

    static PartitionAssigner events() {
        return new PartitionAssigner(true);
    }

    static PartitionAssigner quarantine() {
        return new PartitionAssigner(false);
    }

    @Override
    public String getBucketId(ChunkResult chunk, Context context) {
        return bySample
                ? EventTableContract.partition(chunk.sample(), chunk.ingestDate())
                : EventTableContract.INGEST_DATE + "=" + chunk.ingestDate();
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
