package io.dltrigger.ingest.source.enumerate;

import io.dltrigger.bridge.io.Storage;
import io.dltrigger.bridge.io.StorageEntry;
import io.dltrigger.bridge.io.StorageException;
import io.dltrigger.ingest.source.split.FileMeta;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Finds complete ROOT files under the input paths, recursively: local paths, {@code file:},
 * {@code root://} (XRootD) and {@code https://} (WebDAV) through arrow-bridge's storage layer, any other
 * scheme ({@code hdfs:}, {@code s3:}) through Flink's file systems.
 *
 * <p>Completeness convention: a writer creates the file under a hidden or non-{@code .root} name
 * ({@code .NAME.root.inprogress}, {@code NAME.root.tmp}, ...) and renames it to {@code NAME.root} when
 * closed, so a visible {@code *.root} name means a complete file. Names (files or folders) starting with
 * {@code .} or {@code _} are ignored. Where writers cannot rename, a quiet period makes a file wait
 * until it has not been modified for that long.
 */
public final class RootFileDiscovery implements Serializable {
    private final List<String> inputs;
    private final long quietPeriodMillis;

    public RootFileDiscovery(List<String> inputs, Duration quietPeriod) {
        this.inputs = List.copyOf(inputs);
        this.quietPeriodMillis = quietPeriod.toMillis();
    }

    /** Complete ROOT files, oldest first (then by path), so that files are ingested in arrival order. */
    public List<FileMeta> completeFiles() {
        long cutoff = System.currentTimeMillis() - quietPeriodMillis;
        List<FileMeta> found = new ArrayList<>();
        for (String input : inputs) {
            try {
                if (usesStorageLayer(input)) {
                    Storage storage = Storage.forLocation(input);
                    collect(storage, storage.stat(input), true, cutoff, found);
                } else {
                    Path path = new Path(input);
                    FileSystem fs = path.getFileSystem();
                    if (!fs.exists(path)) {
                        throw new IOException("input path " + input + " does not exist");
                    }
                    collect(fs, fs.getFileStatus(path), true, cutoff, found);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list input path " + input + ": " + e.getMessage(), e);
            }
        }
        found.sort(Comparator.comparingLong(FileMeta::modified).thenComparing(FileMeta::path));
        return found;
    }

    /** Local paths and the protocols Flink cannot list (XRootD, HTTP) go through arrow-bridge's storage. */
    public static boolean usesStorageLayer(String input) {
        String scheme = Storage.scheme(input);
        return scheme.isEmpty() || scheme.equals("file") || Storage.isRemoteProtocol(input);
    }

    private void collect(Storage storage, StorageEntry entry, boolean root, long cutoff, List<FileMeta> found)
            throws IOException {
        if (!root && ignored(entry.name())) {
            return;
        }
        if (entry.directory()) {
            List<StorageEntry> children;
            try {
                children = storage.list(entry.location());
            } catch (StorageException e) {
                if (e.kind() == StorageException.Kind.NOT_FOUND && !root) {
                    return; // a folder removed while listing
                }
                throw e;
            }
            for (StorageEntry child : children) {
                collect(storage, child, false, cutoff, found);
            }
        } else if (isCompleteName(entry.name()) && quiet(entry.modified(), cutoff)) {
            found.add(new FileMeta(entry.location(), entry.size(), entry.modified()));
        }
    }

    private void collect(FileSystem fs, FileStatus status, boolean root, long cutoff, List<FileMeta> found)
            throws IOException {
        String name = status.getPath().getName();
        if (!root && ignored(name)) {
            return;
        }
        if (status.isDir()) {
            FileStatus[] children = fs.listStatus(status.getPath());
            if (children != null) {
                for (FileStatus child : children) {
                    collect(fs, child, false, cutoff, found);
                }
            }
        } else if (isCompleteName(name) && quiet(status.getModificationTime(), cutoff)) {
            found.add(new FileMeta(
                    status.getPath().makeQualified(fs).toString(), status.getLen(), status.getModificationTime()));
        }
    }

    private boolean quiet(long modified, long cutoff) {
        return quietPeriodMillis == 0 || modified <= cutoff;
    }

    private static boolean ignored(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }

    /** Whether a file name, by the convention above, names a complete ROOT file. */
    public static boolean isCompleteName(String name) {
        return name.endsWith(".root") && !ignored(name);
    }
}
