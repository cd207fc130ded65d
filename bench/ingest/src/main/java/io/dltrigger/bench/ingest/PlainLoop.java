package io.dltrigger.bench.ingest;

import io.dltrigger.bridge.parquet.ArrowParquetWriter;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.table.EventTableSchema;
import io.dltrigger.ingest.table.MemberColumns;
import io.dltrigger.ingest.table.TableBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/**
 * The floor of Flink's overhead: the same reading and writing with no Flink, on one thread. Same chunk
 * plan, same renaming, same Parquet writer and codec; one Parquet file per input file.
 */
final class PlainLoop {
    private PlainLoop() {}

    /** @return events written */
    static long run(List<Path> files, IngestConfig cfg, Path outDir) throws Exception {
        EventTableSchema table = cfg.tableSchema();
        Schema schema = table.arrowSchema();
        MemberColumns members = new MemberColumns(table);
        List<String> branches = table.branches();
        Files.createDirectories(outDir);
        long events = 0;
        try (BufferAllocator allocator = new RootAllocator()) {
            for (Path f : files) {
                String uri = f.toUri().toString();
                Path out = outDir.resolve(f.getFileName().toString().replace(".root", ".parquet"));
                try (RootFile root = RootFile.open(uri);
                        ArrowParquetWriter writer = new ArrowParquetWriter(
                                HadoopOutputFile.fromPath(
                                        new org.apache.hadoop.fs.Path(out.toUri()), new Configuration()),
                                schema,
                                cfg.compression())) {
                    RootTree tree = root.tree(cfg.tree());
                    for (EntryRange r : tree.planChunks(branches, cfg.chunkEvents())) {
                        try (VectorSchemaRoot batch = tree.read(branches, r, allocator);
                                VectorSchemaRoot columns =
                                        members.fromBranches(batch, r.stop() - r.start(), allocator);
                                TableBatch rows = new TableBatch(schema, uri, r.start(), columns, allocator)) {
                            writer.write(rows.root());
                            events += columns.getRowCount();
                        }
                    }
                }
            }
        }
        return events;
    }
}
