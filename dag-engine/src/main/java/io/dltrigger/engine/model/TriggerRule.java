package io.dltrigger.engine.model;

import java.util.Collection;

/** When a task runs, given the final states of its upstream task instances (Airflow's trigger rules). */
public enum TriggerRule {
    ALL_SUCCESS,
    ALL_DONE,
    ONE_FAILED,
    NONE_FAILED;

    /** What to do with a task once its upstreams are known. */
    public enum Decision {
        WAIT,
        RUN,
        SKIP,
        UPSTREAM_FAILED
    }

    /** Upstream outcome as far as trigger rules care. */
    public enum Upstream {
        PENDING,
        SUCCESS,
        FAILED,
        SKIPPED
    }

    public Decision decide(Collection<Upstream> upstream) {
        boolean pending = upstream.contains(Upstream.PENDING);
        boolean failed = upstream.contains(Upstream.FAILED);
        boolean skipped = upstream.contains(Upstream.SKIPPED);
        if (this == ONE_FAILED && failed) {
            return Decision.RUN; // fires as soon as one upstream failed, like Airflow
        }
        if (pending) {
            return Decision.WAIT;
        }
        return switch (this) {
            case ALL_SUCCESS -> failed ? Decision.UPSTREAM_FAILED : skipped ? Decision.SKIP : Decision.RUN;
            case ALL_DONE -> Decision.RUN;
            case ONE_FAILED -> Decision.SKIP;
            case NONE_FAILED -> failed ? Decision.UPSTREAM_FAILED : Decision.RUN;
        };
    }

    public static TriggerRule parse(String text) {
        for (TriggerRule r : values()) {
            if (r.name().equalsIgnoreCase(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException(
                "unknown trigger rule '" + text + "' (one of all_success, all_done, one_failed, none_failed)");
    }
}
