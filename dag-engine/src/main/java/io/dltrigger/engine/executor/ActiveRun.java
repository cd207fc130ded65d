package io.dltrigger.engine.executor;

import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import java.time.Instant;

/** A run the coordinator drives: the run, its instances, and when to look at it again. Coordinator thread only. */
final class ActiveRun {
    DagRun run;
    RunInstances instances;
    /** Something changed: advance the run at the next pass. */
    boolean dirty = true;
    /** Past its run_timeout: no new work, its running tries are being stopped. */
    boolean timedOut;
    /** Advance the run at this time even if nothing changed (a retry's delay); null for none. */
    Instant wakeAt;
    /** Its SLA miss was reported. */
    boolean slaMissed;

    ActiveRun(DagRun run, RunInstances instances) {
        this.run = run;
        this.instances = instances;
    }

    Dag dag() {
        return instances.dag();
    }

    /** When the run misses its SLA, or null. */
    Instant slaDeadline() {
        return dag().sla() == null || run.startedAt() == null
                ? null
                : run.startedAt().plus(dag().sla());
    }

    /** When the run times out, or null. */
    Instant deadline() {
        return dag().runTimeout() == null || run.startedAt() == null
                ? null
                : run.startedAt().plus(dag().runTimeout());
    }
}
