package io.dltrigger.ingest.reingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A change to committed part files, made crash-safe by a manifest: every new file is first written under a
 * hidden name; the manifest ({@code TABLE/_ledger/txn-ID.json}) listing the renames and deletions is then
 * written (temporary name, then rename: the commit point); then the renames and deletions are done and the
 * manifest removed. A crash before the commit point leaves only hidden files (the table unchanged); after
 * it, {@link #recover} finishes the work on the next start. Readers listing the table while the renames run
 * may see some done and some not: the change is atomic against crashes, not isolated from readers.
 */
record Transaction(List<Rename> renames, List<String> deletes) {
    /** Move a hidden file into place (replacing the file there, if any). */
    record Rename(String from, String to) {}

    static final String FOLDER = "_ledger";
    private static final Logger LOG = LoggerFactory.getLogger(Transaction.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes the manifest: from here on the change happens, now or at the next {@link #recover}. */
    Path commit(String table, String id) throws IOException {
        Path dir = new Path(table, FOLDER);
        FileSystem fs = dir.getFileSystem();
        fs.mkdirs(dir);
        Path tmp = new Path(dir, ".txn-" + id + ".json.tmp");
        try (OutputStream out = fs.create(tmp, FileSystem.WriteMode.NO_OVERWRITE)) {
            JSON.writeValue(out, this);
        }
        Path manifest = new Path(dir, "txn-" + id + ".json");
        if (!fs.rename(tmp, manifest)) {
            throw new IOException("cannot commit " + manifest);
        }
        return manifest;
    }

    /** Carries out the renames and deletions (those not done yet), then removes the manifest. */
    static void apply(Path manifest) throws IOException {
        FileSystem fs = manifest.getFileSystem();
        Transaction t;
        try (InputStream in = fs.open(manifest)) {
            t = JSON.readValue(in, Transaction.class);
        }
        for (Rename r : t.renames()) {
            Path from = new Path(r.from());
            Path to = new Path(r.to());
            if (!fs.exists(from)) {
                continue; // done before a crash
            }
            // a rename replaces the target on a local (POSIX) file system; HDFS refuses: delete it first
            if (fs.isDistributedFS()) {
                fs.delete(to, false);
            }
            if (!fs.rename(from, to)) {
                throw new IOException("cannot move " + from + " to " + to);
            }
        }
        for (String d : t.deletes()) {
            fs.delete(new Path(d), false);
        }
        fs.delete(manifest, false);
    }

    /** Finishes the changes whose manifest was committed when a reingest stopped. */
    static int recover(String table) throws IOException {
        Path dir = new Path(table, FOLDER);
        FileSystem fs = dir.getFileSystem();
        if (!fs.exists(dir)) {
            return 0;
        }
        int n = 0;
        for (FileStatus s : fs.listStatus(dir)) {
            String name = s.getPath().getName();
            if (name.startsWith("txn-") && name.endsWith(".json")) {
                LOG.info("finishing the reingest committed in {}", s.getPath());
                apply(s.getPath());
                n++;
            }
        }
        return n;
    }
}
