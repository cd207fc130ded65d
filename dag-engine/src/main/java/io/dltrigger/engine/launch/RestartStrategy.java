package io.dltrigger.engine.launch;

import io.dltrigger.engine.model.SupervisedJob;
import java.util.List;
import java.util.Optional;

/** How the supervised job of one task type is started again after it died. */
public interface RestartStrategy {

    /** The task type whose jobs it restarts, as stored with them. */
    String taskType();

    /** The arguments appended to the job's command, and a note for its log (e.g. " from checkpoint DIR"). */
    Restart restart(SupervisedJob job);

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
