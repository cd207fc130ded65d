package io.dltrigger.engine.config;

import io.dltrigger.engine.auth.SecretFiles;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's settings, whoever starts it (the CLI's commands, a test, a program): the defaults, then
 * {@code conf/engine.yaml} under the project home when it exists (see {@link EngineFile}), then the environment
 * ({@code DLTRIGGER_DB}, {@code DLTRIGGER_DB_PASSWORD}, {@code DLTRIGGER_TLS_PASSWORD}, {@code DLTRIGGER_URL},
 * {@code DLTRIGGER_API_TOKEN}), then explicit {@link Overrides}.
 */
public final class Settings {
    private final Path home;
    private final EngineFile file;
    private final Overrides overrides;

    /** Values given explicitly (the CLI's flags); null for "not given". */
    public record Overrides(
            Path stateDir,
            Path dagsDir,
            Path logsDir,
            Integer workers,
            Map<String, Integer> pools,
            String dbUrl,
            String dbUser,
            Path dbPasswordFile,
            String profile,
            Boolean schedules) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null, null, null);
    }

    private Settings(Path home, EngineFile file, Overrides overrides) {
        this.home = home;
        this.file = file;
        this.overrides = overrides;
    }

    /** Reads {@code HOME/conf/engine.yaml}, if there is one; refuses a bad file with its line. */
    public static Settings load(Path home, Overrides overrides) {
        Path f = home.resolve("conf/engine.yaml");
        return new Settings(home, Files.isRegularFile(f) ? EngineFile.load(f) : EngineFile.defaults(), overrides);
    }

    /** The project root as the launcher gives it ({@code -Ddltrigger.home}), else the current directory. */
    public static Path defaultHome() {
        String h = System.getProperty("dltrigger.home");
        return Path.of(h == null ? "." : h).toAbsolutePath().normalize();
    }

    /** The state folder: the H2 database, task logs, the admin token, the H2 password. */
    public Path stateDir() {
        return (overrides.stateDir() != null ? overrides.stateDir() : home.resolve(file.stateDir()))
                .toAbsolutePath()
                .normalize();
    }

    /** Where the first start writes the admin token, and where {@code bin/dltrigger} reads it by default. */
    public Path adminTokenFile() {
        return stateDir().resolve("admin.token");
    }

    public EngineConfig engine() {
        Profile profile = profile();
        Map<String, Integer> pools = new LinkedHashMap<>(profile.pools());
        file.pools().forEach((name, slots) -> pools.put(name, slots.value()));
        if (overrides.pools() != null) {
            pools.putAll(overrides.pools());
        }
        EngineConfig c = EngineConfig.defaults(home)
                .withLogsDir(stateDir().resolve("logs"))
                .withWorkers(file.workers().value())
                .withPools(pools)
                .withKillGrace(file.killGrace().value())
                .withPollInterval(file.pollInterval().value())
                .withProfile(profile)
                .withSchedules(overrides.schedules() != null ? overrides.schedules() : file.schedules());
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
        if (name == null || name.isBlank()) {
            name = System.getenv("DLTRIGGER_PROFILE");
        }
        if (name == null || name.isBlank()) {
            name = file.profile();
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
        return file.db().url() != null
                ? file.db().url()
                : JdbcStore.h2FileUrl(stateDir().resolve("state"));
    }

    /** The flag, else the file's {@code db.user}, else {@code sa} for H2 and the OS user for others. */
    public String dbUser() {
        if (overrides.dbUser() != null) {
            return overrides.dbUser();
        }
        if (file.db().user() != null) {
            return file.db().user();
        }
        return isH2() ? "sa" : System.getProperty("user.name");
    }

    /**
     * The password, never from the command line or the configuration file itself: the password file (flag, else
     * {@code db.password_file}), else {@code DLTRIGGER_DB_PASSWORD}, else for H2 the state folder's
     * {@code db.password} (generated, mode 0600, on first use).
     */
    public String dbPassword() {
        Path f = overrides.dbPasswordFile() != null
                ? overrides.dbPasswordFile()
                : file.db().passwordFile() == null
                        ? null
                        : home.resolve(file.db().passwordFile());
        if (f != null) {
            return SecretFiles.read(f);
        }
        String env = System.getenv("DLTRIGGER_DB_PASSWORD");
        if (env != null) {
            return env;
        }
        return isH2() ? h2Password() : "";
    }

    /** Above 0: the engine serves its H2 file to other processes on 127.0.0.1 at this port. */
    public int h2TcpPort() {
        return file.db().h2TcpPort().value();
    }

    /** The REST API's settings from the file; the keystore's password from its file or the environment. */
    public HttpSettings http() {
        EngineFile.Http h = file.http();
        HttpSettings.Tls tls = null;
        if (h.tls().keystore() != null) {
            String password = h.tls().keystorePasswordFile() != null
                    ? SecretFiles.read(home.resolve(h.tls().keystorePasswordFile()))
                    : System.getenv().getOrDefault("DLTRIGGER_TLS_PASSWORD", "");
            tls = new HttpSettings.Tls(home.resolve(h.tls().keystore()), password);
        }
        return new HttpSettings(h.bind(), h.port().value(), h.allowedHosts(), tls, h.insecureBind());
    }

    /**
     * Where {@code bin/dltrigger} finds the engine: {@code DLTRIGGER_URL}, else the configured address and port
     * (loopback when the engine listens on every address).
     */
    public String clientUrl() {
        String env = System.getenv("DLTRIGGER_URL");
        if (env != null && !env.isBlank()) {
            return env;
        }
        HttpSettings h = http();
        String host = List.of("0.0.0.0", "::", "[::]").contains(h.bind()) ? "127.0.0.1" : h.bind();
        return (h.tls() == null ? "http" : "https") + "://"
                + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + ":" + h.port();
    }

    private boolean isH2() {
        return dbUrl().startsWith("jdbc:h2:");
    }

    private String h2Password() {
        return SecretFiles.readOrCreate(stateDir().resolve("db.password"), () -> {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    }
}
