package io.dltrigger.filter.config;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.training.model.ModelKind;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Everything the filter job needs, validated on construction so that a bad value fails before any Flink job starts,
 * with a message naming the key. Table paths are Flink paths ({@code file:}, {@code hdfs:}, {@code s3:}, or a plain
 * local path); the model registry is a local (or mounted shared) folder, as DL4J reads models from files.
 *
 * @param inputs event tables (the {@code --output} of {@code ingest}), watched for newly committed part files
 * @param output the scored table
 * @param model the kind of the published model to score with
 * @param modelPollInterval how often the registry's pointer is read for a newly published model
 * @param batchSize events per network call
 */
public record FilterConfig(
        List<String> inputs,
        String output,
        String registry,
        ModelKind model,
        String checkpointDir,
        Optional<String> restoreFrom,
        boolean bounded,
        int parallelism,
        Duration checkpointInterval,
        Duration discoveryInterval,
        Duration modelPollInterval,
        int batchSize,
        CompressionCodecName compression)
        implements Serializable {

    public FilterConfig {
        if (inputs == null || inputs.isEmpty()) {
            throw new ConfigException("input: at least one event table is required");
        }
        inputs = List.copyOf(inputs);
        require(output != null && !output.isBlank(), "output: the scored table's path is required");
        require(registry != null && !registry.isBlank(), "registry: the model registry's path is required");
        require(model != null, "model: HLF, SEQUENCE or INCLUSIVE");
        require(checkpointDir != null && !checkpointDir.isBlank(), "checkpoint_dir: a path is required");
        require(parallelism > 0, "parallelism: must be positive, got " + parallelism);
        require(positive(checkpointInterval), "checkpoint_interval: must be positive, got " + checkpointInterval);
        require(positive(discoveryInterval), "discovery_interval: must be positive, got " + discoveryInterval);
        require(positive(modelPollInterval), "model_poll_interval: must be positive, got " + modelPollInterval);
        require(batchSize > 0, "batch_size: must be positive, got " + batchSize);
        require(compression != null, "compression: required");
        for (String in : inputs) {
            require(
                    !sameFolder(in, output),
                    "output: the scored table must not be an input event table (" + output + ")");
        }
    }

    public FilterConfig withRestoreFrom(String path) {
        return new FilterConfig(
                inputs,
                output,
                registry,
                model,
                checkpointDir,
                Optional.of(path),
                bounded,
                parallelism,
                checkpointInterval,
                discoveryInterval,
                modelPollInterval,
                batchSize,
                compression);
    }

    private static boolean sameFolder(String a, String b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ConfigException(message);
        }
    }
}
