package io.dltrigger.filter.cli;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.filter.config.FilterConfig;
import io.dltrigger.filter.config.FilterSettings;
import io.dltrigger.filter.job.FilterJob;
import io.dltrigger.filter.model.PublishedModels;
import io.dltrigger.ingest.config.SettingValues;
import io.dltrigger.ingest.job.RestorePoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code filter}: runs the filter job until the input is done (bounded) or until cancelled (continuous). */
@Command(
        name = "filter",
        mixinStandardHelpOptions = true,
        description = {
            "Score the event table with the registry's published model as ingest commits it (Flink; local",
            "MiniCluster by default), into the scored table, exactly once; a newly published model is taken at a",
            "checkpoint without a restart. Options override the configuration file."
        })
final class FilterCommand implements Callable<Integer> {
    @Option(
            names = "--input",
            arity = "1..*",
            paramLabel = "DIR",
            description = "Event tables to score: the --output of ingest (watched for newly committed part files).")
    List<String> input;

    @Option(names = "--registry", paramLabel = "DIR", description = "The model registry (the registry of train).")
    String registry;

    @Option(names = "--output", paramLabel = "DIR", description = "The scored table's root folder.")
    String output;

    @Option(names = "--bounded", description = "Score what the tables hold now, then stop (default: watch forever).")
    boolean bounded;

    @Option(names = "--model", paramLabel = "KIND", description = "HLF (default), SEQUENCE or INCLUSIVE.")
    String model;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML configuration (default: conf/filter.yaml under the DLTrigger home, if present).")
    Path config;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Checkpoints (default: OUTPUT/_checkpoints).")
    String checkpointDir;

    @Option(
            names = "--from-checkpoint",
            paramLabel = "PATH",
            description = "Resume from this checkpoint (.../chk-N) or savepoint"
                    + " (default: the newest complete checkpoint under the checkpoint folder, if any).")
    String fromCheckpoint;

    @Option(
            names = "--no-resume",
            description = "Start without restoring a checkpoint (the scored table's ledger still skips what it holds).")
    boolean noResume;

    @Option(
            names = "--wait-for-model",
            paramLabel = "DURATION",
            description = "Wait this long for a published model of the kind before giving up (default: give up"
                    + " at once).")
    String waitForModel;

    @Option(names = "--parallelism", paramLabel = "N")
    Integer parallelism;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION")
    String checkpointInterval;

    @Option(names = "--discovery-interval", paramLabel = "DURATION")
    String discoveryInterval;

    @Option(names = "--model-poll-interval", paramLabel = "DURATION")
    String modelPollInterval;

    @Option(names = "--batch-size", paramLabel = "N", description = "Selected events per network call.")
    Integer batchSize;

    @Override
    public Integer call() throws Exception {
        FilterConfig cfg = settings().toConfig();
        if (cfg.restorePoint().isEmpty() && !noResume) {
            Optional<String> newest = RestorePoint.newestComplete(cfg.checkpointDir());
            if (newest.isPresent()) {
                cfg = cfg.withRestoreFrom(newest.get());
            }
        }
        if (cfg.bounded()) {
            for (String in : cfg.inputs()) {
                if (!exists(in)) {
                    throw new ConfigException("input: no event table at " + in);
                }
            }
        }
        String version = publishedModel(cfg);
        StreamExecutionEnvironment env = FilterJob.environment(cfg);
        FilterJob.build(env, cfg, version);
        System.err.println("filter: " + FilterJob.jobName(cfg) + " with " + cfg.model() + " model " + version
                + " (unless the restored state names another); checkpoints in " + cfg.checkpointDir()
                + cfg.restorePoint().map(p -> "; resuming from " + p).orElse(""));
        env.execute(FilterJob.jobName(cfg));
        return 0;
    }

    /** The registry's published version of the kind, waiting up to --wait-for-model for one to appear. */
    private String publishedModel(FilterConfig cfg) throws InterruptedException {
        Duration wait = waitForModel == null ? Duration.ZERO : SettingValues.duration("--wait-for-model", waitForModel);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            Optional<String> v = PublishedModels.current(Path.of(cfg.registry()), cfg.model());
            if (v.isPresent()) {
                return v.get();
            }
            if (System.nanoTime() >= deadline) {
                throw new ConfigException("registry: no published " + cfg.model() + " model in " + cfg.registry()
                        + " (publish one: bin/dltrigger train --publish, or bin/dltrigger publish)");
            }
            if (!told) {
                System.err.println("filter: waiting up to " + waitForModel + " for a published " + cfg.model()
                        + " model in " + cfg.registry());
                told = true;
            }
            Thread.sleep(Math.min(2_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    private static boolean exists(String path) throws IOException {
        org.apache.flink.core.fs.Path p = new org.apache.flink.core.fs.Path(path);
        return p.getFileSystem().exists(p);
    }

    FilterSettings settings() {
        Path file = config;
        if (file == null) {
            Path home = Path.of(System.getProperty("dltrigger.home", "."), "conf", "filter.yaml");
            file = Files.isRegularFile(home) ? home : null;
        } else if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config: no such file " + file);
        }
        FilterSettings s = FilterSettings.load(file);
        if (input != null) {
            s.input = input;
        }
        if (registry != null) {
            s.registry = registry;
        }
        if (output != null) {
            s.output = output;
        }
        s.bounded |= bounded;
        if (model != null) {
            s.model = model;
        }
        if (checkpointDir != null) {
            s.checkpointDir = checkpointDir;
        }
        s.restoreFrom = fromCheckpoint;
        if (parallelism != null) {
            s.parallelism = parallelism;
        }
        if (checkpointInterval != null) {
            s.checkpointInterval = checkpointInterval;
        }
        if (discoveryInterval != null) {
            s.discoveryInterval = discoveryInterval;
        }
        if (modelPollInterval != null) {
            s.modelPollInterval = modelPollInterval;
        }
        if (batchSize != null) {
            s.batchSize = batchSize;
        }
        return s;
    }
}
