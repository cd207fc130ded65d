package io.dltrigger.filter.testing;

import io.dltrigger.testing.PartFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Parquet files read with Parquet's own record API (not the project's Arrow reader, which the code under test
 * uses): the committed {@code part-*.parquet} files of a table, and their rows, one {@link Group} each.
 */
public final class ParquetRows {
    private ParquetRows() {}

    /** The committed part files under {@code table} (see {@link PartFiles}). */
    public static List<Path> partFiles(Path table) throws IOException {
        return PartFiles.of(table);
    }

    /** Each row of {@code file}, with only {@code columns} read. */
    public static void read(Path file, List<String> columns, Consumer<Group> row) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType all = r.getFooter().getFileMetaData().getSchema();
            List<Type> fields = new ArrayList<>();
            for (String c : columns) {
                fields.add(all.getType(c));
            }
            MessageType projection = new MessageType(all.getName(), fields);
            r.setRequestedSchema(projection);
            PageReadStore pages;
            while ((pages = r.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory()
                        .getColumnIO(projection)
                        .getRecordReader(pages, new GroupRecordConverter(projection));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    row.accept(records.read());
                }
            }
        }
    }

    /** The file's footer key-value metadata. */
    public static Map<String, String> footer(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getFooter().getFileMetaData().getKeyValueMetaData();
        }
    }

    /** A nullable float column: null when absent. */
    public static Float floatOrNull(Group g, String column) {
        return g.getFieldRepetitionCount(column) == 0 ? null : g.getFloat(column, 0);
    }
}
