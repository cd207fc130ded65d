package io.dltrigger.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.config.ConfigException;
import io.dltrigger.engine.auth.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conf/engine.yaml as every conf/ file is read: snake_case, unknown keys and bad values refused with the line. */
class SettingsTest {
    @TempDir
    Path home;

    private Settings load(String... lines) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/engine.yaml"), String.join("\n", lines) + "\n");
        return Settings.load(home, Settings.Overrides.NONE);
    }

    private String refused(String... lines) {
        return assertThrows(ConfigException.class, () -> load(lines)).getMessage();
    }

    @Test
    void theDefaultsAreSafeAndAFileChangesOnlyWhatItNames() throws Exception {
        Settings none = Settings.load(home, Settings.Overrides.NONE);
        assertEquals("127.0.0.1", none.http().bind());
        assertEquals(List.of("localhost", "127.0.0.1", "[::1]"), none.http().allowedHosts());
        assertNull(none.http().tls());
        assertEquals("jdbc:h2:file:" + home.resolve("data/engine/state") + ";DB_CLOSE_ON_EXIT=FALSE", none.dbUrl());
        assertEquals(home.resolve("data/engine/admin.token"), none.adminTokenFile());
        assertEquals("http://127.0.0.1:8080", none.clientUrl());

        Path password = home.resolve("keystore.password");
        SecretFiles.write(password, "changeit");
        Settings s = load(
                "workers: 8",
                "pools: {gpu: 1}",
                "kill_grace: 2s",
                "db:",
                "  h2_tcp_port: 9092",
                "http:",
                "  port: 8443",
                "  tls: {keystore: conf/engine.p12, keystore_password_file: keystore.password}");
        assertEquals(8, s.engine().workers());
        assertEquals(Map.of("gpu", 1), s.engine().pools());
        assertEquals(Duration.ofSeconds(2), s.engine().killGrace());
        assertEquals(Duration.ofSeconds(1), s.engine().pollInterval(), "not named: the default");
        assertEquals(9092, s.h2TcpPort());
        assertEquals(home.resolve("conf/engine.p12"), s.http().tls().keystore());
        assertEquals("changeit", s.http().tls().password());
        assertTrue(!s.http().tls().toString().contains("changeit"), "the password is never printed");
        assertEquals("https://127.0.0.1:8443", s.clientUrl());
    }

    @Test
    void theShippedFileHoldsTheDefaults() {
        EngineFile shipped = EngineFile.load(Path.of("../conf/engine.yaml"));
        assertEquals(EngineFile.defaults(), shipped);
    }

    @Test
    void unknownOldStyleAndBadValuesAreRefusedWithTheirLine() {
        String e = home.resolve("conf/engine.yaml").toString();
        assertTrue(refused("workers: 2", "bogus: 1").startsWith(e + " line 2: unknown key 'bogus'"));
        assertEquals(
                e + " line 2: key 'killGrace' is now 'kill_grace' (configuration keys are snake_case)",
                refused("workers: 2", "killGrace: 5s"));
        assertTrue(refused("http:", "  port: 70000").startsWith(e + " line 2: bad value for 'http.port'"));
        String duration = refused("workers: 1", "", "poll_interval: soon");
        assertTrue(duration.startsWith(e + " line 3: bad value for 'poll_interval'"), duration);
        assertTrue(duration.contains("bad duration 'soon'"), duration);
        assertTrue(refused("pools: {gpu: 0}").startsWith(e + " line 1: bad value for 'pools.gpu'"));
        assertTrue(refused("db: {password: hunter2}").startsWith(e + " line 1: unknown key 'db.password'"));
    }
}
