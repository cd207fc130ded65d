package io.dltrigger.ingest.sink;

import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.table.EventTableSchema;
import java.io.IOException;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Opens a Parquet writer (arrow-bridge's, standard 3-level lists) on each part file the sink rolls. */
final class EventTableWriterFactory implements BulkWriter.Factory<ChunkResult> {
    private final EventTableSchema table;
    private final CompressionCodecName codec;

    EventTableWriterFactory(EventTableSchema table, CompressionCodecName codec) {
        this.table = table;
        this.codec = codec;
    }

    @Override
    public BulkWriter<ChunkResult> create(FSDataOutputStream out) throws IOException {
        return new EventTableWriter(out, table, codec);
    }
}
