package io.dltrigger.engine.cli;

import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.config.Settings;
import io.dltrigger.engine.service.EngineRuntime;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the engine's state and DAGs are: options shared by every command, on top of
 * {@code conf/engine.yaml} under the project home (see {@link Settings}).
 */
public final class Connection {
    @Option(names = "--home", description = "project root (default: the launcher's, else the current directory)")
    Path home;

    @Option(
            names = "--db",
            description = "JDBC URL of the state database (default: H2 file HOME/data/engine/state; env DLTRIGGER_DB)")
    String db;

    @Option(names = "--db-user", description = "database user (default: sa for H2)")
    String dbUser;

    @Option(names = "--db-password", description = "database password (default: env DLTRIGGER_DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--dags", description = "DAG folder (default: HOME/conf/dags)")
    Path dags;

    @Option(names = "--logs", description = "task log folder (default: HOME/data/engine/logs)")
    Path logs;

    @Option(names = "--workers", description = "worker slots (default: 4)")
    Integer workers;

    @Option(names = "--pool", description = "a pool and its slots, e.g. --pool gpu=1 (repeatable)")
    Map<String, Integer> pools;

    @Option(
            names = "--profile",
            description =
                    "deployment profile conf/profiles/NAME.yaml: local (default), cluster, k8s; env DLTRIGGER_PROFILE")
    String profile;

    /** Set by commands that offer --no-schedules. */
    Boolean schedules;

    private Settings settings() {
        Path h = home != null ? home.toAbsolutePath() : Settings.defaultHome();
        return Settings.load(
                h, new Settings.Overrides(dags, logs, workers, pools, db, dbUser, dbPassword, profile, schedules));
    }

    EngineConfig config() {
        return settings().engine();
    }

    String url() {
        return settings().dbUrl();
    }

    EngineRuntime open(boolean withEngine) {
        Settings s = settings();
        return EngineRuntime.open(s.engine(), s.dbUrl(), s.dbUser(), s.dbPassword(), withEngine);
    }
}
