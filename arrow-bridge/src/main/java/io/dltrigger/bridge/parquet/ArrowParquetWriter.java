package io.dltrigger.bridge.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Writes Arrow batches to one Parquet file (any {@link OutputFile}: a local or Hadoop file, or a Flink
 * stream through an adapter), column by column: each batch is cut into slices of rows, and each column
 * of a slice goes from its Arrow buffers to parquet-java's column writer in one loop ({@link ArrowColumn}),
 * without records. Row groups, pages, encodings, statistics and the footer are parquet-java's own
 * ({@link ParquetFileWriter}, {@link ColumnChunkPageWriteStore}), so the file is the one its record API
 * would write. The file is complete only after {@link #close()}.
 */
public final class ArrowParquetWriter implements AutoCloseable {
    /**
     * Rows per slice: each column writes this many rows before the next column starts, and Parquet's page
     * size checks (which count whole rows) run between slices, so pages stay near their target size.
     */
    private static final int SLICE_ROWS = 256;

    private final Schema schema;
    private final MessageType message;
    private final ParquetProperties props;
    private final CodecFactory codecs;
    private final BytesInputCompressor compressor;
    private final ParquetFileWriter file;
    private final List<ArrowColumn> columns = new ArrayList<>();
    private final long rowGroupBytes;
    /** Key-value metadata for the footer, written at close. */
    private final Map<String, String> footer = new HashMap<>();

    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private int rowGroupOrdinal;
    private long rowGroupRows;
    private long flushedBytes;
    private boolean closed;
    /** A write threw: the column writers may hold part of a slice, so no footer is written. */
    private boolean failed;

    public ArrowParquetWriter(OutputFile out, Schema schema, CompressionCodecName codec) throws IOException {
        this(out, schema, codec, ParquetWriter.DEFAULT_BLOCK_SIZE);
    }

    /** @param rowGroupBytes target size of a row group (buffered, compressed bytes) */
    public ArrowParquetWriter(OutputFile out, Schema schema, CompressionCodecName codec, long rowGroupBytes)
            throws IOException {
        this.schema = schema;
        this.message = ParquetSchemas.toParquet(schema);
        this.rowGroupBytes = rowGroupBytes;
        ParquetProperties.Builder p = ParquetProperties.builder();
        for (ColumnDescriptor c : message.getColumns()) {
            // Measured floats almost never repeat: a dictionary costs a hash lookup per value and is then
            // dropped. Integer columns (PID, Charge, counts) and strings keep it.
            PrimitiveTypeName type = c.getPrimitiveType().getPrimitiveTypeName();
            if (type == PrimitiveTypeName.FLOAT || type == PrimitiveTypeName.DOUBLE) {
                p.withDictionaryEncoding(String.join(".", c.getPath()), false);
            }
        }
        this.props = p.build();
        List<Field> fields = schema.getFields();
        List<ColumnDescriptor> descriptors = message.getColumns();
        if (descriptors.size() != fields.size()) {
            throw new IllegalArgumentException(
                    "only primitive and list-of-primitive columns can be written: " + schema);
        }
        for (int i = 0; i < fields.size(); i++) {
            columns.add(new ArrowColumn(fields.get(i), descriptors.get(i)));
        }
        this.codecs = new CodecFactory(new Configuration(false), props.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(codec);
        this.file = new ParquetFileWriter(
                out,
                message,
                ParquetFileWriter.Mode.CREATE,
                rowGroupBytes,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
                null,
                props);
        file.start();
        startRowGroup();
    }

    public void write(VectorSchemaRoot batch) throws IOException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        if (!batch.getSchema().equals(schema)) {
            throw new IllegalArgumentException(
                    "batch schema " + batch.getSchema() + " differs from the file's " + schema);
        }
        boolean done = false;
        try {
            writeSlices(batch);
            done = true;
        } finally {
            failed |= !done;
        }
    }

    private void writeSlices(VectorSchemaRoot batch) throws IOException {
        int rows = batch.getRowCount();
        for (int from = 0; from < rows; from += SLICE_ROWS) {
            int to = Math.min(rows, from + SLICE_ROWS);
            for (int c = 0; c < columns.size(); c++) {
                ArrowColumn column = columns.get(c);
                column.write(batch.getVector(c), from, to, store.getColumnWriter(column.descriptor()));
            }
            for (int i = from; i < to; i++) {
                store.endRecord();
            }
            rowGroupRows += to - from;
            if (store.getBufferedSize() >= rowGroupBytes) {
                flushRowGroup();
                startRowGroup();
            }
        }
    }

    /** Adds a key-value pair to the file's footer metadata (written at {@link #close()}). */
    public void putFooterMetadata(String key, String value) {
        footer.put(key, value);
    }

    /** Bytes written so far (an estimate until close), for rolling policies. */
    public long dataSize() {
        return flushedBytes + (store == null ? 0 : store.getBufferedSize());
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (failed) {
                return; // without a footer the file is not a Parquet file, and cannot pass for a complete one
            }
            flushRowGroup();
            file.end(new HashMap<>(footer));
        } finally {
            codecs.release();
        }
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(
                compressor,
                message,
                props.getAllocator(),
                props.getColumnIndexTruncateLength(),
                props.getPageWriteChecksumEnabled(),
                null,
                rowGroupOrdinal);
        store = props.newColumnWriteStore(message, pages, pages);
        rowGroupRows = 0;
    }

    private void flushRowGroup() throws IOException {
        try {
            if (rowGroupRows > 0) {
                file.startBlock(rowGroupRows);
                store.flush();
                pages.flushToFileWriter(file);
                file.endBlock();
                rowGroupOrdinal++;
                flushedBytes = file.getPos();
            }
        } finally {
            store.close();
            pages.close();
            store = null;
            pages = null;
        }
    }
}
