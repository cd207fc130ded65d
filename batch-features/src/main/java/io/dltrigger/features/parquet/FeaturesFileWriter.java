package io.dltrigger.features.parquet;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.features.spark.FinalRows;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.package$;
import org.apache.spark.sql.execution.datasources.parquet.ParquetReadSupport;
import org.apache.spark.sql.execution.datasources.parquet.SparkToParquetSchemaConverter;
import org.apache.spark.sql.internal.SQLConf;

/**
 * Writes features-table rows ({@link FinalRows#SCHEMA}) to one Parquet file, column by column. The two
 * list columns ({@code hlf}, {@code particles}: 15,233 floats per row) are encoded a page at a time from
 * the row's float arrays ({@link FloatListColumn}); the four scalar columns go through parquet-java's own
 * column writers. Spark's writer spent most of the job's time on the lists: per element it walks its
 * record consumer (start and end of a group and a field), boxes the element's index, and parquet-java then
 * writes the float byte by byte. The Parquet schema is Spark's own conversion of the same Spark schema and
 * the footer carries the Spark schema as Spark writes it, so the file reads as the one Spark would write;
 * row groups of up to 128 MB, pages of 1 MB, no dictionary (the values are distinct floats). The file is
 * complete only after {@link #close()}.
 */
public final class FeaturesFileWriter implements AutoCloseable {
    private static final MessageType MESSAGE =
            new SparkToParquetSchemaConverter(new SQLConf()).convert(FinalRows.SCHEMA);
    /** The scalar columns, written by parquet-java's column writers. */
    private static final MessageType SCALARS = new MessageType(
            MESSAGE.getName(),
            scalar(FeaturesTableContract.SOURCE_FILE),
            scalar(FeaturesTableContract.ENTRY),
            scalar(FeaturesTableContract.LABEL),
            scalar(FeaturesTableContract.N_PARTICLES));
    /** Rows between two checks of the buffered row group's size (a row is about 60 KB before compression). */
    private static final int ROW_GROUP_CHECK = 16;

    private final ParquetProperties props;
    private final CodecFactory codecs;
    private final CodecFactory.BytesCompressor compressor;
    private final ParquetFileWriter file;
    private final FloatListColumn hlf;
    private final FloatListColumn particles;
    private final long rowGroupBytes;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter sourceFile;
    private ColumnWriter entry;
    private ColumnWriter label;
    private ColumnWriter nParticles;
    private int rowGroups;
    private long rowGroupRows;
    private long rows;
    private boolean failed;

    public FeaturesFileWriter(OutputFile out, CompressionCodecName codec, Configuration conf) throws IOException {
        this(out, codec, conf, ParquetWriter.DEFAULT_BLOCK_SIZE);
    }

    /** @param rowGroupBytes target size of a row group (buffered, compressed bytes) */
    FeaturesFileWriter(OutputFile out, CompressionCodecName codec, Configuration conf, long rowGroupBytes)
            throws IOException {
        this.rowGroupBytes = rowGroupBytes;
        props = ParquetProperties.builder().withDictionaryEncoding(false).build();
        codecs = new CodecFactory(conf, props.getPageSizeThreshold());
        compressor = codecs.getCompressor(codec);
        hlf = new FloatListColumn(leaf(FeaturesTableContract.HLF), props.getPageSizeThreshold());
        particles = new FloatListColumn(leaf(FeaturesTableContract.PARTICLES), props.getPageSizeThreshold());
        file = new ParquetFileWriter(
                out,
                MESSAGE,
                ParquetFileWriter.Mode.CREATE,
                rowGroupBytes,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
                props.getColumnIndexTruncateLength(),
                props.getStatisticsTruncateLength(),
                props.getPageWriteChecksumEnabled());
        file.start();
        startRowGroup();
    }

    /** The Parquet schema of the features table, as Spark converts {@link FinalRows#SCHEMA}. */
    public static MessageType schema() {
        return MESSAGE;
    }

    private static Type scalar(String name) {
        return MESSAGE.getType(name);
    }

    private static ColumnDescriptor leaf(String list) {
        for (ColumnDescriptor c : MESSAGE.getColumns()) {
            if (c.getPath()[0].equals(list)) {
                return c;
            }
        }
        throw new IllegalStateException("no column " + list + " in " + MESSAGE);
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(
                compressor,
                MESSAGE,
                props.getAllocator(),
                props.getColumnIndexTruncateLength(),
                props.getPageWriteChecksumEnabled(),
                null,
                rowGroups);
        store = props.newColumnWriteStore(SCALARS, pages, pages);
        List<ColumnDescriptor> columns = SCALARS.getColumns();
        sourceFile = store.getColumnWriter(columns.get(0));
        entry = store.getColumnWriter(columns.get(1));
        label = store.getColumnWriter(columns.get(2));
        nParticles = store.getColumnWriter(columns.get(3));
        hlf.startRowGroup(pages.getPageWriter(hlf.descriptor()));
        particles.startRowGroup(pages.getPageWriter(particles.descriptor()));
        rowGroupRows = 0;
    }

    /** Writes the buffered row group to the file (compressed pages are held in memory until then). */
    private void flushRowGroup() throws IOException {
        try {
            if (rowGroupRows > 0) {
                hlf.flushPage();
                particles.flushPage();
                file.startBlock(rowGroupRows);
                store.flush();
                pages.flushToFileWriter(file);
                file.endBlock();
                rowGroups++;
            }
        } finally {
            store.close(); // Parquet 1.13's page store has nothing to release
        }
    }

    /** Writes one row; {@code hlfValues} and {@code particleValues} are read before this returns. */
    public void write(
            byte[] sourceFileUtf8, long entryValue, int labelValue, float[] hlfValues, float[] particleValues, int n)
            throws IOException {
        boolean done = false;
        try {
            sourceFile.write(Binary.fromConstantByteArray(sourceFileUtf8), 0, 0);
            entry.write(entryValue, 0, 0);
            label.write(labelValue, 0, 0);
            hlf.write(hlfValues, hlfValues.length);
            particles.write(particleValues, particleValues.length);
            nParticles.write(n, 0, 0);
            store.endRecord();
            rows++;
            rowGroupRows++;
            if (rowGroupRows % ROW_GROUP_CHECK == 0 && bufferedSize() >= rowGroupBytes) {
                flushRowGroup();
                startRowGroup();
            }
            done = true;
        } finally {
            failed |= !done;
        }
    }

    private long bufferedSize() {
        return store.getBufferedSize() + hlf.bufferedSize() + particles.bufferedSize();
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        try {
            if (failed) {
                store.close();
                return; // no footer: the file cannot pass for a complete one
            }
            flushRowGroup();
            Map<String, String> footer = new HashMap<>();
            footer.put(ParquetReadSupport.SPARK_METADATA_KEY(), FinalRows.SCHEMA.json());
            footer.put("org.apache.spark.version", package$.MODULE$.SPARK_VERSION_SHORT());
            file.end(footer);
        } finally {
            codecs.release();
        }
    }
}
