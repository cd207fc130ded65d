package io.dltrigger.bench.ingest;

import io.dltrigger.bridge.parquet.ParquetSchemas;
import java.io.IOException;
import java.util.HashMap;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * The anchor of the writer benchmark: arrow-bridge's Parquet writer as it was before it wrote column by
 * column (issue 15). Every row goes through parquet-java's record API ({@code ParquetWriter} and its
 * {@code RecordConsumer}: start and end of every field, group and list element), same schema, codec and
 * dictionary settings as {@code ArrowParquetWriter}.
 */
final class RecordApiWriter implements AutoCloseable {
    private final Schema schema;
    private final ParquetWriter<Row> writer;
    private final Row row = new Row();

    RecordApiWriter(OutputFile out, Schema schema, CompressionCodecName codec) throws IOException {
        this.schema = schema;
        Builder builder = new Builder(out, schema)
                .withCompressionCodec(codec)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withConf(new Configuration(false));
        // Measured floats almost never repeat: a dictionary costs a hash lookup per value and is then
        // dropped. Integer columns (PID, Charge, counts) keep it.
        for (org.apache.parquet.column.ColumnDescriptor c :
                ParquetSchemas.toParquet(schema).getColumns()) {
            var type = c.getPrimitiveType().getPrimitiveTypeName();
            if (type == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.FLOAT
                    || type == org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE) {
                builder = builder.withDictionaryEncoding(String.join(".", c.getPath()), false);
            }
        }
        this.writer = builder.build();
    }

    public void write(VectorSchemaRoot batch) throws IOException {
        if (!batch.getSchema().equals(schema)) {
            throw new IllegalArgumentException(
                    "batch schema " + batch.getSchema() + " differs from the file's " + schema);
        }
        row.root = batch;
        for (int i = 0; i < batch.getRowCount(); i++) {
            row.index = i;
            writer.write(row);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** A cursor over the current batch: reused for every row. */
    static final class Row {
        VectorSchemaRoot root;
        int index;
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final Schema schema;

        Builder(OutputFile out, Schema schema) {
            super(out);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return new ArrowWriteSupport(ParquetSchemas.toParquet(schema));
        }
    }

    private static final class ArrowWriteSupport extends WriteSupport<Row> {
        private final MessageType message;
        private RecordConsumer out;

        ArrowWriteSupport(MessageType message) {
            this.message = message;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(message, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Row r) {
            out.startMessage();
            for (int c = 0; c < r.root.getFieldVectors().size(); c++) {
                FieldVector v = r.root.getVector(c);
                if (v.isNull(r.index)) {
                    continue;
                }
                String name = v.getName();
                out.startField(name, c);
                if (v instanceof ListVector list) {
                    writeList(
                            list.getDataVector(), list.getElementStartIndex(r.index), list.getElementEndIndex(r.index));
                } else if (v instanceof FixedSizeListVector fixed) {
                    int size = fixed.getListSize();
                    writeList(fixed.getDataVector(), r.index * size, (r.index + 1) * size);
                } else {
                    writeValue(v, r.index);
                }
                out.endField(name, c);
            }
            out.endMessage();
        }

        private void writeList(FieldVector data, int start, int end) {
            out.startGroup();
            if (end > start) {
                out.startField("list", 0);
                for (int i = start; i < end; i++) {
                    out.startGroup();
                    out.startField("element", 0);
                    writeValue(data, i);
                    out.endField("element", 0);
                    out.endGroup();
                }
                out.endField("list", 0);
            }
            out.endGroup();
        }

        private void writeValue(FieldVector v, int i) {
            if (v instanceof Float4Vector f) {
                out.addFloat(f.get(i));
            } else if (v instanceof Float8Vector d) {
                out.addDouble(d.get(i));
            } else if (v instanceof BitVector b) {
                out.addBoolean(b.get(i) != 0);
            } else if (v instanceof VarCharVector s) {
                out.addBinary(Binary.fromConstantByteArray(s.get(i)));
            } else if (v instanceof BaseIntVector n) {
                if (v.getMinorType() == org.apache.arrow.vector.types.Types.MinorType.BIGINT
                        || v.getMinorType() == org.apache.arrow.vector.types.Types.MinorType.UINT8) {
                    out.addLong(n.getValueAsLong(i));
                } else {
                    out.addInteger((int) n.getValueAsLong(i));
                }
            } else {
                throw new IllegalArgumentException("cannot write Arrow vector " + v.getField());
            }
        }
    }
}
