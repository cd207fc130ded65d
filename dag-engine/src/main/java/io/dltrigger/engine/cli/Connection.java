package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dltrigger.engine.model.Durations;
import io.dltrigger.engine.service.EngineConfig;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the engine's state and DAGs are: options shared by every command. Defaults come from
 * {@code conf/engine.yaml} under the project home when it exists, then from these flags.
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

    Path home() {
        if (home != null) {
            return home.toAbsolutePath();
        }
        String h = System.getProperty("dltrigger.home");
        return Path.of(h == null ? "." : h).toAbsolutePath().normalize();
    }

    private JsonNode file() {
        Path f = home().resolve("conf/engine.yaml");
        if (!Files.isRegularFile(f)) {
            return new ObjectMapper().createObjectNode();
        }
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(f.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    EngineConfig config() {
        JsonNode f = file();
        EngineConfig c = EngineConfig.defaults(home());
        if (f.has("workers")) {
            c = c.withWorkers(f.get("workers").asInt());
        }
        Map<String, Integer> p = new LinkedHashMap<>();
        if (f.has("pools")) {
            f.get("pools")
                    .fields()
                    .forEachRemaining(e -> p.put(e.getKey(), e.getValue().asInt()));
        }
        if (pools != null) {
            p.putAll(pools);
        }
        c = c.withPools(p);
        if (f.has("kill_grace")) {
            c = c.withKillGrace(Durations.parse(f.get("kill_grace").asText()));
        }
        if (f.has("poll_interval")) {
            c = c.withPollInterval(Durations.parse(f.get("poll_interval").asText()));
        }
        if (workers != null) {
            c = c.withWorkers(workers);
        }
        if (dags != null) {
            c = c.withDagsDir(dags.toAbsolutePath());
        }
        if (logs != null) {
            c = c.withLogsDir(logs.toAbsolutePath());
        }
        return c;
    }

    String url() {
        if (db != null) {
            return db;
        }
        String env = System.getenv("DLTRIGGER_DB");
        if (env != null && !env.isBlank()) {
            return env;
        }
        JsonNode f = file();
        if (f.has("db") && f.get("db").has("url")) {
            return f.get("db").get("url").asText();
        }
        return JdbcStore.h2FileUrl(home().resolve("data/engine/state"));
    }

    EngineRuntime open(boolean withEngine) {
        String user = dbUser;
        JsonNode f = file();
        if (user == null && f.has("db") && f.get("db").has("user")) {
            user = f.get("db").get("user").asText();
        }
        if (user == null) {
            user = url().startsWith("jdbc:h2:") ? "sa" : System.getProperty("user.name");
        }
        String pw = dbPassword != null ? dbPassword : System.getenv().getOrDefault("DLTRIGGER_DB_PASSWORD", "");
        return EngineRuntime.open(config(), url(), user, pw, withEngine);
    }
}
