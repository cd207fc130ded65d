package io.dltrigger.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The engine's settings.
 *
 * @param home the project root (stage modules are found under it)
 * @param dagsDir where DAG files are read from (null: only DAGs registered in Java)
 * @param logsDir one log file per task try goes under it
 * @param workers the bounded worker pool: task tries running at once (sensors don't count)
 * @param pools named pools and their slots, e.g. {@code gpu: 1}; the "default" pool is only bounded by workers
 * @param killGrace how long a SIGTERMed task tree gets before SIGKILL
 * @param pollInterval how often the database is polled for work from other processes (CLI triggers) and schedules
 * @param profile the deployment profile: the {@code {{ profile.* }}} values of DAGs
 * @param schedules false: no scheduled runs are created (manual, backfill and asset-triggered runs still run)
 */
public record EngineConfig(
        Path home,
        Path dagsDir,
        Path logsDir,
        int workers,
        Map<String, Integer> pools,
        Duration killGrace,
        Duration pollInterval,
        Profile profile,
        boolean schedules) {

    public EngineConfig {
        pools = Map.copyOf(pools);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1");
        }
        pools.forEach((name, slots) -> {
            if (slots < 1) {
                throw new IllegalArgumentException("pool " + name + " must have >= 1 slot");
            }
        });
    }

    public static EngineConfig defaults(Path home) {
        return new EngineConfig(
                home,
                home.resolve("conf/dags"),
                home.resolve("data/engine/logs"),
                4,
                Map.of(),
                Duration.ofSeconds(5),
                Duration.ofSeconds(1),
                Profile.empty("local"),
                true);
    }

    public EngineConfig withWorkers(int n) {
        return new EngineConfig(home, dagsDir, logsDir, n, pools, killGrace, pollInterval, profile, schedules);
    }

    public EngineConfig withPools(Map<String, Integer> p) {
        return new EngineConfig(home, dagsDir, logsDir, workers, p, killGrace, pollInterval, profile, schedules);
    }

    public EngineConfig withDagsDir(Path d) {
        return new EngineConfig(home, d, logsDir, workers, pools, killGrace, pollInterval, profile, schedules);
    }

    public EngineConfig withLogsDir(Path d) {
        return new EngineConfig(home, dagsDir, d, workers, pools, killGrace, pollInterval, profile, schedules);
    }

    public EngineConfig withKillGrace(Duration d) {
        return new EngineConfig(home, dagsDir, logsDir, workers, pools, d, pollInterval, profile, schedules);
    }

    public EngineConfig withPollInterval(Duration d) {
        return new EngineConfig(home, dagsDir, logsDir, workers, pools, killGrace, d, profile, schedules);
    }

    public EngineConfig withProfile(Profile p) {
        return new EngineConfig(home, dagsDir, logsDir, workers, pools, killGrace, pollInterval, p, schedules);
    }

    public EngineConfig withSchedules(boolean on) {
        return new EngineConfig(home, dagsDir, logsDir, workers, pools, killGrace, pollInterval, profile, on);
    }
}
