package io.dltrigger.filter.job;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.filter.config.FilterConfig;
import io.dltrigger.filter.model.ModelAnnouncement;
import io.dltrigger.filter.model.ModelWatcherSource;
import io.dltrigger.filter.score.ScoredPart;
import io.dltrigger.filter.score.ScoringFunction;
import io.dltrigger.filter.sink.ScoredTableSink;
import io.dltrigger.filter.table.PartFileSource;
import io.dltrigger.filter.table.ScoringWork;
import java.io.IOException;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The filter job: committed event-table part files -> scoring (features kernel, scaler, model) -> scored table,
 * with the registry watcher broadcast to the scorers. A second job beside ingest, not an operator in it: it reads
 * what ingest committed (so it sees each event exactly as the table holds it), keeps DL4J out of ingest's
 * classpath, and can stop, lag, restart or rescore without touching ingest.
 */
public final class FilterJob {
    public static final String SOURCE_UID = "event-table-parts";
    public static final String WATCHER_UID = "model-registry";
    public static final String SCORER_UID = "scorer";
    public static final String SINK_UID = "scored-table";

    private FilterJob() {}

    /** Job settings derived from the configuration: checkpoints, parallelism, restore point. */
    public static Configuration flinkConfiguration(FilterConfig config) {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, config.parallelism());
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, config.checkpointInterval());
        // aligned exactly-once checkpoints: the model switch relies on barriers being aligned
        conf.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        conf.set(CheckpointingOptions.ENABLE_UNALIGNED, false);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, qualified(config.checkpointDir()));
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        // elements are not changed after emission: chained operators may share them
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        config.restoreFrom().ifPresent(p -> conf.set(StateRecoveryOptions.SAVEPOINT_PATH, p));
        return conf;
    }

    private static String qualified(String path) {
        Path p = new Path(path);
        try {
            return p.makeQualified(p.getFileSystem()).toString();
        } catch (IOException e) {
            throw new ConfigException("checkpoint_dir: cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }

    public static StreamExecutionEnvironment environment(FilterConfig config) {
        return StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration(config));
    }

    /** @param initialVersion the published model to start with (a restored job keeps the one it used) */
    public static void build(StreamExecutionEnvironment env, FilterConfig config, String initialVersion) {
        DataStream<ScoringWork> work = env.fromSource(
                        new PartFileSource(config), WatermarkStrategy.noWatermarks(), SOURCE_UID)
                .uid(SOURCE_UID);
        DataStream<ModelAnnouncement> models = env.fromSource(
                        new ModelWatcherSource(
                                config.registry(),
                                config.model(),
                                initialVersion,
                                config.modelPollInterval(),
                                config.bounded()),
                        WatermarkStrategy.noWatermarks(),
                        WATCHER_UID)
                .uid(WATCHER_UID)
                .setParallelism(1);
        DataStream<ScoredPart> scored = work.connect(models.broadcast())
                .process(new ScoringFunction(config, initialVersion))
                .name(SCORER_UID)
                .uid(SCORER_UID);
        scored.sinkTo(ScoredTableSink.create(config)).name(SINK_UID).uid(SINK_UID);
    }

    public static String jobName(FilterConfig config) {
        return "dltrigger-filter " + (config.bounded() ? "bounded " : "continuous ") + config.model() + " "
                + config.inputs() + " -> " + config.output();
    }
}
