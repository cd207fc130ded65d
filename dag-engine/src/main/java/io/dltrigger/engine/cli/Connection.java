package io.dltrigger.engine.cli;

import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.config.Settings;
import io.dltrigger.engine.service.EngineRuntime;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the engine's state and DAGs are, for the commands that are the engine ({@code engine server},
 * {@code scheduler}, {@code run}): options on top of {@code conf/engine.yaml} under the project home (see
 * {@link Settings}). Passwords are never options (they would show in the process list): a file, or the
 * environment.
 */
public final class Connection {
    @Option(names = "--home", description = "project root (default: the launcher's, else the current directory)")
    Path home;

    @Option(
            names = "--state",
            description = "the engine's state folder: H2 database, task logs, admin token, H2 password"
                    + " (default: state_dir of conf/engine.yaml, HOME/data/engine)")
    Path state;

    @Option(
            names = "--db",
            description = "JDBC URL of the state database (default: H2 file STATE/state; env DLTRIGGER_DB)")
    String db;

    @Option(names = "--db-user", description = "database user (default: sa for H2)")
    String dbUser;

    @Option(
            names = "--db-password-file",
            description = "a file holding the database password (default: env DLTRIGGER_DB_PASSWORD; for H2, the"
                    + " generated STATE/db.password)")
    Path dbPasswordFile;

    @Option(names = "--dags", description = "DAG folder (default: HOME/conf/dags)")
    Path dags;

    @Option(names = "--logs", description = "task log folder (default: STATE/logs)")
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

    Settings settings() {
        Path h = home != null ? home.toAbsolutePath() : Settings.defaultHome();
        return Settings.load(
                h,
                new Settings.Overrides(
                        state, dags, logs, workers, pools, db, dbUser, dbPasswordFile, profile, schedules));
    }

    EngineConfig config() {
        return settings().engine();
    }

    EngineRuntime open(boolean withEngine) {
        Settings s = settings();
        return EngineRuntime.open(s.engine(), s.dbUrl(), s.dbUser(), s.dbPassword(), withEngine);
    }
}
