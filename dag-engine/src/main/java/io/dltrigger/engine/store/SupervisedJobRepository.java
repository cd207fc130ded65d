package io.dltrigger.engine.store;

import io.dltrigger.engine.model.SupervisedJob;
import java.util.List;

/** Streaming jobs the engine keeps alive after their task succeeded. */
public interface SupervisedJobRepository {
    /**
     * Starts supervising a job; the RUNNING jobs of the same DAG task become REPLACED (a streaming job is
     * one per task) and are returned so that the caller stops them.
     */
    List<SupervisedJob> supervise(SupervisedJob job);

    List<SupervisedJob> inState(SupervisedJob.State state);

    /** Records a restart or the end of supervision, and shows {@code message} on the job's task instance. */
    void update(SupervisedJob job, String message);
}
