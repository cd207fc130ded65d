package io.dltrigger.bridge.parquet;

import java.io.IOException;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a Parquet file (primitive and LIST columns, e.g. the event table) into Arrow batches of up to
 * {@code batchRows} rows. Parquet's converters write values straight into the Arrow vectors.
 */
public final class ParquetArrowReader implements AutoCloseable {
    private final VectorSchemaRoot root;
    private final ParquetReader<Boolean> reader;
    private final ArrowConverters.RootConverter converter;
    private final int batchRows;
    private boolean exhausted;

    public ParquetArrowReader(InputFile in, BufferAllocator allocator, int batchRows) throws IOException {
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batch rows must be positive, got " + batchRows);
        }
        this.batchRows = batchRows;
        MessageType message;
        try (org.apache.parquet.hadoop.ParquetFileReader f = org.apache.parquet.hadoop.ParquetFileReader.open(in)) {
            message = f.getFooter().getFileMetaData().getSchema();
        }
        Schema schema = ParquetSchemas.toArrow(message);
        this.root = VectorSchemaRoot.create(schema, allocator);
        this.converter = new ArrowConverters.RootConverter(root);
        this.reader = new Builder(in, message, converter)
                .withConf(new Configuration(false))
                .build();
    }

    public Schema schema() {
        return root.getSchema();
    }

    /** The current batch; its contents change on every {@link #loadNextBatch()}. */
    public VectorSchemaRoot root() {
        return root;
    }

    /** Reads the next batch into {@link #root()}; false once the file is exhausted. */
    public boolean loadNextBatch() throws IOException {
        if (exhausted) {
            return false;
        }
        for (FieldVector v : root.getFieldVectors()) {
            v.reset();
        }
        converter.startBatch();
        int rows = 0;
        while (rows < batchRows) {
            if (reader.read() == null) {
                exhausted = true;
                break;
            }
            rows++;
        }
        for (FieldVector v : root.getFieldVectors()) {
            v.setValueCount(rows);
        }
        root.setRowCount(rows);
        return rows > 0;
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } finally {
            root.close();
        }
    }

    private static final class Builder extends ParquetReader.Builder<Boolean> {
        private final MessageType message;
        private final ArrowConverters.RootConverter converter;

        Builder(InputFile in, MessageType message, ArrowConverters.RootConverter converter) {
            super(in);
            this.message = message;
            this.converter = converter;
        }

        @Override
        protected ReadSupport<Boolean> getReadSupport() {
            return new ReadSupport<>() {
                @Override
                public ReadContext init(InitContext context) {
                    return new ReadContext(message);
                }

                @Override
                public RecordMaterializer<Boolean> prepareForRead(
                        Configuration conf, Map<String, String> meta, MessageType fileSchema, ReadContext context) {
                    return new RecordMaterializer<>() {
                        @Override
                        public Boolean getCurrentRecord() {
                            return Boolean.TRUE;
                        }

                        @Override
                        public GroupConverter getRootConverter() {
                            return converter;
                        }
                    };
                }
            };
        }
    }
}
