package io.dltrigger.engine.executor;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.launch.Launchers;
import io.dltrigger.engine.launch.ProcessRunner;
import io.dltrigger.engine.launch.ProcessSpec;
import io.dltrigger.engine.launch.ProcessTree;
import io.dltrigger.engine.launch.RestartStrategy;
import io.dltrigger.engine.launch.TryFiles;
import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.store.AssetRepository;
import io.dltrigger.engine.store.SupervisedJobRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps supervised streaming jobs alive: a job whose process died is started again, as its task type's
 * {@link RestartStrategy} says (a Flink job from its newest retained checkpoint), up to its restart limit.
 * Jobs are in the store, so a restarted engine carries on watching the jobs the previous one started.
 */
final class Supervisor {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A dead job's session may still hold processes: they get this long after SIGTERM before SIGKILL. */
    private static final Duration RESTART_KILL_GRACE = Duration.ofSeconds(5);

    private final SupervisedJobRepository jobs;
    private final AssetRepository assets;
    private final Launchers launchers;
    private final ProcessRunner processes;
    private final Duration killGrace;
    private final Executor background;

    /** {@code background} runs the stops of replaced jobs, which wait for their process trees to die. */
    Supervisor(
            SupervisedJobRepository jobs,
            AssetRepository assets,
            Launchers launchers,
            Duration killGrace,
            Executor background) {
        this.jobs = jobs;
        this.assets = assets;
        this.launchers = launchers;
        this.processes = new ProcessRunner(killGrace);
        this.killGrace = killGrace;
        this.background = background;
    }

    /**
     * Starts supervising the job of a task that just succeeded, stopping the job of an older run of that task;
     * each commit of the job (a Flink checkpoint) updates {@code outlets}.
     */
    void supervise(SupervisedJob job, String runKey, List<String> outlets) {
        if (!outlets.isEmpty()) {
            assets.watch(job.taskInstanceId(), outlets);
        }
        for (SupervisedJob old : jobs.supervise(job)) {
            LOG.info(
                    "stopping supervised job {} of {} (pid {}): replaced by run {}",
                    old.taskId(),
                    old.dagId(),
                    old.pid(),
                    runKey);
            background.execute(() -> launchers
                    .restartStrategy(old.taskType())
                    .ifPresentOrElse(
                            r -> r.stop(old, killGrace),
                            () -> ProcessRunner.live(old.pid(), old.pidStartedAt())
                                    .ifPresent(h -> ProcessTree.kill(h.pid(), killGrace))));
        }
    }

    /** Restarts the jobs whose process died, or gives up on those that reached their restart limit. */
    void check() {
        for (SupervisedJob job : jobs.inState(SupervisedJob.State.RUNNING)) {
            commits(job);
            Optional<RestartStrategy> strategy = launchers.restartStrategy(job.taskType());
            if (strategy.map(r -> r.alive(job))
                    .orElseGet(() ->
                            ProcessRunner.live(job.pid(), job.pidStartedAt()).isPresent())) {
                continue;
            }
            TryFiles log = new TryFiles(job.taskInstanceId(), 0, job.taskId(), Path.of(job.logPath()));
            if (job.restarts() >= job.maxRestarts() || strategy.isEmpty()) {
                giveUp(
                        job,
                        log,
                        strategy.isEmpty() ? " (no restart strategy for task type " + job.taskType() + ")" : "");
                continue;
            }
            try {
                Optional<RestartStrategy.Restarted> inPlace = strategy.get().restartInPlace(job);
                if (inPlace.isPresent()) {
                    SupervisedJob next = inPlace.get().job();
                    jobs.update(next, "supervised: " + inPlace.get().note() + ", restarts " + next.restarts());
                    LOG.warn(
                            "supervised job {} of {} died; {}",
                            job.taskId(),
                            job.dagId(),
                            inPlace.get().note());
                    continue;
                }
                // The wrapper is gone but the job's session may still hold processes: never run the job twice.
                ProcessTree.kill(job.pid(), RESTART_KILL_GRACE);
                RestartStrategy.Restart restart = strategy.get().restart(job);
                ProcessSpec stored = ProcessSpec.fromJson(job.command());
                List<String> argv = new ArrayList<>(stored.argv());
                argv.addAll(restart.extraArgs());
                ProcessHandle h = processes.start(
                        log,
                        new ProcessSpec(argv, stored.env()),
                        Map.of(),
                        "restart " + (job.restarts() + 1) + " of supervised job " + job.taskId() + restart.note());
                SupervisedJob next = job.restarted(h.pid(), ProcessRunner.startMillis(h));
                jobs.update(next, "supervised: running (pid " + h.pid() + "), restarts " + next.restarts());
                LOG.warn(
                        "supervised job {} of {} died; restarted as pid {}{}",
                        job.taskId(),
                        job.dagId(),
                        h.pid(),
                        restart.note());
            } catch (IOException | RuntimeException e) {
                LOG.error("cannot restart supervised job {} of {}", job.taskId(), job.dagId(), e);
            }
        }
    }

    /** A new commit of a job whose task updates assets (a new Flink checkpoint) is an event of each. */
    private void commits(SupervisedJob job) {
        Optional<AssetRepository.Watch> watch = assets.watch(job.taskInstanceId());
        Optional<String> commit =
                watch.flatMap(w -> launchers.restartStrategy(job.taskType()).flatMap(s -> s.latestCommit(job)));
        if (commit.isEmpty() || commit.get().equals(watch.get().lastCommit())) {
            return;
        }
        String metadata = JSON.createObjectNode()
                .put("commit", commit.get())
                .put("pid", job.pid())
                .put("restarts", job.restarts())
                .toString();
        List<AssetEvent> events = watch.get().outlets().stream()
                .map(a -> new AssetEvent(
                        0,
                        a,
                        Instant.now(),
                        job.dagId(),
                        null,
                        job.taskId(),
                        job.taskInstanceId(),
                        AssetEvent.COMMIT,
                        metadata))
                .toList();
        if (assets.recordCommit(job.taskInstanceId(), commit.get(), events)) {
            LOG.debug("supervised job {} of {} committed {}", job.taskId(), job.dagId(), commit.get());
        }
    }

    private void giveUp(SupervisedJob job, TryFiles log, String why) {
        String message = "supervised job died; gave up after " + job.restarts() + " restarts" + why;
        ProcessRunner.appendLog(log, "[engine] " + Instant.now() + " " + message + "\n");
        jobs.update(job.withState(SupervisedJob.State.GAVE_UP), message);
        LOG.error(
                "supervised job {} of {} died; gave up after {} restarts{}",
                job.taskId(),
                job.dagId(),
                job.restarts(),
                why);
    }
}
