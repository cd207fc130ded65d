package io.dltrigger.filter.table;

import io.dltrigger.contract.IngestLedger;
import io.dltrigger.contract.ScoredTableContract;
import io.dltrigger.ingest.ledger.FlinkInputFile;
import io.dltrigger.ingest.ledger.TableLedger;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * Reads the tables through Flink's file systems: the event tables' committed part files (names not starting with
 * {@code .} or {@code _}; Flink's in-progress files are hidden) with the chunks their ledger lists, and the chunks the
 * scored table's committed part files already scored.
 */
final class TableScan {
    private TableScan() {}

    /** A committed event-table part file and the chunks it holds. */
    record Found(FileStatus status, String partition, List<IngestLedger.Entry> chunks) {}

    /** The version of a part file the enumerator remembers: a rewritten file (reingest) is examined again. */
    static String version(FileStatus s) {
        return s.getLen() + "@" + s.getModificationTime();
    }

    /**
     * The committed part files of the tables that {@code examined} does not know in this version, with their chunks.
     * A part file whose footer cannot be read is reported through {@code unreadable} and skipped.
     */
    static List<Found> newPartFiles(List<String> tables, Map<String, String> examined, List<String> unreadable)
            throws IOException {
        List<Found> out = new ArrayList<>();
        for (String table : tables) {
            Path root = new Path(table);
            FileSystem fs = root.getFileSystem();
            String rootPath = root.makeQualified(fs).toUri().getPath();
            for (FileStatus part : TableLedger.visibleFiles(fs, root, ".parquet")) {
                String path = part.getPath().toString();
                if (version(part).equals(examined.get(path))) {
                    continue;
                }
                try {
                    out.add(new Found(part, partition(rootPath, part.getPath()), TableLedger.entries(fs, part)));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(path + ": " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** The partition folder of a part file relative to its table, e.g. {@code sample=qcd/ingest_date=2026-12-03}. */
    static String partition(String rootPath, Path part) {
        String parent = part.getParent().toUri().getPath();
        String root = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        return parent.startsWith(root) ? parent.substring(root.length()) : "";
    }

    /** The keys of the chunks the scored table's committed part files hold (footer {@code dltrigger.filter.ledger}). */
    static Set<String> scoredChunks(String scoredTable) throws IOException {
        Set<String> keys = new HashSet<>();
        Path root = new Path(scoredTable);
        FileSystem fs = root.getFileSystem();
        for (FileStatus part : TableLedger.visibleFiles(fs, root, ".parquet")) {
            String ledger;
            try (ParquetFileReader r = ParquetFileReader.open(new FlinkInputFile(fs, part.getPath(), part.getLen()))) {
                ledger = r.getFooter().getFileMetaData().getKeyValueMetaData().get(ScoredTableContract.LEDGER_KEY);
            }
            if (ledger == null) {
                throw new IOException(part.getPath() + " is in the scored table but has no "
                        + ScoredTableContract.LEDGER_KEY + " in its footer: not written by the filter?");
            }
            for (IngestLedger.Entry e : IngestLedger.decode(ledger)) {
                keys.add(ScoringWork.key(e));
            }
        }
        return keys;
    }
}
