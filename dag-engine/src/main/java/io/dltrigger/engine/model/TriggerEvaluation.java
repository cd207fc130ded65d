package io.dltrigger.engine.model;

import java.time.Instant;

/**
 * One evaluation of an asset trigger: the asset event it looked at, whether it started a run (and which), and
 * why, as its check said.
 *
 * @param id 0 until stored
 * @param runId the run it created; null when it did not fire
 * @param logPath the check's log; null without a check
 */
public record TriggerEvaluation(
        long id,
        String dagId,
        String asset,
        Instant evaluatedAt,
        long eventId,
        boolean fired,
        Long runId,
        String reason,
        String logPath) {}
