package io.dltrigger.engine.scheduler;

import io.dltrigger.engine.config.Profile;
import io.dltrigger.engine.dagfile.DagRegistry;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.store.DagRepository;
import io.dltrigger.engine.store.RunRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler role: which runs exist and which of them start. It creates the scheduled runs that are due
 * (see {@link RunFactory}) and admits queued runs, oldest first, within their DAG's {@code max_active_runs}
 * (a backfill's runs within the backfill's own parallelism). Paused DAGs get neither. The executor drives
 * the runs it admits.
 */
public final class Scheduler {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final RunRepository runs;
    private final DagRepository dagVersions;
    private final DagRegistry dags;
    private final RunFactory factory;
    private final boolean schedules;
    private final Set<Long> waitingForDag = new HashSet<>();

    public Scheduler(RunRepository runs, DagRepository dagVersions, DagRegistry dags) {
        this(runs, dagVersions, dags, Profile.empty("local"), true);
    }

    /** {@code schedules} false: no scheduled runs are created (the others are admitted as usual). */
    public Scheduler(
            RunRepository runs, DagRepository dagVersions, DagRegistry dags, Profile profile, boolean schedules) {
        this.runs = runs;
        this.dagVersions = dagVersions;
        this.dags = dags;
        this.factory = new RunFactory(runs, profile);
        this.schedules = schedules;
    }

    /** A queued run that may start, and the DAG it runs. */
    public record Admitted(DagRun run, Dag dag) {}

    /**
     * Creates the due scheduled runs, then returns the queued runs that may start now.
     *
     * @param active the runs being driven: they count against the limits
     * @param only when not null, only this run is admitted and no scheduled run is created (the CLI's
     *     foreground {@code engine run}, which also ignores a pause)
     */
    public List<Admitted> admit(Instant now, Collection<DagRun> active, Long only) {
        Set<String> paused = dagVersions.paused();
        List<DagRun> queued = new ArrayList<>(runs.inState(RunState.QUEUED));
        if (only != null) {
            queued.removeIf(q -> q.id() != only);
        } else if (schedules) {
            for (Dag dag : dags.all()) {
                if (dag.schedule() != null && !paused.contains(dag.id())) {
                    int taken = scheduledOrManual(active, dag.id()) + scheduledOrManual(queued, dag.id());
                    queued.addAll(factory.createDueRuns(
                            dag, dagVersions.version(dag.id()), now, dag.maxActiveRuns() - taken));
                }
            }
        }
        List<DagRun> running = new ArrayList<>(active);
        List<Admitted> admitted = new ArrayList<>();
        for (DagRun run : queued) {
            if ((only == null && paused.contains(run.dagId())) || !roomFor(run, running)) {
                continue;
            }
            Optional<Dag> dag = dags.dag(run.dagId());
            if (dag.isPresent()) {
                admitted.add(new Admitted(run, dag.get()));
                running.add(run);
            } else if (waitingForDag.add(run.id())) {
                LOG.warn(
                        "run {} of DAG {} waits: the DAG is not loaded (see dags list for refused files)",
                        run.id(),
                        run.dagId());
            }
        }
        return admitted;
    }

    private boolean roomFor(DagRun run, List<DagRun> running) {
        if (run.backfillId() != null) {
            long n = running.stream()
                    .filter(r -> run.backfillId().equals(r.backfillId()))
                    .count();
            return n < runs.backfillMaxActive(run.backfillId());
        }
        int max = dags.dag(run.dagId()).map(Dag::maxActiveRuns).orElse(1);
        return scheduledOrManual(running, run.dagId()) < max;
    }

    /** Runs of the DAG that count against its max_active_runs (backfills have their own limit). */
    private static int scheduledOrManual(Collection<DagRun> runs, String dagId) {
        return (int) runs.stream()
                .filter(r -> r.dagId().equals(dagId) && r.backfillId() == null)
                .count();
    }
}
