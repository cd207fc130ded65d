package io.dltrigger.ingest.ledger;

import io.dltrigger.contract.EventTableContract;
import io.dltrigger.contract.IngestLedger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the table holds ({@link LedgerView}) from the committed part files' footers
 * ({@link IngestLedger#FOOTER_KEY}) and the dead-letter table, through Flink's file systems (where the sink
 * writes). Only visible files count: hidden in-progress files ({@code .part-*}) are not committed. A part file
 * written before the ledger existed has no footer entry: its {@code source_file} and {@code entry} columns
 * are read instead, as rows of an unknown version.
 */
public final class TableLedger {
    private static final Logger LOG = LoggerFactory.getLogger(TableLedger.class);
    private static final Schema PROVENANCE = SchemaBuilder.record("provenance")
            .fields()
            .requiredString(EventTableContract.SOURCE_FILE)
            .requiredLong(EventTableContract.ENTRY)
            .endRecord();

    private TableLedger() {}

    public static LedgerView load(String table, String quarantine) throws IOException {
        long t0 = System.nanoTime();
        LedgerView.Builder view = new LedgerView.Builder();
        Path root = new Path(table);
        FileSystem fs = root.getFileSystem();
        for (FileStatus part : visibleFiles(fs, root, ".parquet")) {
            view.partFile(entries(fs, part));
        }
        Path dead = new Path(quarantine);
        FileSystem qfs = dead.getFileSystem();
        for (FileStatus f : visibleFiles(qfs, dead, ".jsonl")) {
            deadLetters(qfs, f, view);
        }
        LedgerView v = view.build();
        LOG.info(
                "ledger of {}: {} rows of {} source files in {} part files ({} s)",
                table,
                v.committedRows(),
                v.sourceFiles(),
                v.partFiles(),
                String.format("%.2f", (System.nanoTime() - t0) / 1e9));
        return v;
    }

    /** A committed part file and the ledger entries of the chunks it holds. */
    public record PartFile(FileStatus status, List<IngestLedger.Entry> entries) {}

    /** The committed part files holding rows of any of these source files. */
    public static List<PartFile> partFilesHolding(String table, java.util.Set<String> sourceFiles) throws IOException {
        Path root = new Path(table);
        FileSystem fs = root.getFileSystem();
        List<PartFile> out = new ArrayList<>();
        for (FileStatus part : visibleFiles(fs, root, ".parquet")) {
            List<IngestLedger.Entry> entries = entries(fs, part);
            if (entries.stream().anyMatch(e -> sourceFiles.contains(e.sourceFile()))) {
                out.add(new PartFile(part, entries));
            }
        }
        return out;
    }

    /** The chunks a committed part file holds: its footer's ledger, or for an older file its rows' provenance. */
    public static List<IngestLedger.Entry> entries(FileSystem fs, FileStatus part) throws IOException {
        FlinkInputFile in = new FlinkInputFile(fs, part.getPath(), part.getLen());
        String ledger;
        try (ParquetFileReader r = ParquetFileReader.open(in)) {
            Map<String, String> meta = r.getFooter().getFileMetaData().getKeyValueMetaData();
            ledger = meta.get(IngestLedger.FOOTER_KEY);
        }
        if (ledger != null) {
            return IngestLedger.decode(ledger);
        }
        return fromColumns(in);
    }

    /** Rows of a part file written before the ledger: consecutive entries of a source file as ranges. */
    private static List<IngestLedger.Entry> fromColumns(FlinkInputFile in) throws IOException {
        Configuration conf = new Configuration(false);
        AvroReadSupport.setRequestedProjection(conf, PROVENANCE);
        AvroReadSupport.setAvroReadSchema(conf, PROVENANCE);
        List<IngestLedger.Entry> out = new ArrayList<>();
        try (ParquetReader<GenericRecord> r =
                AvroParquetReader.<GenericRecord>builder(in).withConf(conf).build()) {
            String file = null;
            long start = 0;
            long stop = 0;
            for (GenericRecord rec; (rec = r.read()) != null; ) {
                String f = rec.get(EventTableContract.SOURCE_FILE).toString();
                long e = (Long) rec.get(EventTableContract.ENTRY);
                if (f.equals(file) && e == stop) {
                    stop++;
                    continue;
                }
                if (file != null) {
                    out.add(new IngestLedger.Entry(file, -1, -1, "", start, stop));
                }
                file = f;
                start = e;
                stop = e + 1;
            }
            if (file != null) {
                out.add(new IngestLedger.Entry(file, -1, -1, "", start, stop));
            }
        }
        return out;
    }

    private static void deadLetters(FileSystem fs, FileStatus f, LedgerView.Builder view) throws IOException {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    view.deadLetter(IngestLedger.decodeDeadLetter(line));
                } catch (IOException e) {
                    LOG.warn("{}: skipping an unreadable dead-letter line: {}", f.getPath(), e.getMessage());
                }
            }
        }
    }

    /** Committed files under a folder: names not starting with '.' or '_' (folders included), recursively. */
    public static List<FileStatus> visibleFiles(FileSystem fs, Path root, String suffix) throws IOException {
        List<FileStatus> out = new ArrayList<>();
        if (!fs.exists(root)) {
            return out;
        }
        collect(fs, root, suffix, out);
        return out;
    }

    private static void collect(FileSystem fs, Path dir, String suffix, List<FileStatus> out) throws IOException {
        FileStatus[] children = fs.listStatus(dir);
        if (children == null) {
            return;
        }
        for (FileStatus c : children) {
            String name = c.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            if (c.isDir()) {
                collect(fs, c.getPath(), suffix, out);
            } else if (name.endsWith(suffix)) {
                out.add(c);
            }
        }
    }
}
