package io.dltrigger.ingest.config;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.ingest.table.EventTableSchema;
import io.dltrigger.ingest.table.MemberColumn;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Everything the ingest job needs, validated on construction so that a bad value fails before any Flink
 * job starts, with a message naming the key. Paths are Flink paths ({@code file:}, {@code hdfs:},
 * {@code s3:}, or a plain local path).
 *
 * @param samplePattern regex on the ROOT file name whose first group is the sample name, used unless
 *     {@code sample} is set
 * @param quietPeriod how long a file must be unmodified before it is read; zero relies on the
 *     rename-into-place convention alone
 * @param storageRetryTimeout how long a storage failure (file gone, server down) is retried before the
 *     chunk, or in bounded mode the file, is recorded as unavailable
 */
public record IngestConfig(
        List<String> inputs,
        String output,
        String quarantine,
        String checkpointDir,
        Optional<String> restoreFrom,
        boolean bounded,
        String tree,
        List<MemberColumn> columns,
        long chunkEvents,
        int parallelism,
        Duration checkpointInterval,
        Duration discoveryInterval,
        Duration quietPeriod,
        Duration storageRetryTimeout,
        String samplePattern,
        Optional<String> sample,
        CompressionCodecName compression)
        implements Serializable {

    private static final Pattern SAMPLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public IngestConfig {
        if (inputs == null || inputs.isEmpty()) {
            throw new ConfigException("input: at least one input path is required");
        }
        inputs = List.copyOf(inputs);
        require(output != null && !output.isBlank(), "output: an output path is required");
        require(quarantine != null && !quarantine.isBlank(), "quarantine: a path is required");
        require(checkpointDir != null && !checkpointDir.isBlank(), "checkpoint_dir: a path is required");
        require(tree != null && !tree.isBlank(), "tree: a tree name is required");
        require(columns != null && !columns.isEmpty(), "collections: at least one collection member is required");
        columns = List.copyOf(columns);
        require(chunkEvents > 0, "chunk_events: must be positive, got " + chunkEvents);
        require(parallelism > 0, "parallelism: must be positive, got " + parallelism);
        require(positive(checkpointInterval), "checkpoint_interval: must be positive, got " + checkpointInterval);
        require(positive(discoveryInterval), "discovery_interval: must be positive, got " + discoveryInterval);
        require(quietPeriod != null && !quietPeriod.isNegative(), "quiet_period: must not be negative");
        require(positive(storageRetryTimeout), "storage_retry_timeout: must be positive, got " + storageRetryTimeout);
        try {
            if (Pattern.compile(samplePattern).matcher("").groupCount() < 1) {
                throw new ConfigException("sample_pattern: '" + samplePattern + "' needs a group, e.g. ^([a-z]+)_");
            }
        } catch (PatternSyntaxException | NullPointerException e) {
            throw new ConfigException("sample_pattern: not a regular expression: " + samplePattern, e);
        }
        sample.ifPresent(s -> require(
                SAMPLE_NAME.matcher(s).matches(),
                "sample: '" + s + "' is not a valid partition value (letters, digits, _ . -)"));
        require(compression != null, "compression: required");
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }

    /** The same job, resuming from a checkpoint or savepoint. */
    public IngestConfig withRestoreFrom(String path) {
        return new IngestConfig(
                inputs,
                output,
                quarantine,
                checkpointDir,
                Optional.of(path),
                bounded,
                tree,
                columns,
                chunkEvents,
                parallelism,
                checkpointInterval,
                discoveryInterval,
                quietPeriod,
                storageRetryTimeout,
                samplePattern,
                sample,
                compression);
    }

    public EventTableSchema tableSchema() {
        return new EventTableSchema(columns);
    }

    /** Names a sample is allowed to have as a partition value. */
    public static boolean validSampleName(String s) {
        return SAMPLE_NAME.matcher(s).matches();
    }
}
