package io.dltrigger.engine.launch;

import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;

/**
 * Starts the tries of one task type. One implementation per type, registered in {@link Launchers}: a new
 * task type is a {@link TaskAction} record, its keys in the DAG file parser, and one launcher.
 */
public interface Launcher<A extends TaskAction> {

    /** The task type this launcher starts. */
    Class<A> type();

    /**
     * Prepares one try on the engine's thread (templates rendered, command line built) and returns the work
     * that runs it. A failure here fails the try for good: a retry would fail the same way.
     */
    Work prepare(A action, TryStart start);

    /**
     * A try that a dead engine left RUNNING: re-attach to it, settle it from what it left, or re-queue it.
     * By default it is re-queued (nothing of it outlives the engine).
     */
    default Recovered recover(TaskInstance instance, TryFiles files, Cancellation cancel) {
        return new Recovered.Requeue();
    }
}
