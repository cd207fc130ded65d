package io.dltrigger.engine.executor;

import io.dltrigger.engine.launch.Cancellation;
import io.dltrigger.engine.launch.Outcome;
import io.dltrigger.engine.launch.Work;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The engine's threads besides the coordinator: a bounded pool for tries that block until they end, and a
 * timer for tries that poll (sensors) and for background chores. They never change state: each try's end is
 * reported back to the coordinator.
 */
final class Workers {
    /** Where the end of a try is reported (the coordinator's inbox). */
    @FunctionalInterface
    interface Reports {
        void ended(long taskInstanceId, int tryNumber, Outcome outcome);
    }

    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final Reports reports;

    Workers(int threads, Reports reports) {
        this.pool = Executors.newFixedThreadPool(threads, daemon("dltrigger-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("dltrigger-sensor"));
        this.reports = reports;
    }

    /** Runs one try's work; its end is reported, whatever happens. */
    void run(long taskInstanceId, int tryNumber, Work work, Cancellation cancel) {
        if (work instanceof Work.Blocking b) {
            pool.execute(() -> {
                Outcome o;
                try {
                    o = b.run().call();
                } catch (Exception | Error e) {
                    o = Outcome.failed(null, "engine error: " + e);
                }
                reports.ended(taskInstanceId, tryNumber, o);
            });
        } else if (work instanceof Work.Polling p) {
            timer.execute(new Runnable() {
                @Override
                public void run() {
                    if (cancel.cancelled()) {
                        return; // the coordinator ended the try (a timeout)
                    }
                    Optional<Outcome> done = p.poke().get();
                    if (done.isPresent()) {
                        reports.ended(taskInstanceId, tryNumber, done.get());
                    } else {
                        timer.schedule(this, p.interval().toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            });
        }
    }

    /** A chore off the coordinating thread (stopping a replaced job's process tree). */
    void background(Runnable chore) {
        timer.execute(chore);
    }

    /** Stops the threads; blocking tries are interrupted (a process keeps running, as after a crash). */
    void close() {
        timer.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }
}
