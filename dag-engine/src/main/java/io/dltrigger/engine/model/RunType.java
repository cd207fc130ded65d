package io.dltrigger.engine.model;

/** Why a run exists. */
public enum RunType {
    SCHEDULED,
    MANUAL,
    BACKFILL
}
