package io.dltrigger.ingest.sink;

import java.io.IOException;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the hidden in-progress part files ({@code .part-*.inprogress.*}, {@code .quarantine-*.inprogress.*})
 * that a crashed run left in the table and the dead-letter table. Run once a restored job has completed a
 * checkpoint: by then the part files its checkpoint still referenced are committed (Flink's committer does
 * that when it starts), so an in-progress file older than this job belongs to no one.
 */
public final class StaleFiles {
    private static final Logger LOG = LoggerFactory.getLogger(StaleFiles.class);

    private StaleFiles() {}

    /** Deletes in-progress files modified before {@code before} (ms) under the folders; returns how many. */
    public static int delete(long before, String... folders) throws IOException {
        int files = 0;
        long bytes = 0;
        for (String folder : folders) {
            Path root = new Path(folder);
            FileSystem fs = root.getFileSystem();
            if (!fs.exists(root)) {
                continue;
            }
            long[] counts = walk(fs, root, before, true);
            files += (int) counts[0];
            bytes += counts[1];
        }
        if (files > 0) {
            LOG.info("deleted {} in-progress files ({} bytes) left by earlier runs", files, bytes);
        }
        return files;
    }

    private static long[] walk(FileSystem fs, Path dir, long before, boolean top) throws IOException {
        long[] counts = {0, 0};
        FileStatus[] children = fs.listStatus(dir);
        if (children == null) {
            return counts;
        }
        for (FileStatus c : children) {
            String name = c.getPath().getName();
            if (c.isDir()) {
                // checkpoints and the ledger's own folders are not the sink's
                if (!(top && name.startsWith("_"))) {
                    long[] sub = walk(fs, c.getPath(), before, false);
                    counts[0] += sub[0];
                    counts[1] += sub[1];
                }
            } else if (isInProgress(name) && c.getModificationTime() < before) {
                if (fs.delete(c.getPath(), false)) {
                    counts[0]++;
                    counts[1] += c.getLen();
                }
            }
        }
        return counts;
    }

    /** Flink's FileSink names an unfinished part file {@code .PREFIX-...SUFFIX.inprogress.UUID}. */
    static boolean isInProgress(String name) {
        return name.startsWith(".") && name.contains(".inprogress.");
    }
}
