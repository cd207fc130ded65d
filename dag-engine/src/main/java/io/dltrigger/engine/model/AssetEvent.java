package io.dltrigger.engine.model;

import java.time.Instant;

/**
 * One update of an asset (Airflow's dataset event, Dagster's materialization): a task that declares the asset
 * in its {@code outlets} succeeded ({@link #TASK}), or its supervised streaming job committed a checkpoint
 * ({@link #COMMIT}). {@code metadata} is JSON: the task's output, or the commit's name.
 *
 * @param id 0 until stored
 */
public record AssetEvent(
        long id,
        String asset,
        Instant createdAt,
        String dagId,
        String runKey,
        String taskId,
        Long taskInstanceId,
        String kind,
        String metadata) {
    public static final String TASK = "task";
    public static final String COMMIT = "commit";
}
