package io.dltrigger.engine.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.dltrigger.contract.config.ConfigFile;
import io.dltrigger.engine.model.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code conf/engine.yaml} as written (snake_case keys, each optional: a file names only what it changes), read
 * through the contract's {@link ConfigFile} like every {@code conf/} file: unknown or old-style keys and bad
 * values are refused with the file and line. Secrets are never in it: passwords come from files (mode 0600)
 * or the environment.
 *
 * @param stateDir the engine's state folder, relative to the project home: the H2 database, task logs, the admin
 *     token and the H2 password
 * @param profile the deployment profile ({@code conf/profiles/NAME.yaml}; default {@code local})
 * @param schedules false: the engine creates no scheduled runs (manual, backfill and asset-triggered runs still run)
 */
public record EngineFile(
        Count workers,
        Map<String, Count> pools,
        Interval killGrace,
        Interval pollInterval,
        String stateDir,
        Db db,
        Http http,
        String profile,
        boolean schedules) {

    /**
     * The state database.
     *
     * @param url a JDBC URL (default: an H2 file in the state folder)
     * @param passwordFile where the password is (else {@code DLTRIGGER_DB_PASSWORD}; for the default H2 file, a
     *     generated one in the state folder)
     * @param h2TcpPort above 0: the engine serves its H2 file to other processes on 127.0.0.1 at this port
     */
    public record Db(String url, String user, String passwordFile, Port h2TcpPort) {}

    /**
     * The REST API and UI.
     *
     * @param allowedHosts the names a request's {@code Host} may carry (DNS rebinding is refused)
     * @param insecureBind allows listening on a non-loopback address without TLS
     */
    public record Http(String bind, Port port, List<String> allowedHosts, boolean insecureBind, Tls tls) {}

    /** TLS from a keystore (PKCS12 or JKS); its password from a file, else {@code DLTRIGGER_TLS_PASSWORD}. */
    public record Tls(String keystore, String keystorePasswordFile) {}

    public static EngineFile defaults() {
        return new EngineFile(
                new Count(4),
                Map.of(),
                new Interval(Duration.ofSeconds(5)),
                new Interval(Duration.ofSeconds(1)),
                "data/engine",
                new Db(null, null, null, new Port(0)),
                new Http(
                        "127.0.0.1",
                        new Port(8080),
                        List.of("localhost", "127.0.0.1", "[::1]"),
                        false,
                        new Tls(null, null)),
                null,
                true);
    }

    /** Reads {@code file} over the defaults. */
    public static EngineFile load(Path file) {
        return ConfigFile.load(file, EngineFile.class, defaults(), Set.of("pools"));
    }

    /** A count of at least 1 (workers, pool slots). */
    public record Count(@JsonValue int value) {
        @JsonCreator
        public Count {
            if (value < 1) {
                throw new IllegalArgumentException("must be at least 1, got " + value);
            }
        }
    }

    /** A TCP port, 0 to 65535 (0: any free one). */
    public record Port(@JsonValue int value) {
        @JsonCreator
        public Port {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("a port is 0 to 65535, got " + value);
            }
        }
    }

    /** A duration as DAG files write them ({@code 500ms}, {@code 5s}, {@code 2m}...). */
    public record Interval(Duration value) {
        @JsonCreator
        public static Interval parse(String text) {
            return new Interval(Durations.parse(text));
        }

        @JsonValue
        String text() {
            return value.toMillis() + "ms";
        }
    }
}
