package io.dltrigger.training.data;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.DummyRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads one row group of a features file column by column straight into an {@link EventBlock}'s arrays:
 * no record objects, only the columns the model needs (an HLF model never decodes the 15,219-value
 * particle lists).
 */
public final class ParquetFeatureReader {

    /** Building a Hadoop Configuration parses its XML resources: once per JVM, not once per row group. */
    private static final Configuration HADOOP = new Configuration();

    private ParquetFeatureReader() {}

    /** Row groups of a file, as splits. */
    public static List<FeatureSplit> splits(String file) {
        try (ParquetFileReader reader = open(file)) {
            List<FeatureSplit> out = new ArrayList<>();
            var groups = reader.getRowGroups();
            for (int i = 0; i < groups.size(); i++) {
                out.add(new FeatureSplit(file, i, groups.get(i).getRowCount()));
            }
            return out;
        } catch (IOException e) {
            throw new FeatureDataException(file + ": cannot read Parquet footer: " + e.getMessage(), e);
        }
    }

    public static EventBlock read(FeatureSplit split, boolean withParticles) {
        try (ParquetFileReader reader = open(split.file())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<String> wanted = new ArrayList<>(
                    List.of(FeaturesTableContract.LABEL, FeaturesTableContract.HLF, FeaturesTableContract.N_PARTICLES));
            if (withParticles) {
                wanted.add(FeaturesTableContract.PARTICLES);
            }
            List<Type> fields = new ArrayList<>();
            for (String name : wanted) {
                if (!schema.containsField(name)) {
                    throw new FeatureDataException(split.file() + ": missing column '" + name + "'");
                }
                fields.add(schema.getType(name));
            }
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            for (int i = 0; i < split.rowGroup(); i++) {
                reader.skipNextRowGroup();
            }
            PageReadStore pages = reader.readNextRowGroup();
            if (pages == null) {
                throw new FeatureDataException(split.file() + ": no row group " + split.rowGroup());
            }
            int rows = Math.toIntExact(pages.getRowCount());
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(
                    pages,
                    new DummyRecordConverter(projection).getRootConverter(),
                    projection,
                    reader.getFooter().getFileMetaData().getCreatedBy());
            EventBlock block = EventBlock.allocate(rows, withParticles);
            String where = split.file() + " row group " + split.rowGroup();
            readInts(
                    store,
                    leaf(projection, FeaturesTableContract.LABEL, PrimitiveTypeName.INT32, where),
                    block.labels(),
                    rows,
                    where);
            readInts(
                    store,
                    leaf(projection, FeaturesTableContract.N_PARTICLES, PrimitiveTypeName.INT32, where),
                    block.nParticles(),
                    rows,
                    where);
            readFixedLists(
                    store,
                    leaf(projection, FeaturesTableContract.HLF, PrimitiveTypeName.FLOAT, where),
                    block.hlf(),
                    rows,
                    FeaturesTableContract.N_HLF,
                    where);
            if (withParticles) {
                readFixedLists(
                        store,
                        leaf(projection, FeaturesTableContract.PARTICLES, PrimitiveTypeName.FLOAT, where),
                        block.particles(),
                        rows,
                        FeaturesTableContract.PARTICLE_VALUES,
                        where);
            }
            validate(block, where);
            return block;
        } catch (IOException e) {
            throw new FeatureDataException(
                    split.file() + ": cannot read row group " + split.rowGroup() + ": " + e.getMessage(), e);
        }
    }

    /** Provenance of a split's events ({@code source_file}, {@code entry}); nulls where a column is absent. */
    public record Provenance(String[] sourceFiles, long[] entries) {}

    public static Provenance readProvenance(FeatureSplit split) {
        try (ParquetFileReader reader = open(split.file())) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            List<Type> fields = new ArrayList<>();
            for (String name : List.of(FeaturesTableContract.SOURCE_FILE, FeaturesTableContract.ENTRY)) {
                if (schema.containsField(name)) {
                    fields.add(schema.getType(name));
                }
            }
            int rows = Math.toIntExact(split.rows());
            String[] files = new String[rows];
            long[] entries = new long[rows];
            java.util.Arrays.fill(entries, -1);
            if (fields.isEmpty()) {
                return new Provenance(files, entries);
            }
            MessageType projection = new MessageType(schema.getName(), fields);
            reader.setRequestedSchema(projection);
            for (int i = 0; i < split.rowGroup(); i++) {
                reader.skipNextRowGroup();
            }
            PageReadStore pages = reader.readNextRowGroup();
            ColumnReadStoreImpl store = new ColumnReadStoreImpl(
                    pages,
                    new DummyRecordConverter(projection).getRootConverter(),
                    projection,
                    reader.getFooter().getFileMetaData().getCreatedBy());
            for (ColumnDescriptor c : projection.getColumns()) {
                ColumnReader r = store.getColumnReader(c);
                boolean isFile = c.getPath()[0].equals(FeaturesTableContract.SOURCE_FILE);
                for (int row = 0; row < rows; row++) {
                    if (r.getCurrentDefinitionLevel() == c.getMaxDefinitionLevel()) {
                        if (isFile) {
                            files[row] = r.getBinary().toStringUsingUTF8();
                        } else {
                            entries[row] = r.getLong();
                        }
                    }
                    r.consume();
                }
            }
            return new Provenance(files, entries);
        } catch (IOException e) {
            throw new FeatureDataException(split.file() + ": cannot read provenance columns: " + e.getMessage(), e);
        }
    }

    private static ParquetFileReader open(String file) throws IOException {
        return ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), HADOOP));
    }

    /** The single leaf column under a top-level field (a list's element, whatever the writer named it). */
    private static ColumnDescriptor leaf(MessageType schema, String field, PrimitiveTypeName type, String where) {
        ColumnDescriptor found = null;
        for (ColumnDescriptor c : schema.getColumns()) {
            if (c.getPath()[0].equals(field)) {
                if (found != null) {
                    throw new FeatureDataException(where + ": column '" + field + "' has more than one leaf");
                }
                found = c;
            }
        }
        if (found == null || found.getPrimitiveType().getPrimitiveTypeName() != type) {
            throw new FeatureDataException(where + ": column '" + field + "' must hold " + type + " values, found "
                    + (found == null ? "none" : found.getPrimitiveType()));
        }
        return found;
    }

    private static void readInts(
            ColumnReadStoreImpl store, ColumnDescriptor column, int[] out, int rows, String where) {
        ColumnReader reader = store.getColumnReader(column);
        if (column.getMaxRepetitionLevel() != 0) {
            throw new FeatureDataException(where + ": column '" + column.getPath()[0] + "' must be a scalar int32");
        }
        for (int row = 0; row < rows; row++) {
            if (reader.getCurrentDefinitionLevel() < column.getMaxDefinitionLevel()) {
                throw new FeatureDataException(where + ": null in column '" + column.getPath()[0] + "' at row " + row);
            }
            out[row] = reader.getInteger();
            reader.consume();
        }
    }

    /** Reads fixed-length float lists; a null list, a null element or a wrong length is an error. */
    private static void readFixedLists(
            ColumnReadStoreImpl store, ColumnDescriptor column, float[] out, int rows, int length, String where) {
        ColumnReader reader = store.getColumnReader(column);
        long total = reader.getTotalValueCount();
        long consumed = 0;
        int maxDef = column.getMaxDefinitionLevel();
        String name = column.getPath()[0];
        for (int row = 0; row < rows; row++) {
            int base = row * length;
            int n = 0;
            do {
                if (reader.getCurrentDefinitionLevel() < maxDef) {
                    throw new FeatureDataException(
                            where + ": null or empty '" + name + "' (or a null element) at row " + row);
                }
                if (n >= length) {
                    throw new FeatureDataException(
                            where + ": column '" + name + "' has more than " + length + " values at row " + row);
                }
                out[base + n++] = reader.getFloat();
                reader.consume();
                consumed++;
            } while (consumed < total && reader.getCurrentRepetitionLevel() > 0);
            if (n != length) {
                throw new FeatureDataException(
                        where + ": column '" + name + "' has " + n + " values at row " + row + ", expected " + length);
            }
        }
    }

    private static void validate(EventBlock block, String where) {
        for (int i = 0; i < block.size(); i++) {
            int label = block.labels()[i];
            if (label < 0 || label >= EventClass.COUNT) {
                throw new FeatureDataException(where + ": label " + label + " out of range at row " + i);
            }
            int n = block.nParticles()[i];
            if (n < 0 || n > FeaturesTableContract.MAX_PARTICLES) {
                throw new FeatureDataException(where + ": n_particles " + n + " out of range at row " + i);
            }
        }
    }
}
