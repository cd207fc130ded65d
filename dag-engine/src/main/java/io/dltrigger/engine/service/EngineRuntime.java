package io.dltrigger.engine.service;

import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.dagfile.DagRegistry;
import io.dltrigger.engine.executor.Coordinator;
import io.dltrigger.engine.metrics.EngineMetrics;
import io.dltrigger.engine.store.Store;
import io.dltrigger.engine.store.jdbc.JdbcStore;

/**
 * Everything wired together: the store, the DAG registry, metrics, the service and (when this process
 * schedules) the executor's coordinator. The CLI's read-only commands open it without one.
 */
public final class EngineRuntime implements AutoCloseable {
    private final Store store;
    private final DagRegistry dags;
    private final EngineMetrics metrics;
    private final EngineService service;
    private final Coordinator coordinator;

    private EngineRuntime(EngineConfig cfg, Store store, boolean withEngine) {
        this.store = store;
        this.dags = new DagRegistry(cfg.dagsDir(), store.dags(), cfg.pools().keySet(), cfg.profile());
        this.metrics = new EngineMetrics(store);
        this.coordinator = withEngine ? new Coordinator(cfg, store, dags, metrics) : null;
        this.service =
                new EngineService(store, dags, cfg.profile(), coordinator == null ? () -> {} : coordinator::wakeup);
    }

    /**
     * Opens the database; with {@code withEngine}, takes the engine lease before anything is written (refused, with
     * nothing changed, while another engine holds it); {@link #start} then starts scheduling.
     */
    public static EngineRuntime open(EngineConfig cfg, String dbUrl, String user, String password, boolean withEngine) {
        Store store = JdbcStore.open(dbUrl, user, password);
        EngineRuntime rt = new EngineRuntime(cfg, store, withEngine);
        try {
            if (rt.coordinator != null) {
                rt.coordinator.takeLease();
            }
            rt.dags.refresh();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return rt;
    }

    /** True once another engine took this one's lease over (it no longer schedules or writes). */
    public boolean demoted() {
        return coordinator != null && coordinator.demoted();
    }

    /** Starts the engine (after Java DAGs are registered). */
    public EngineRuntime start() {
        if (coordinator == null) {
            throw new IllegalStateException("opened without an engine");
        }
        coordinator.start();
        return this;
    }

    /** Starts an engine that drives only the given run (see {@link Coordinator#restrictTo}). */
    public EngineRuntime startOnly(long runId) {
        if (coordinator == null) {
            throw new IllegalStateException("opened without an engine");
        }
        coordinator.restrictTo(runId);
        coordinator.start();
        return this;
    }

    public EngineService service() {
        return service;
    }

    public EngineMetrics metrics() {
        return metrics;
    }

    public Store store() {
        return store;
    }

    @Override
    public void close() {
        if (coordinator != null) {
            coordinator.close();
        }
        store.close();
    }
}
