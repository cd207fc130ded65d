package io.dltrigger.engine.launch;

import io.dltrigger.engine.model.SupervisedJob;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How the supervised job of one task type is started again after it died. */
public interface RestartStrategy {

    /** The task type whose jobs it restarts, as stored with them. */
    String taskType();

    /** The arguments appended to the job's command, and a note for its log (e.g. " from checkpoint DIR"). */
    Restart restart(SupervisedJob job);

    /**
     * Does the job still run? By default the job is a process of this machine: its pid with its start time. Called
     * on the engine's coordinating thread, so it must not block.
     */
    default boolean alive(SupervisedJob job) {
        return ProcessRunner.live(job.pid(), job.pidStartedAt()).isPresent();
    }

    /** Stops a job that a newer run of its task replaced; by default its process tree is killed. */
    default void stop(SupervisedJob job, Duration killGrace) {
        ProcessRunner.live(job.pid(), job.pidStartedAt()).ifPresent(h -> ProcessTree.kill(h.pid(), killGrace));
    }

    /**
     * For a job that is not a process of the engine (a Kubernetes object its operator runs): has it started again
     * where it is and returns it, restarted, with a note for the task's message. Empty by default: the supervisor
     * starts a process again from the job's stored command, with {@link #restart}'s arguments.
     */
    default Optional<Restarted> restartInPlace(SupervisedJob job) {
        return Optional.empty();
    }

    record Restarted(SupervisedJob job, String note) {}

    /** The job's newest durable commit (a Flink checkpoint), if the type has such a thing and one exists. */
    default Optional<String> latestCommit(SupervisedJob job) {
        return Optional.empty();
    }

    record Restart(List<String> extraArgs, String note) {
        public Restart {
            extraArgs = List.copyOf(extraArgs);
        }
    }
}
