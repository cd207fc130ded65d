package io.dltrigger.engine.metrics;

import io.dltrigger.engine.store.Store;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The engine's Prometheus metrics: runs and task instances by state (from the store, refreshed at each
 * scrape), task durations, scheduler loop latency, ready-queue depth and busy workers.
 */
public final class EngineMetrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer loop = Timer.builder("dltrigger.scheduler.loop")
            .description("one pass of the engine loop")
            .register(registry);
    private final Map<String, AtomicLong> runStates = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> taskStates = new ConcurrentHashMap<>();
    private final Store store;

    public EngineMetrics(Store store) {
        this.store = store;
    }

    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void loopPass(long nanos) {
        loop.record(Duration.ofNanos(nanos));
    }

    public void taskFinished(String dagId, String state, Duration took) {
        Counter.builder("dltrigger.task.finished")
                .tag("dag", dagId)
                .tag("state", state)
                .register(registry)
                .increment();
        if (took != null) {
            Timer.builder("dltrigger.task.duration")
                    .tag("dag", dagId)
                    .register(registry)
                    .record(took);
        }
    }

    public void runFinished(String dagId, String state) {
        Counter.builder("dltrigger.run.finished")
                .tag("dag", dagId)
                .tag("state", state)
                .register(registry)
                .increment();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        refresh("dltrigger.runs", runStates, store.runs().countsByState());
        refresh("dltrigger.task.instances", taskStates, store.taskInstances().countsByState());
        return registry.scrape();
    }

    private void refresh(String name, Map<String, AtomicLong> gauges, Map<String, Long> counts) {
        gauges.values().forEach(v -> v.set(0));
        counts.forEach((state, n) -> gauges.computeIfAbsent(state, s -> {
                    AtomicLong v = new AtomicLong();
                    Gauge.builder(name, v, AtomicLong::get)
                            .tag("state", s.toLowerCase())
                            .register(registry);
                    return v;
                })
                .set(n));
    }
}
