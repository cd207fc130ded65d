package io.dltrigger.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dltrigger.engine.model.Durations;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine's settings, whoever starts it (the CLI's commands, a test, a program): the defaults, then
 * {@code conf/engine.yaml} under the project home when it exists, then the environment
 * ({@code DLTRIGGER_DB}, {@code DLTRIGGER_DB_PASSWORD}), then explicit {@link Overrides}.
 */
public final class Settings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final JsonNode file;
    private final Overrides overrides;

    /** Values given explicitly (the CLI's flags); null for "not given". */
    public record Overrides(
            Path dagsDir,
            Path logsDir,
            Integer workers,
            Map<String, Integer> pools,
            String dbUrl,
            String dbUser,
            String dbPassword,
            String profile,
            Boolean schedules) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null);
    }

    private Settings(Path home, JsonNode file, Overrides overrides) {
        this.home = home;
        this.file = file;
        this.overrides = overrides;
    }

    /** Reads {@code HOME/conf/engine.yaml}, if there is one. */
    public static Settings load(Path home, Overrides overrides) {
        Path f = home.resolve("conf/engine.yaml");
        if (!Files.isRegularFile(f)) {
            return new Settings(home, JSON.createObjectNode(), overrides);
        }
        try {
            return new Settings(home, new ObjectMapper(new YAMLFactory()).readTree(f.toFile()), overrides);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** The project root as the launcher gives it ({@code -Ddltrigger.home}), else the current directory. */
    public static Path defaultHome() {
        String h = System.getProperty("dltrigger.home");
        return Path.of(h == null ? "." : h).toAbsolutePath().normalize();
    }

    public EngineConfig engine() {
        EngineConfig c = EngineConfig.defaults(home);
        if (file.has("workers")) {
            c = c.withWorkers(file.get("workers").asInt());
        }
        Profile profile = profile();
        c = c.withProfile(profile);
        Map<String, Integer> p = new LinkedHashMap<>(profile.pools());
        if (file.has("pools")) {
            file.get("pools")
                    .fields()
                    .forEachRemaining(e -> p.put(e.getKey(), e.getValue().asInt()));
        }
        if (overrides.pools() != null) {
            p.putAll(overrides.pools());
        }
        c = c.withPools(p);
        if (file.has("kill_grace")) {
            c = c.withKillGrace(Durations.parse(file.get("kill_grace").asText()));
        }
        if (file.has("poll_interval")) {
            c = c.withPollInterval(Durations.parse(file.get("poll_interval").asText()));
        }
        if (file.has("schedules")) {
            c = c.withSchedules(file.get("schedules").asBoolean());
        }
        if (overrides.schedules() != null) {
            c = c.withSchedules(overrides.schedules());
        }
        if (overrides.workers() != null) {
            c = c.withWorkers(overrides.workers());
        }
        if (overrides.dagsDir() != null) {
            c = c.withDagsDir(overrides.dagsDir().toAbsolutePath());
        }
        if (overrides.logsDir() != null) {
            c = c.withLogsDir(overrides.logsDir().toAbsolutePath());
        }
        return c;
    }

    /**
     * The deployment profile: the flag, else {@code DLTRIGGER_PROFILE}, else the file's {@code profile}, else
     * {@code local}; read from {@code conf/profiles/NAME.yaml} (only the default may be missing).
     */
    public Profile profile() {
        String name = overrides.profile();
        if (name == null) {
            name = System.getenv("DLTRIGGER_PROFILE");
        }
        if ((name == null || name.isBlank()) && file.has("profile")) {
            name = file.get("profile").asText();
        }
        boolean chosen = name != null && !name.isBlank();
        return Profile.load(home, chosen ? name : "local", !chosen, System::getenv);
    }

    /** The state database: the flag, else {@code DLTRIGGER_DB}, else the file's {@code db.url}, else an H2 file. */
    public String dbUrl() {
        if (overrides.dbUrl() != null) {
            return overrides.dbUrl();
        }
        String env = System.getenv("DLTRIGGER_DB");
        if (env != null && !env.isBlank()) {
            return env;
        }
        if (file.path("db").has("url")) {
            return file.get("db").get("url").asText();
        }
        return JdbcStore.h2FileUrl(home.resolve("data/engine/state"));
    }

    /** The flag, else the file's {@code db.user}, else {@code sa} for H2 and the OS user for others. */
    public String dbUser() {
        if (overrides.dbUser() != null) {
            return overrides.dbUser();
        }
        if (file.path("db").has("user")) {
            return file.get("db").get("user").asText();
        }
        return dbUrl().startsWith("jdbc:h2:") ? "sa" : System.getProperty("user.name");
    }

    /** The flag, else {@code DLTRIGGER_DB_PASSWORD} (never the file: secrets stay out of configuration). */
    public String dbPassword() {
        return overrides.dbPassword() != null
                ? overrides.dbPassword()
                : System.getenv().getOrDefault("DLTRIGGER_DB_PASSWORD", "");
    }
}
