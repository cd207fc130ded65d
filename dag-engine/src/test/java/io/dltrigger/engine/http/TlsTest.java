package io.dltrigger.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.TestDags;
import io.dltrigger.engine.auth.Caller;
import io.dltrigger.engine.auth.SecretFiles;
import io.dltrigger.engine.cli.EngineCli;
import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.config.HttpSettings;
import io.dltrigger.engine.config.Settings;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** TLS from a keystore, and no plain HTTP on a non-loopback address unless told. */
class TlsTest {
    @TempDir
    Path home;

    @Test
    void aNonLoopbackAddressWithoutTlsIsRefusedUnlessToldSo() throws Exception {
        EngineConfig cfg = EngineConfig.defaults(home).withDagsDir(home.resolve("dags"));
        try (EngineRuntime rt = EngineRuntime.open(cfg, JdbcStore.h2FileUrl(home.resolve("state")), "sa", "", false)) {
            RestServer plain = new RestServer(
                    rt.service(), rt.metrics(), HttpSettings.loopback().withBind("0.0.0.0", false), () -> false);
            IllegalStateException e = assertThrows(IllegalStateException.class, plain::start);
            assertTrue(e.getMessage().contains("refusing to listen on 0.0.0.0 without TLS"), e.getMessage());
            assertTrue(e.getMessage().contains("--insecure-bind"), e.getMessage());
            plain.close();
        }
    }

    @Test
    void theApiIsServedOverTlsAndTheCommandLineTrustsTheEnginesOwnKeystore() throws Exception {
        Path keystore = home.resolve("conf/engine.p12");
        Files.createDirectories(keystore.getParent());
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-keystore",
                        keystore.toString(),
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        "test-pass",
                        "-alias",
                        "engine",
                        "-keyalg",
                        "EC",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=dns:localhost,ip:127.0.0.1")
                .redirectErrorStream(true)
                .start();
        String keytoolOut = new String(keytool.getInputStream().readAllBytes());
        assertEquals(0, keytool.waitFor(), keytoolOut);
        SecretFiles.write(home.resolve("conf/keystore.password"), "test-pass");
        TestDags.hello(home.resolve("conf/dags"));
        Files.writeString(
                home.resolve("conf/engine.yaml"),
                String.join(
                        "\n",
                        "http:",
                        "  port: 0",
                        "  tls: {keystore: conf/engine.p12, keystore_password_file: conf/keystore.password}",
                        ""));
        Settings s = Settings.load(home, Settings.Overrides.NONE);
        try (EngineRuntime rt = EngineRuntime.open(s.engine(), s.dbUrl(), s.dbUser(), s.dbPassword(), false);
                RestServer server = new RestServer(rt.service(), rt.metrics(), s.http(), () -> false)) {
            int port = server.start();
            String token =
                    rt.service().createToken(Caller.local(), "tls", Role.VIEWER).secret();

            HttpClient trusting =
                    HttpClient.newBuilder().sslContext(trust(keystore)).build();
            Api api = new Api(trusting, "https://127.0.0.1:" + port, token);
            assertEquals("tls", api.get("/api/whoami").get("name").asText().replaceAll("token:(.*)#\\d+", "$1"));
            Api plain = new Api("http://127.0.0.1:" + port, token);
            assertThrows(
                    java.io.IOException.class, () -> plain.status("GET", "/api/dags"), "no plain HTTP on the TLS port");

            Path tokenFile = home.resolve("viewer.token");
            Files.writeString(tokenFile, token);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = EngineCli.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int rc = cl.execute(
                    "dags",
                    "list",
                    "--home",
                    home.toString(),
                    "--url",
                    "https://127.0.0.1:" + port,
                    "--token-file",
                    tokenFile.toString());
            assertEquals(0, rc, err.toString());
            assertTrue(out.toString().contains("hello"), out.toString());
        }
    }

    private static SSLContext trust(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, "test-pass".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
