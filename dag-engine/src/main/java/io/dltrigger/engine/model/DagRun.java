package io.dltrigger.engine.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One DAG run. {@code revision} grows whenever something outside the engine changes the run (a clear),
 * so a running engine knows to reload it.
 */
public record DagRun(
        long id,
        String dagId,
        String runKey,
        RunType type,
        int dagVersion,
        Instant logicalDate,
        Instant intervalStart,
        Instant intervalEnd,
        ObjectNode params,
        RunState state,
        Long backfillId,
        Instant createdAt,
        Instant startedAt,
        Instant endedAt,
        int revision) {

    public DagRun withState(RunState s, Instant started, Instant ended) {
        return new DagRun(
                id,
                dagId,
                runKey,
                type,
                dagVersion,
                logicalDate,
                intervalStart,
                intervalEnd,
                params,
                s,
                backfillId,
                createdAt,
                started,
                ended,
                revision);
    }
}
