package io.dltrigger.engine.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When a task runs, given the states of its upstream task instances (Airflow's trigger rules). A task
 * without upstream tasks runs whatever its rule, as in Airflow.
 */
public enum TriggerRule {
    /** Every upstream succeeded (the default). A failure fails it, a skip skips it. */
    ALL_SUCCESS,
    /** Every upstream is over, however it ended. */
    ALL_DONE,
    /** As soon as one upstream failed; skipped if none did. */
    ONE_FAILED,
    /** No upstream failed (successes and skips). */
    NONE_FAILED,
    /** No upstream failed and at least one succeeded: the join after a branch. Skipped if all were skipped. */
    NONE_FAILED_MIN_ONE_SUCCESS,
    /** Every upstream was skipped; skipped as soon as one ran. */
    ALL_SKIPPED,
    /** As soon as one upstream succeeded or failed; skipped if all were skipped. */
    ONE_DONE,
    /** At once, whatever the upstream tasks do (they only order the graph). */
    ALWAYS;

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
        if (upstream.isEmpty() || this == ALWAYS) {
            return Decision.RUN;
        }
        boolean pending = upstream.contains(Upstream.PENDING);
        boolean failed = upstream.contains(Upstream.FAILED);
        boolean succeeded = upstream.contains(Upstream.SUCCESS);
        boolean skipped = upstream.contains(Upstream.SKIPPED);
        // the rules that may decide before every upstream is over
        switch (this) {
            case ONE_FAILED -> {
                return failed ? Decision.RUN : pending ? Decision.WAIT : Decision.SKIP;
            }
            case ONE_DONE -> {
                return failed || succeeded ? Decision.RUN : pending ? Decision.WAIT : Decision.SKIP;
            }
            case ALL_SKIPPED -> {
                return failed || succeeded ? Decision.SKIP : pending ? Decision.WAIT : Decision.RUN;
            }
            default -> {}
        }
        if (pending) {
            return Decision.WAIT;
        }
        return switch (this) {
            case ALL_SUCCESS -> failed ? Decision.UPSTREAM_FAILED : skipped ? Decision.SKIP : Decision.RUN;
            case NONE_FAILED -> failed ? Decision.UPSTREAM_FAILED : Decision.RUN;
            case NONE_FAILED_MIN_ONE_SUCCESS ->
                failed ? Decision.UPSTREAM_FAILED : succeeded ? Decision.RUN : Decision.SKIP;
            default -> Decision.RUN; // ALL_DONE
        };
    }

    /** The name in DAG files. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TriggerRule parse(String text) {
        for (TriggerRule r : values()) {
            if (r.fileName().equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown trigger rule '" + text + "' (one of "
                + Arrays.stream(values()).map(TriggerRule::fileName).collect(Collectors.joining(", ")) + ")");
    }
}
