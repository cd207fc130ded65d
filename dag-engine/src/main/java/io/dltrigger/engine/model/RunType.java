package io.dltrigger.engine.model;

/** Why a run exists. */
public enum RunType {
    SCHEDULED,
    MANUAL,
    BACKFILL,
    /** Started by an update of an asset that the DAG has a trigger on. */
    ASSET
}
