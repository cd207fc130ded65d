package io.dltrigger.ingest.job;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.ingest.config.IngestConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a job on an existing table resumes: the newest complete checkpoint under {@code checkpoint_dir}
 * (a {@code JOBID/chk-N} folder with its {@code _metadata}), newest by the time its metadata was written,
 * since checkpoint numbers restart with each fresh job. Checkpoint folders without metadata (a crash while
 * one was written) are deleted first. One job per table: the folder is assumed not to be in use.
 */
public final class RestorePoint {
    private static final Logger LOG = LoggerFactory.getLogger(RestorePoint.class);

    private RestorePoint() {}

    /** A checkpoint folder and when its metadata was written. */
    record Checkpoint(Path folder, long completed) {}

    /**
     * The configuration to run: as given if it names a restore point or {@code resume} is false (the checkpoint
     * folder is then not touched); otherwise resuming from the newest complete checkpoint, if there is one.
     */
    public static IngestConfig resolve(IngestConfig cfg, boolean resume) {
        if (cfg.restoreFrom().isPresent() || !resume) {
            return cfg;
        }
        Optional<String> newest = newestComplete(cfg.checkpointDir());
        if (newest.isEmpty()) {
            return cfg;
        }
        LOG.info("resuming from the newest complete checkpoint {}", newest.get());
        return cfg.withRestoreFrom(newest.get());
    }

    /**
     * The newest complete checkpoint under a checkpoint folder (any job that keeps its checkpoints there, e.g. the
     * stream filter's), after deleting the incomplete ones.
     */
    public static Optional<String> newestComplete(String checkpointDir) {
        List<Checkpoint> complete;
        try {
            complete = scan(checkpointDir);
        } catch (IOException e) {
            throw new ConfigException("checkpoint_dir: cannot read " + checkpointDir + ": " + e.getMessage(), e);
        }
        return complete.stream()
                .max(java.util.Comparator.comparingLong(Checkpoint::completed))
                .map(c -> c.folder().toString());
    }

    /** Complete checkpoints under the folder; incomplete ones are deleted on the way. */
    static List<Checkpoint> scan(String checkpointDir) throws IOException {
        Path root = new Path(checkpointDir);
        FileSystem fs = root.getFileSystem();
        List<Checkpoint> complete = new ArrayList<>();
        if (!fs.exists(root)) {
            return complete;
        }
        for (FileStatus job : list(fs, root)) {
            if (!job.isDir()) {
                continue;
            }
            for (FileStatus chk : list(fs, job.getPath())) {
                if (!chk.isDir() || !chk.getPath().getName().startsWith("chk-")) {
                    continue;
                }
                Path metadata = new Path(chk.getPath(), "_metadata");
                if (fs.exists(metadata)) {
                    complete.add(new Checkpoint(
                            chk.getPath(), fs.getFileStatus(metadata).getModificationTime()));
                } else if (fs.delete(chk.getPath(), true)) {
                    LOG.info("deleted incomplete checkpoint {}", chk.getPath());
                }
            }
        }
        return complete;
    }

    private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
        FileStatus[] s = fs.listStatus(dir);
        return s == null ? new FileStatus[0] : s;
    }
}
