package io.dltrigger.engine.state;

/** Why a run exists. */
public enum RunType {
    SCHEDULED,
    MANUAL,
    BACKFILL
}
