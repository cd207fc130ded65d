package io.dltrigger.engine.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.TaskInstance;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** DAG runs (and the backfills that group some of them). */
public interface RunRepository {
    long insertBackfill(String dagId, Instant from, Instant to, int maxActive);

    int backfillMaxActive(long backfillId);

    /** Inserts a queued run; empty when a run with the same key exists (a schedule point already taken). */
    Optional<DagRun> insert(
            String dagId,
            String runKey,
            RunType type,
            int dagVersion,
            Instant logicalDate,
            Instant intervalStart,
            Instant intervalEnd,
            ObjectNode params,
            Long backfillId);

    Optional<DagRun> get(long runId);

    /** The newest runs first; {@code dagId} null for all DAGs. */
    List<DagRun> recent(String dagId, int limit);

    /** Oldest first. */
    List<DagRun> inState(RunState state);

    /** The scheduled run with the latest logical date, the point the scheduler continues from. */
    Optional<DagRun> latestScheduled(String dagId);

    /**
     * Starts a queued run: its task instances and its RUNNING state in one transaction. Returns the
     * instances as stored (with their ids).
     */
    List<TaskInstance> start(long runId, Collection<TaskInstance> taskInstances, Instant startedAt);

    /**
     * Ends a run unless someone changed it since {@code revision} was read (a clear): returns false then,
     * and the caller must reload the run instead.
     */
    boolean finish(long runId, int revision, RunState state, Instant endedAt);

    /**
     * Saves cleared task instances, deletes the mapped instances (and their tries) of the {@code unmapped}
     * tasks, which expand again, and puts the run back to RUNNING with a new revision, in one transaction.
     */
    void clear(long runId, Collection<TaskInstance> cleared, Collection<String> unmapped);

    /** Run counts by state name. */
    Map<String, Long> countsByState();
}
