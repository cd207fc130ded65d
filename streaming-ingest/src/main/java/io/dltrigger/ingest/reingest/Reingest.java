package io.dltrigger.ingest.reingest;

import io.dltrigger.bridge.parquet.ArrowParquetWriter;
import io.dltrigger.bridge.parquet.ParquetArrowReader;
import io.dltrigger.bridge.root.EntryRange;
import io.dltrigger.bridge.root.RootFile;
import io.dltrigger.bridge.root.RootTree;
import io.dltrigger.contract.EventTableContract;
import io.dltrigger.contract.IngestLedger;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.ledger.FlinkInputFile;
import io.dltrigger.ingest.ledger.TableLedger;
import io.dltrigger.ingest.sink.FlinkOutputFile;
import io.dltrigger.ingest.source.enumerate.SampleResolver;
import io.dltrigger.ingest.source.enumerate.SplitPlanner;
import io.dltrigger.ingest.source.split.FileIdentity;
import io.dltrigger.ingest.source.split.FileMeta;
import io.dltrigger.ingest.source.split.FilePlan;
import io.dltrigger.ingest.table.MemberColumns;
import io.dltrigger.ingest.table.TableBatch;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.flink.core.fs.FSDataOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the rows of source files in the event table with their current version, as one
 * {@link Transaction}: the files are read in full (as the job reads them) into new part files, every
 * committed part file holding rows of them is rewritten without those rows (or removed if nothing else is
 * left), and all of it is put in place together. The ledger (part-file footers) then names the new
 * versions, so the ingest job treats them as ingested. For the files that a running job reported as
 * "changed after ingestion". One reingest at a time per table ({@code _ledger/lock}).
 */
public final class Reingest {
    private static final Logger LOG = LoggerFactory.getLogger(Reingest.class);
    private static final int BATCH_ROWS = 4096;

    private final IngestConfig cfg;

    public Reingest(IngestConfig cfg) {
        this.cfg = cfg;
    }

    /** What one reingest did. */
    public record Result(long rowsRemoved, long rowsWritten, int partFilesRewritten) {}

    public Result run(List<String> sourceFiles) throws IOException {
        Path lock = new Path(cfg.output(), Transaction.FOLDER + "/lock");
        FileSystem fs = lock.getFileSystem();
        fs.mkdirs(lock.getParent());
        try (FSDataOutputStream ignored = fs.create(lock, FileSystem.WriteMode.NO_OVERWRITE)) {
            // held while this reingest runs
        } catch (IOException e) {
            throw new IOException(
                    "another reingest holds " + lock + " (if none is running, one crashed: delete the"
                            + " lock and run again)",
                    e);
        }
        try {
            Transaction.recover(cfg.output());
            return replace(sourceFiles);
        } finally {
            fs.delete(lock, false);
        }
    }

    private Result replace(List<String> sourceFiles) throws IOException {
        String id = UUID.randomUUID().toString();
        List<Transaction.Rename> renames = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        long written = 0;
        try (BufferAllocator allocator = new RootAllocator()) {
            for (String f : sourceFiles) {
                FileMeta listed = listed(f);
                paths.add(listed.path());
                written += writeNewVersion(listed, id, renames, allocator);
            }
            long removed = 0;
            List<TableLedger.PartFile> holding = TableLedger.partFilesHolding(cfg.output(), paths);
            for (TableLedger.PartFile part : holding) {
                removed += rewriteWithout(part, paths, id, renames, deletes, allocator);
            }
            Path manifest = new Transaction(renames, deletes).commit(cfg.output(), id);
            Transaction.apply(manifest);
            LOG.info(
                    "reingested {}: {} rows removed from {} part files, {} rows written",
                    paths,
                    removed,
                    holding.size(),
                    written);
            return new Result(removed, written, holding.size());
        }
    }

    /** The file as the ingest job names it (a local path becomes its file: URI), with size and time. */
    private static FileMeta listed(String location) throws IOException {
        var storage = io.dltrigger.bridge.io.Storage.forLocation(location);
        var e = storage.stat(location);
        if (e.directory()) {
            throw new IOException(location + " is a folder: reingest takes ROOT files");
        }
        return new FileMeta(e.location(), e.size(), e.modified());
    }

    /** Reads the file's current version in full into a hidden part file; returns its rows. */
    private long writeNewVersion(FileMeta file, String id, List<Transaction.Rename> renames, BufferAllocator allocator)
            throws IOException {
        SplitPlanner planner = new SplitPlanner(
                cfg.tree(),
                cfg.tableSchema().branches(),
                cfg.chunkEvents(),
                new SampleResolver(cfg.samplePattern(), cfg.sample()));
        FilePlan plan = planner.plan(file);
        if (plan instanceof FilePlan.Unreachable u) {
            throw u.error();
        }
        if (plan instanceof FilePlan.Refused r) {
            throw new IOException(file.path() + " cannot be ingested: " + r.reason());
        }
        FilePlan.Chunks c = (FilePlan.Chunks) plan;
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        Path dir = new Path(cfg.output(), EventTableContract.partition(c.sample(), date));
        Path target = new Path(dir, "part-reingest-" + id + "-" + renames.size() + ".parquet");
        Path hidden = new Path(dir, "." + target.getName() + ".tmp");
        Schema schema = cfg.tableSchema().arrowSchema();
        MemberColumns members = new MemberColumns(cfg.tableSchema());
        FileSystem fs = dir.getFileSystem();
        fs.mkdirs(dir);
        long rows = 0;
        try (RootFile root = RootFile.open(file.path());
                FSDataOutputStream out = fs.create(hidden, FileSystem.WriteMode.NO_OVERWRITE)) {
            FileIdentity identity = new FileIdentity(
                    file.path(), root.status().size(), root.status().modified(), root.uuid());
            if (!identity.sameVersion(c.identity())) {
                throw new IOException(file.path() + " changed while it was reingested: run again");
            }
            RootTree tree = root.tree(cfg.tree());
            List<IngestLedger.Entry> ledger = new ArrayList<>();
            try (ArrowParquetWriter parquet =
                    new ArrowParquetWriter(new FlinkOutputFile(out), schema, cfg.compression())) {
                for (EntryRange r : c.ranges()) {
                    try (VectorSchemaRoot branches = tree.read(cfg.tableSchema().branches(), r, allocator);
                            VectorSchemaRoot columns = members.fromBranches(branches, r.size(), allocator);
                            TableBatch batch = new TableBatch(schema, file.path(), r.start(), columns, allocator)) {
                        parquet.write(batch.root());
                    } catch (MemberColumns.ChunkFormatException e) {
                        throw new IOException(file.path() + ": " + e.getMessage(), e);
                    }
                    ledger.add(identity.ledgerEntry(r.start(), r.stop()));
                    rows += r.size();
                }
                parquet.putFooterMetadata(IngestLedger.FOOTER_KEY, IngestLedger.encode(ledger));
            }
        }
        renames.add(new Transaction.Rename(hidden.toString(), target.toString()));
        return rows;
    }

    /** Copies a part file without the rows of {@code paths} to a hidden file; returns the rows left out. */
    private long rewriteWithout(
            TableLedger.PartFile part,
            Set<String> paths,
            String id,
            List<Transaction.Rename> renames,
            List<String> deletes,
            BufferAllocator allocator)
            throws IOException {
        Path original = part.status().getPath();
        List<IngestLedger.Entry> kept = part.entries().stream()
                .filter(e -> !paths.contains(e.sourceFile()))
                .toList();
        long removed = part.entries().stream()
                .filter(e -> paths.contains(e.sourceFile()))
                .mapToLong(e -> e.entryStop() - e.entryStart())
                .sum();
        if (kept.isEmpty()) {
            deletes.add(original.toString());
            return removed;
        }
        FileSystem fs = original.getFileSystem();
        Path hidden = new Path(original.getParent(), "." + original.getName() + "." + id + ".tmp");
        try (ParquetArrowReader in = new ParquetArrowReader(
                        new FlinkInputFile(fs, original, part.status().getLen()), allocator, BATCH_ROWS);
                FSDataOutputStream out = fs.create(hidden, FileSystem.WriteMode.NO_OVERWRITE);
                ArrowParquetWriter parquet =
                        new ArrowParquetWriter(new FlinkOutputFile(out), in.schema(), cfg.compression());
                VectorSchemaRoot keep = VectorSchemaRoot.create(in.schema(), allocator)) {
            while (in.loadNextBatch()) {
                VectorSchemaRoot batch = in.root();
                VarCharVector source = (VarCharVector) batch.getVector(EventTableContract.SOURCE_FILE);
                keep.allocateNew();
                int n = 0;
                for (int i = 0; i < batch.getRowCount(); i++) {
                    if (!paths.contains(new String(source.get(i), java.nio.charset.StandardCharsets.UTF_8))) {
                        for (int v = 0; v < batch.getFieldVectors().size(); v++) {
                            FieldVector to = keep.getVector(v);
                            to.copyFromSafe(i, n, batch.getVector(v));
                        }
                        n++;
                    }
                }
                keep.setRowCount(n);
                if (n > 0) {
                    parquet.write(keep);
                }
            }
            parquet.putFooterMetadata(IngestLedger.FOOTER_KEY, IngestLedger.encode(kept));
        }
        renames.add(new Transaction.Rename(hidden.toString(), original.toString()));
        return removed;
    }
}
