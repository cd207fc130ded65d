package io.dltrigger.ingest.sink;

import io.dltrigger.bridge.parquet.ArrowParquetWriter;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.source.ChunkResult;
import io.dltrigger.ingest.table.ChunkCodec;
import io.dltrigger.ingest.table.EventTableSchema;
import io.dltrigger.ingest.table.TableBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes chunks into one Parquet part file: provenance columns first, then the chunk's member columns; and
 * in its footer the ledger of the chunks it holds ({@link IngestLedger}), so that the file and its ledger
 * are committed by the same rename.
 */
final class EventTableWriter implements BulkWriter<ChunkResult> {
    private final Schema schema;
    private final BufferAllocator allocator = new RootAllocator();
    private final ArrowParquetWriter parquet;
    private final List<IngestLedger.Entry> ledger = new ArrayList<>();

    EventTableWriter(FSDataOutputStream out, EventTableSchema table, CompressionCodecName codec) throws IOException {
        this.schema = table.arrowSchema();
        this.parquet = new ArrowParquetWriter(new FlinkOutputFile(out), schema, codec);
    }

    @Override
    public void addElement(ChunkResult chunk) throws IOException {
        try (ArrowStreamReader members = ChunkCodec.decode(chunk.arrowIpc(), allocator);
                TableBatch batch = new TableBatch(
                        schema, chunk.sourceFile(), chunk.entryStart(), members.getVectorSchemaRoot(), allocator)) {
            parquet.write(batch.root());
        }
        ledger.add(chunk.ledgerEntry());
    }

    @Override
    public void flush() {
        // Parquet cannot end a row group early without a new file; data reach the stream in finish()
    }

    @Override
    public void finish() throws IOException {
        try {
            parquet.putFooterMetadata(IngestLedger.FOOTER_KEY, IngestLedger.encode(ledger));
            parquet.close();
        } finally {
            allocator.close();
        }
    }
}
