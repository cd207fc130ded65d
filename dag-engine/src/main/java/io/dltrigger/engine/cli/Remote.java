package io.dltrigger.engine.cli;

import io.dltrigger.engine.auth.SecretFiles;
import io.dltrigger.engine.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a command reaches the running engine: its REST API, with an API token. By default the address and port of
 * {@code conf/engine.yaml} (or {@code DLTRIGGER_URL}) and the admin token the engine wrote in its state folder on
 * its first start (or {@code DLTRIGGER_API_TOKEN}). Commands never open the engine's database themselves.
 */
public final class Remote {
    @Option(names = "--home", description = "project root (default: the launcher's, else the current directory)")
    Path home;

    @Option(
            names = "--url",
            description = "the engine's address (default: env DLTRIGGER_URL, else http.bind and http.port of"
                    + " conf/engine.yaml: http://127.0.0.1:8080)")
    String url;

    @Option(
            names = "--token-file",
            description = "a file holding an API token (default: env DLTRIGGER_API_TOKEN, else the admin token the"
                    + " engine wrote on its first start: HOME/data/engine/admin.token)")
    Path tokenFile;

    EngineClient client() {
        Settings s =
                Settings.load(home != null ? home.toAbsolutePath() : Settings.defaultHome(), Settings.Overrides.NONE);
        String base = url != null ? url : s.clientUrl();
        return new EngineClient(base, token(s), s.http().tls());
    }

    private String token(Settings s) {
        if (tokenFile != null) {
            return SecretFiles.read(tokenFile);
        }
        String env = System.getenv("DLTRIGGER_API_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        Path admin = s.adminTokenFile();
        if (Files.isRegularFile(admin)) {
            return SecretFiles.read(admin);
        }
        throw new IllegalStateException("no API token: " + admin + " does not exist (the engine writes it on its first"
                + " start); pass --token-file or set DLTRIGGER_API_TOKEN");
    }
}
