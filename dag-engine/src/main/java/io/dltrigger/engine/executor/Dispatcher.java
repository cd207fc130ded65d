package io.dltrigger.engine.executor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongPredicate;

/**
 * Which ready task instances start now: the ready queue in priority order (higher first, then older runs,
 * then older instances), the bounded worker slots, and the named pools that bound tasks sharing a resource.
 * The {@code default} pool is bounded by the workers alone; a task that holds no worker slot (a sensor)
 * starts at once. Plain bookkeeping, no threads: the coordinator asks, then starts what it is given.
 */
final class Dispatcher {
    /** A task instance waiting for its slots. */
    record Ready(long taskInstanceId, long runId, int priority, String pool, int poolSlots, boolean holdsWorkerSlot) {}

    private static final Comparator<Ready> ORDER = Comparator.comparingInt((Ready r) -> -r.priority())
            .thenComparingLong(Ready::runId)
            .thenComparingLong(Ready::taskInstanceId);

    private final int workers;
    private final Map<String, Integer> pools;
    private final TreeSet<Ready> queue = new TreeSet<>(ORDER);
    private final Map<Long, Ready> queued = new HashMap<>();
    private final Map<Long, Ready> occupying = new HashMap<>();
    private final Map<String, Integer> poolUse = new HashMap<>();
    private int busyWorkers;

    /** {@code pools}: the named pools and their slots. */
    Dispatcher(int workers, Map<String, Integer> pools) {
        this.workers = workers;
        this.pools = Map.copyOf(pools);
    }

    void offer(Ready r) {
        if (queued.putIfAbsent(r.taskInstanceId(), r) == null) {
            queue.add(r);
        }
    }

    /** Takes an instance out of the queue (it was skipped, or its run reloaded). */
    void withdraw(long taskInstanceId) {
        Ready r = queued.remove(taskInstanceId);
        if (r != null) {
            queue.remove(r);
        }
    }

    void withdrawRun(long runId) {
        queue.removeIf(r -> {
            if (r.runId() == runId) {
                queued.remove(r.taskInstanceId());
                return true;
            }
            return false;
        });
    }

    /**
     * The queued instances that may start now, in queue order, each counted against its slots until
     * {@link #release}d. One that must wait doesn't hold up those behind it that fit (a sensor, another
     * pool). Instances no longer {@code wanted} are dropped.
     */
    List<Ready> take(LongPredicate wanted) {
        List<Ready> start = new ArrayList<>();
        Iterator<Ready> it = queue.iterator();
        while (it.hasNext()) {
            Ready r = it.next();
            if (!wanted.test(r.taskInstanceId())) {
                it.remove();
                queued.remove(r.taskInstanceId());
                continue;
            }
            if (r.holdsWorkerSlot() && !fits(r)) {
                continue;
            }
            it.remove();
            queued.remove(r.taskInstanceId());
            occupy(r);
            start.add(r);
        }
        return start;
    }

    /** Counts a try that runs without having queued (one re-attached after an engine restart). */
    void occupy(Ready r) {
        if (r.holdsWorkerSlot()) {
            occupying.put(r.taskInstanceId(), r);
            busyWorkers++;
            poolUse.merge(r.pool(), r.poolSlots(), Integer::sum);
        }
    }

    /** A try ended: its slots are free. */
    void release(long taskInstanceId) {
        Ready r = occupying.remove(taskInstanceId);
        if (r != null) {
            busyWorkers--;
            poolUse.merge(r.pool(), -r.poolSlots(), Integer::sum);
        }
    }

    int queued() {
        return queue.size();
    }

    int busyWorkers() {
        return busyWorkers;
    }

    private boolean fits(Ready r) {
        if (busyWorkers >= workers) {
            return false;
        }
        return r.pool().equals("default")
                || poolUse.getOrDefault(r.pool(), 0) + r.poolSlots() <= pools.getOrDefault(r.pool(), 0);
    }
}
