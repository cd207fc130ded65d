package io.dltrigger.features.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.spark.internal.io.FileCommitProtocol;
import org.apache.spark.sql.execution.datasources.SQLHadoopMapReduceCommitProtocol;

/**
 * Spark's commit protocol, except that while {@link #ARMED}, the first task to commit a write under a folder
 * named {@link #FOLDER} fails: it has processed all its rows by then, and Spark runs it again (a node or
 * disk failing as the task ends, as on a cluster). Set with {@code spark.sql.sources.commitProtocolClass}.
 */
public final class FailOnceCommitProtocol extends SQLHadoopMapReduceCommitProtocol {
    public static final String FOLDER = "selected.stage";
    /** Tasks failed so far. */
    public static final AtomicInteger FAILED = new AtomicInteger();
    /** How many more task commits to fail. */
    public static final AtomicInteger ARMED = new AtomicInteger();

    private final String path;

    public FailOnceCommitProtocol(String jobId, String path, boolean dynamicPartitionOverwrite) {
        super(jobId, path, dynamicPartitionOverwrite);
        this.path = path;
    }

    @Override
    public FileCommitProtocol.TaskCommitMessage commitTask(TaskAttemptContext context) {
        if (path.endsWith("/" + FOLDER) && ARMED.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            FAILED.incrementAndGet();
            throw new UncheckedIOException(new IOException("injected: the task failed as it committed"));
        }
        return super.commitTask(context);
    }
}
