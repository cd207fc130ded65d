package io.dltrigger.engine.launch;

import java.util.concurrent.Callable;

/** What becomes of a try that a dead engine left RUNNING. */
public sealed interface Recovered {

    /**
     * Its work still runs: a worker waits for it (without starting it again). {@code pid} is null for work that is
     * not a process of this machine (a Kubernetes object).
     */
    record Reattached(Long pid, Long pidStartedAt, Callable<Outcome> await) implements Recovered {}

    /** It ended while no engine watched: settled from what it left (exit code and output files). */
    record Ended(Long pid, Long pidStartedAt, Outcome outcome) implements Recovered {}

    /** It never started its work (or ran inside the dead engine): run it again, without spending a retry. */
    record Requeue() implements Recovered {}
}
