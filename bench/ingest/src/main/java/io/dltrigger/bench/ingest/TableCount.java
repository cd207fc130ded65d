package io.dltrigger.bench.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Rows of the committed (visible) Parquet files under a table folder, from their footers. */
final class TableCount {
    private TableCount() {}

    static long events(Path table) throws IOException {
        List<Path> parts;
        try (Stream<Path> s = Files.walk(table)) {
            parts = s.filter(p -> p.getFileName().toString().startsWith("part-")
                            && p.getFileName().toString().endsWith(".parquet"))
                    .toList();
        }
        long rows = 0;
        for (Path p : parts) {
            try (ParquetFileReader r = ParquetFileReader.open(
                    HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(p.toUri()), new Configuration()))) {
                rows += r.getRecordCount();
            }
        }
        return rows;
    }
}
