package io.dltrigger.engine.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.store.Store;
import io.dltrigger.engine.tasks.Attempt;
import io.dltrigger.engine.tasks.ProcessRunner;
import io.dltrigger.engine.tasks.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps supervised streaming jobs alive: a job whose process died is started again from its newest
 * retained checkpoint, up to its restart limit. Its state is in the store, so a restarted engine carries
 * on watching the jobs the previous one started.
 */
final class Supervisor {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final ProcessRunner processes;

    Supervisor(Store store, ProcessRunner processes) {
        this.store = store;
        this.processes = processes;
    }

    /** The command of a job, as stored. */
    static String commandJson(ProcessSpec spec, Map<String, String> taskEnv) {
        Map<String, String> env = new LinkedHashMap<>(taskEnv);
        env.putAll(spec.env());
        return JSON.createObjectNode()
                .<com.fasterxml.jackson.databind.node.ObjectNode>set("argv", JSON.valueToTree(spec.argv()))
                .set("env", JSON.valueToTree(env))
                .toString();
    }

    void check() {
        for (SupervisedJob job : store.supervisedJobs().inState(SupervisedJob.State.RUNNING)) {
            if (ProcessRunner.live(job.pid(), job.pidStartedAt()).isPresent()) {
                continue;
            }
            Attempt a = new Attempt(job.taskInstanceId(), 0, job.taskId(), Path.of(job.logPath()));
            if (job.restarts() >= job.maxRestarts()) {
                ProcessRunner.appendLog(
                        a,
                        "[engine] " + Instant.now() + " supervised job died; giving up after " + job.restarts()
                                + " restarts\n");
                store.supervisedJobs()
                        .update(
                                job.withState(SupervisedJob.State.GAVE_UP),
                                "supervised job died; gave up after " + job.restarts() + " restarts");
                LOG.error(
                        "supervised job {} of {} died; gave up after {} restarts",
                        job.taskId(),
                        job.dagId(),
                        job.restarts());
                continue;
            }
            // The wrapper is gone but the job's session may still hold processes: never run the job twice.
            io.dltrigger.engine.tasks.ProcessTree.kill(job.pid(), java.time.Duration.ofSeconds(5));
            try {
                JsonNode cmd = JSON.readTree(job.command());
                List<String> argv = new ArrayList<>();
                cmd.get("argv").forEach(x -> argv.add(x.asText()));
                Map<String, String> env = new LinkedHashMap<>();
                cmd.get("env")
                        .fields()
                        .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
                Optional<Path> checkpoint = latestCheckpoint(job.checkpointDir());
                checkpoint.ifPresent(c -> argv.addAll(List.of(job.restoreArg(), c.toString())));
                ProcessHandle h = processes.start(
                        a,
                        new ProcessSpec(argv, env),
                        Map.of(),
                        "restart " + (job.restarts() + 1) + " of supervised job " + job.taskId()
                                + checkpoint.map(c -> " from checkpoint " + c).orElse(" (no checkpoint yet)"));
                SupervisedJob next = job.restarted(h.pid(), ProcessRunner.startMillis(h));
                store.supervisedJobs()
                        .update(next, "supervised: running (pid " + h.pid() + "), restarts " + next.restarts());
                LOG.warn(
                        "supervised job {} of {} died; restarted as pid {}{}",
                        job.taskId(),
                        job.dagId(),
                        h.pid(),
                        checkpoint.map(c -> " from " + c).orElse(""));
            } catch (IOException e) {
                LOG.error("cannot restart supervised job {} of {}", job.taskId(), job.dagId(), e);
            }
        }
    }

    /** The newest retained Flink checkpoint (a {@code chk-N} folder holding {@code _metadata}) under {@code dir}. */
    static Optional<Path> latestCheckpoint(String dir) {
        if (dir == null || !Files.isDirectory(Path.of(dir))) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.walk(Path.of(dir), 3)) {
            return s.filter(p -> p.getFileName().toString().matches("chk-\\d+")
                            && Files.isRegularFile(p.resolve("_metadata")))
                    .max(Comparator.comparingLong(Supervisor::metadataTime));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static long metadataTime(Path chk) {
        try {
            return Files.getLastModifiedTime(chk.resolve("_metadata")).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
