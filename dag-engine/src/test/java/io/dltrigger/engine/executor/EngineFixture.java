package io.dltrigger.engine.executor;

import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.service.EngineService;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** A real engine on a real H2 file database in a temporary folder. */
final class EngineFixture implements AutoCloseable {
    final Path dir;
    final EngineConfig cfg;
    final EngineRuntime rt;

    EngineFixture(Path dir, int workers, Map<String, Integer> pools) {
        this(dir, workers, pools, JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "");
    }

    EngineFixture(Path dir, int workers, Map<String, Integer> pools, String url, String user, String password) {
        this(dir, workers, pools, url, user, password, c -> c);
    }

    /** With {@code adjust} applied to the configuration (a profile, no schedules...). */
    EngineFixture(Path dir, int workers, Map<String, Integer> pools, UnaryOperator<EngineConfig> adjust) {
        this(dir, workers, pools, JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "", adjust);
    }

    private EngineFixture(
            Path dir,
            int workers,
            Map<String, Integer> pools,
            String url,
            String user,
            String password,
            UnaryOperator<EngineConfig> adjust) {
        this.dir = dir;
        this.cfg = adjust.apply(EngineConfig.defaults(dir)
                .withDagsDir(dir.resolve("dags"))
                .withLogsDir(dir.resolve("logs"))
                .withWorkers(workers)
                .withPools(pools)
                .withKillGrace(Duration.ofMillis(500))
                .withPollInterval(Duration.ofMillis(200)));
        this.rt = EngineRuntime.open(cfg, url, user, password, true);
    }

    EngineFixture register(Dag dag) {
        rt.service().register(dag);
        return this;
    }

    EngineFixture start() {
        rt.start();
        return this;
    }

    EngineService service() {
        return rt.service();
    }

    DagRun runToEnd(String dagId, Map<String, String> params) throws InterruptedException {
        DagRun run = service().trigger(dagId, params);
        return service().awaitRun(run.id(), Duration.ofSeconds(60));
    }

    TaskInstance task(long runId, String taskId) {
        return service().tasks(runId).stream()
                .filter(t -> t.taskId().equals(taskId) && t.mapIndex() < 0)
                .findFirst()
                .orElseThrow();
    }

    List<TaskInstance> mapped(long runId, String taskId) {
        return service().tasks(runId).stream()
                .filter(t -> t.taskId().equals(taskId) && t.mapIndex() >= 0)
                .toList();
    }

    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static boolean succeeded(DagRun r) {
        return r.state() == RunState.SUCCESS;
    }

    @Override
    public void close() {
        rt.close();
    }
}
