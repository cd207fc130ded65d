package io.dltrigger.ingest.cli;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.ingest.config.IngestConfig;
import io.dltrigger.ingest.config.IngestSettings;
import io.dltrigger.ingest.job.IngestJob;
import io.dltrigger.ingest.job.InputCheck;
import io.dltrigger.ingest.job.RemoteSubmission;
import io.dltrigger.ingest.job.RestorePoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ingest}: runs the job until the input is done (bounded) or until cancelled (continuous). */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Stream ROOT files into the Parquet event table (Flink; local MiniCluster by default,",
            "or the cluster of `flink run`). Options override the configuration file."
        })
final class IngestCommand implements Callable<Integer> {
    @Option(
            names = "--input",
            arity = "1..*",
            paramLabel = "PATH",
            description = "Directories or files to read (a local path, file:, root://, https://, hdfs:, s3:).")
    List<String> input;

    @Option(names = "--output", paramLabel = "PATH", description = "The event table's root folder.")
    String output;

    @Option(names = "--bounded", description = "Read what is there now, then stop (default: watch forever).")
    boolean bounded;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "YAML configuration (default: conf/ingest.yaml under the DLTrigger home, if present).")
    Path config;

    @Option(
            names = "--quarantine",
            paramLabel = "PATH",
            description = "Dead-letter table (default: OUTPUT/_quarantine).")
    String quarantine;

    @Option(
            names = "--checkpoint-dir",
            paramLabel = "PATH",
            description = "Checkpoints (default: OUTPUT/_checkpoints).")
    String checkpointDir;

    @Option(
            names = "--from-checkpoint",
            paramLabel = "PATH",
            description = "Resume from this checkpoint (.../chk-N) or savepoint"
                    + " (default: the newest complete checkpoint under the checkpoint folder, if any).")
    String fromCheckpoint;

    @Option(
            names = "--no-resume",
            description = "Start without restoring a checkpoint (the table's ledger still skips what it holds).")
    boolean noResume;

    @Option(
            names = "--quiet-period",
            paramLabel = "DURATION",
            description = "Read a file only once unmodified for this long (for writers that cannot rename).")
    String quietPeriod;

    @Option(names = "--parallelism", paramLabel = "N")
    Integer parallelism;

    @Option(names = "--chunk-events", paramLabel = "N", description = "Target entries per chunk.")
    Long chunkEvents;

    @Option(names = "--checkpoint-interval", paramLabel = "DURATION")
    String checkpointInterval;

    @Option(names = "--discovery-interval", paramLabel = "DURATION")
    String discoveryInterval;

    @Option(
            names = "--sample",
            paramLabel = "NAME",
            description = "Sample name for every input file " + "(default: from the file name by sample-pattern).")
    String sample;

    @Option(
            names = "--flink-target",
            paramLabel = "HOST:PORT",
            description = "Submit to the Flink cluster whose REST endpoint this is ('local', the default: run on a"
                    + " local MiniCluster); the job's jars are shipped with it.")
    String flinkTarget;

    @Option(
            names = "--sample-pattern",
            paramLabel = "REGEX",
            description = "Regex on the file name whose first group is the sample (overrides sample_pattern).")
    String samplePattern;

    @Option(
            names = "--detached",
            description = "With --flink-target: print the job id once the job is submitted and return.")
    boolean detached;

    @Override
    public Integer call() throws Exception {
        if ("local".equals(flinkTarget)) {
            flinkTarget = null; // what a deployment profile names for "this machine"
        }
        IngestConfig cfg = RestorePoint.resolve(settings().toConfig(), !noResume);
        InputCheck.check(cfg);
        if (detached && flinkTarget == null) {
            throw new ConfigException("--detached needs --flink-target");
        }
        StreamExecutionEnvironment env = flinkTarget == null
                ? IngestJob.environment(cfg)
                : RemoteSubmission.environment(RemoteSubmission.Target.parse(flinkTarget), cfg);
        IngestJob.build(env, cfg);
        System.err.println("ingest: " + IngestJob.jobName(cfg) + "; checkpoints in " + cfg.checkpointDir()
                + ", quarantine in " + cfg.quarantine()
                + cfg.restoreFrom().map(p -> "; resuming from " + p).orElse("")
                + (flinkTarget == null ? "" : "; on " + flinkTarget));
        if (detached) {
            JobClient job = env.executeAsync(IngestJob.jobName(cfg));
            System.out.println("submitted job " + job.getJobID() + " to " + flinkTarget);
            return 0;
        }
        env.execute(IngestJob.jobName(cfg));
        TaskIo.fromEnvironment().output(Map.of("event_table", cfg.output(), "bounded", cfg.bounded()));
        return 0;
    }

    IngestSettings settings() {
        Path file = config;
        if (file == null) {
            Path home = Path.of(System.getProperty("dltrigger.home", "."), "conf", "ingest.yaml");
            file = Files.isRegularFile(home) ? home : null;
        } else if (!Files.isRegularFile(file)) {
            throw new ConfigException("--config: no such file " + file);
        }
        IngestSettings s = IngestSettings.load(file);
        if (input != null) {
            s.input = input;
        }
        if (output != null) {
            s.output = output;
        }
        s.bounded |= bounded;
        if (quarantine != null) {
            s.quarantine = quarantine;
        }
        if (checkpointDir != null) {
            s.checkpointDir = checkpointDir;
        }
        s.restoreFrom = fromCheckpoint;
        if (parallelism != null) {
            s.parallelism = parallelism;
        }
        if (chunkEvents != null) {
            s.chunkEvents = chunkEvents;
        }
        if (checkpointInterval != null) {
            s.checkpointInterval = checkpointInterval;
        }
        if (discoveryInterval != null) {
            s.discoveryInterval = discoveryInterval;
        }
        if (quietPeriod != null) {
            s.quietPeriod = quietPeriod;
        }
        if (sample != null && !sample.isEmpty()) { // empty: not given (a DAG's default)
            s.sample = sample;
        }
        if (samplePattern != null && !samplePattern.isEmpty()) {
            s.samplePattern = samplePattern;
        }
        return s;
    }
}
