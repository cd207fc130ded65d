package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dispatcher with plain values: worker slots, pools, priorities. */
class DispatcherTest {
    private static Dispatcher.Ready task(long id, long run, int priority) {
        return new Dispatcher.Ready(id, run, priority, "default", 1, true);
    }

    private static Dispatcher.Ready pooled(long id, String pool, int slots) {
        return new Dispatcher.Ready(id, 1, 0, pool, slots, true);
    }

    private static Dispatcher.Ready sensor(long id) {
        return new Dispatcher.Ready(id, 1, 0, "default", 1, false);
    }

    private static List<Long> ids(List<Dispatcher.Ready> rs) {
        return rs.stream().map(Dispatcher.Ready::taskInstanceId).toList();
    }

    @Test
    void higherPriorityFirstThenOlderRunsThenOlderInstances() {
        Dispatcher d = new Dispatcher(10, Map.of());
        d.offer(task(5, 2, 0));
        d.offer(task(4, 1, 0));
        d.offer(task(3, 1, 0));
        d.offer(task(9, 3, 7));
        d.offer(task(8, 3, 1));
        assertEquals(List.of(9L, 8L, 3L, 4L, 5L), ids(d.take(id -> true)));
    }

    @Test
    void theWorkersBoundTheTriesButASensorStillStarts() {
        Dispatcher d = new Dispatcher(2, Map.of());
        d.offer(task(1, 1, 9));
        d.offer(task(2, 1, 8));
        d.offer(task(3, 1, 7));
        d.offer(sensor(4));
        assertEquals(List.of(1L, 2L, 4L), ids(d.take(id -> true)), "task 3 waits, the sensor behind it doesn't");
        assertEquals(2, d.busyWorkers());
        assertEquals(1, d.queued());
        assertEquals(List.of(), ids(d.take(id -> true)));
        d.release(4); // a sensor holds no slot: nothing frees up
        assertEquals(List.of(), ids(d.take(id -> true)));
        d.release(1);
        assertEquals(List.of(3L), ids(d.take(id -> true)));
    }

    @Test
    void aPoolOfOneSerializesItsTasksWhileOthersGoOn() {
        Dispatcher d = new Dispatcher(4, Map.of("gpu", 1));
        d.offer(pooled(1, "gpu", 1));
        d.offer(pooled(2, "gpu", 1));
        d.offer(pooled(3, "default", 1));
        assertEquals(List.of(1L, 3L), ids(d.take(id -> true)));
        d.release(3);
        assertEquals(List.of(), ids(d.take(id -> true)), "the gpu is still taken");
        d.release(1);
        assertEquals(List.of(2L), ids(d.take(id -> true)));
    }

    @Test
    void poolSlotsCountAgainstThePool() {
        Dispatcher d = new Dispatcher(4, Map.of("io", 3));
        d.offer(pooled(1, "io", 2));
        d.offer(pooled(2, "io", 2));
        d.offer(pooled(3, "io", 1));
        assertEquals(List.of(1L, 3L), ids(d.take(id -> true)), "2 + 2 > 3, but 2 + 1 fits");
        d.release(1);
        assertEquals(List.of(2L), ids(d.take(id -> true)));
    }

    @Test
    void aReattachedTryCountsAgainstItsSlotsWithoutQueueing() {
        Dispatcher d = new Dispatcher(1, Map.of("gpu", 1));
        d.occupy(pooled(1, "gpu", 1));
        d.offer(pooled(2, "gpu", 1));
        assertEquals(List.of(), ids(d.take(id -> true)));
        assertEquals(1, d.busyWorkers());
        d.release(1);
        assertEquals(List.of(2L), ids(d.take(id -> true)));
    }

    @Test
    void withdrawnOrUnwantedInstancesNeverStart() {
        Dispatcher d = new Dispatcher(10, Map.of());
        d.offer(task(1, 1, 0));
        d.offer(task(2, 2, 0));
        d.offer(task(3, 2, 0));
        d.offer(task(4, 3, 0));
        d.offer(task(5, 3, 0));
        d.withdraw(1);
        d.withdrawRun(2);
        assertEquals(List.of(5L), ids(d.take(id -> id != 4)));
        assertEquals(0, d.queued(), "the unwanted one is dropped, not kept");
        assertEquals(1, d.busyWorkers());
    }
}
