package io.dltrigger.bench.ingest;

import io.dltrigger.bridge.parquet.ArrowParquetWriter;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.table.EventTableSchema;
import io.dltrigger.ingest.table.MemberColumns;
import io.dltrigger.ingest.table.TableBatch;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * The Parquet writer alone: the event-table batches of one ROOT file are read into memory first (not
 * timed), then written to a Parquet file by the columnar {@link ArrowParquetWriter} and by the record-API
 * writer it replaced ({@link RecordApiWriter}, the anchor), on one thread, timed by that thread's CPU
 * time, best of {@code repeat} passes, with the configured codec and without compression.
 */
final class WriterBench {
    private WriterBench() {}

    /** The writer under test. */
    enum Kind {
        RECORD_API("record API (before, anchor)"),
        COLUMNAR("columnar ArrowParquetWriter");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    static List<String> run(Path rootFile, IngestConfig cfg, Path work, int repeat, BufferAllocator allocator)
            throws Exception {
        EventTableSchema table = cfg.tableSchema();
        Schema schema = table.arrowSchema();
        MemberColumns members = new MemberColumns(table);
        List<String> branches = table.branches();
        String uri = rootFile.toUri().toString();
        List<VectorSchemaRoot> members0 = new ArrayList<>();
        List<TableBatch> batches = new ArrayList<>();
        long events = 0;
        long values = 0;
        try (RootFile root = RootFile.open(uri)) {
            RootTree tree = root.tree(cfg.tree());
            for (EntryRange r : tree.planChunks(branches, cfg.chunkEvents())) {
                try (VectorSchemaRoot batch = tree.read(branches, r, allocator)) {
                    VectorSchemaRoot columns = members.fromBranches(batch, r.stop() - r.start(), allocator);
                    members0.add(columns);
                    batches.add(new TableBatch(schema, uri, r.start(), columns, allocator));
                    events += columns.getRowCount();
                    for (var v : columns.getFieldVectors()) {
                        values += ((org.apache.arrow.vector.complex.ListVector) v)
                                .getDataVector()
                                .getValueCount();
                    }
                }
            }
        }
        Files.createDirectories(work);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "%,d events, %,d member values (%.0f per event), %d batches, from %s",
                events,
                values,
                (double) values / events,
                batches.size(),
                rootFile.getFileName()));
        lines.add("| writer | codec | CPU s (best of " + repeat + ") | events per CPU s | ns per value | file MB |");
        lines.add("|---|---|---|---|---|---|");
        try {
            List<CompressionCodecName> codecs = cfg.compression() == CompressionCodecName.UNCOMPRESSED
                    ? List.of(CompressionCodecName.UNCOMPRESSED)
                    : List.of(cfg.compression(), CompressionCodecName.UNCOMPRESSED);
            for (CompressionCodecName codec : codecs) {
                for (Kind kind : Kind.values()) {
                    lines.add(time(kind, codec, batches, schema, work, repeat, events, values));
                }
            }
        } finally {
            batches.forEach(TableBatch::close);
            members0.forEach(VectorSchemaRoot::close);
        }
        return lines;
    }

    private static String time(
            Kind kind,
            CompressionCodecName codec,
            List<TableBatch> batches,
            Schema schema,
            Path work,
            int repeat,
            long events,
            long values)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        long size = 0;
        Path file = work.resolve("writer-bench.parquet");
        for (int pass = 0; pass < repeat; pass++) {
            Files.deleteIfExists(file);
            long c0 = threads.getCurrentThreadCpuTime();
            writeAll(kind, file, schema, codec, batches);
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
            size = Files.size(file);
        }
        Files.deleteIfExists(file);
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.2f | %,.0f | %.1f | %.1f |",
                kind.label,
                codec.name().toLowerCase(Locale.ROOT),
                best,
                events / best,
                best * 1e9 / values,
                size / 1e6);
    }

    private static void writeAll(
            Kind kind, Path file, Schema schema, CompressionCodecName codec, List<TableBatch> batches)
            throws IOException {
        OutputFile out = new LocalOutputFile(file);
        if (kind == Kind.RECORD_API) {
            try (RecordApiWriter w = new RecordApiWriter(out, schema, codec)) {
                for (TableBatch b : batches) {
                    w.write(b.root());
                }
            }
        } else {
            try (ArrowParquetWriter w = new ArrowParquetWriter(out, schema, codec)) {
                for (TableBatch b : batches) {
                    w.write(b.root());
                }
            }
        }
    }
}
