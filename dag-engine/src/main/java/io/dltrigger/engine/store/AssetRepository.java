package io.dltrigger.engine.store;

import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.TriggerEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assets: their events, the supervised jobs whose commits update them, and the DAG triggers that watch them.
 * (A task's own asset events are stored with its success, see {@link TaskInstanceRepository#finishTry}.)
 */
public interface AssetRepository {
    /** Stores one event; returns it with its id. */
    AssetEvent record(AssetEvent event);

    /** The newest event of {@code asset}. */
    Optional<AssetEvent> latest(String asset);

    /** The newest events of {@code asset} first. */
    List<AssetEvent> events(String asset, int limit);

    /** Every asset that has events, with their count. */
    Map<String, Long> counts();

    /** The assets a supervised job updates and the last commit recorded for it. */
    record Watch(List<String> outlets, String lastCommit) {}

    /** A supervised job's commits update {@code outlets} (replaces an earlier watch of the same instance). */
    void watch(long taskInstanceId, List<String> outlets);

    Optional<Watch> watch(long taskInstanceId);

    /**
     * A new commit of a watched job: its events and the job's last commit are stored together. Returns false
     * (and stores nothing) when that commit was already recorded.
     */
    boolean recordCommit(long taskInstanceId, String commit, List<AssetEvent> events);

    /** Where a DAG's trigger on an asset stands: the last event it consumed and the cursor its check returned. */
    record TriggerState(long lastEventId, String cursor, Instant evaluatedAt) {}

    Optional<TriggerState> triggerState(String dagId, String asset);

    /**
     * Records an evaluation and moves the trigger on: {@code evaluatedAt} always; the consumed event and the
     * cursor only when {@code consumed} (a check that failed leaves them, so the events are looked at again).
     */
    TriggerEvaluation evaluated(TriggerEvaluation evaluation, boolean consumed, String cursor);

    /** The newest evaluations of triggers on {@code asset} first. */
    List<TriggerEvaluation> evaluations(String asset, int limit);
}
