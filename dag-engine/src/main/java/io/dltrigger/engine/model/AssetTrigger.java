package io.dltrigger.engine.model;

import java.time.Duration;

/**
 * A DAG's trigger on an asset: when the asset has new events, and at most every {@code minInterval}, the
 * {@code check} runs (a {@code java} or {@code shell} command, like a Dagster asset sensor) and says whether a run
 * starts ({@code {"fire": true|false, "reason": ..., "cursor": ..., "params": {...}}} in its output). Without a
 * check, every new event starts a run. The check sees {@code params} (the DAG's defaults), {@code profile},
 * {@code asset} (its name and latest event) and the cursor it returned last time ({@code $DLTRIGGER_TRIGGER_CURSOR}).
 *
 * @param check null: fire on every new event
 * @param line the line of the trigger in its DAG file (0 when built in Java)
 */
public record AssetTrigger(String asset, TaskAction check, Duration minInterval, int line) {
    public AssetTrigger {
        if (check != null && !(check instanceof TaskAction.Java) && !(check instanceof TaskAction.Shell)) {
            throw new IllegalArgumentException("a trigger check is a java or shell command, not " + check.typeName());
        }
    }
}
