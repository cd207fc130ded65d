package io.dltrigger.engine.executor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deadlines of running tries (a task's {@code timeout}) and of runs (a DAG's {@code run_timeout}), and the
 * SLAs of task instances and runs (past them an alert is raised, nothing is stopped).
 */
final class Timeouts {
    private final Map<Long, Instant> tries = new HashMap<>();
    private final Map<Long, Instant> slas = new HashMap<>();

    /** A task instance should be over by {@code deadline} (its first try's start plus its {@code sla}). */
    void armSla(long taskInstanceId, Instant deadline) {
        slas.putIfAbsent(taskInstanceId, deadline);
    }

    void disarmSla(long taskInstanceId) {
        slas.remove(taskInstanceId);
    }

    /** The task instances past their SLA at {@code now}; each is reported once. */
    List<Long> expiredSlas(Instant now) {
        return expire(slas, now);
    }

    /** The runs past their SLA at {@code now} that were not reported yet. */
    static List<ActiveRun> runsPastSla(Collection<ActiveRun> runs, Instant now) {
        List<ActiveRun> out = new ArrayList<>();
        for (ActiveRun r : runs) {
            Instant due = r.slaDeadline();
            if (due != null && !r.slaMissed && !now.isBefore(due)) {
                out.add(r);
            }
        }
        return out;
    }

    void arm(long taskInstanceId, Instant deadline) {
        tries.put(taskInstanceId, deadline);
    }

    void disarm(long taskInstanceId) {
        tries.remove(taskInstanceId);
    }

    /** The tries past their deadline at {@code now}; each is reported once. */
    List<Long> expiredTries(Instant now) {
        return expire(tries, now);
    }

    private static List<Long> expire(Map<Long, Instant> deadlines, Instant now) {
        List<Long> out = new ArrayList<>();
        deadlines.entrySet().removeIf(e -> {
            if (now.isBefore(e.getValue())) {
                return false;
            }
            out.add(e.getKey());
            return true;
        });
        return out;
    }

    /** The runs past their run_timeout at {@code now} that are not yet marked timed out. */
    static List<ActiveRun> expiredRuns(Collection<ActiveRun> runs, Instant now) {
        List<ActiveRun> out = new ArrayList<>();
        for (ActiveRun r : runs) {
            Instant deadline = r.deadline();
            if (deadline != null && !r.timedOut && !now.isBefore(deadline)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The earliest of {@code horizon}, a try's deadline, and a run's deadline or wake-up time. */
    Instant next(Collection<ActiveRun> runs, Instant horizon) {
        Instant next = horizon;
        for (Instant d : tries.values()) {
            next = d.isBefore(next) ? d : next;
        }
        for (Instant d : slas.values()) {
            next = d.isBefore(next) ? d : next;
        }
        for (ActiveRun r : runs) {
            if (r.wakeAt != null && r.wakeAt.isBefore(next)) {
                next = r.wakeAt;
            }
            Instant deadline = r.deadline();
            if (deadline != null && !r.timedOut && deadline.isBefore(next)) {
                next = deadline;
            }
            Instant due = r.slaDeadline();
            if (due != null && !r.slaMissed && due.isBefore(next)) {
                next = due;
            }
        }
        return next;
    }
}
