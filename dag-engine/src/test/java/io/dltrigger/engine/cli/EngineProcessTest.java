package io.dltrigger.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.TestDags;
import io.dltrigger.engine.auth.SecretFiles;
import io.dltrigger.engine.config.Settings;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.store.StoreException;
import io.dltrigger.testing.Listeners;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The engine as {@code bin/dltrigger engine server} starts it, in a process of its own: it listens on loopback only
 * (read from {@code /proc}), and when it is frozen (SIGSTOP) neither the command line nor a second engine hangs on
 * it.
 */
class EngineProcessTest {
    @TempDir
    Path home;

    private Process engine;

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            new ProcessBuilder("kill", "-CONT", String.valueOf(engine.pid()))
                    .start()
                    .waitFor();
            engine.destroy();
            engine.waitFor(30, TimeUnit.SECONDS);
            engine.destroyForcibly();
        }
    }

    @Test
    void aDefaultStartListensOnLoopbackOnlyAndAFrozenEngineBlocksNobody() throws Exception {
        TestDags.hello(home.resolve("conf/dags"));
        String url = start().get(0);
        List<String> listening = Listeners.of(engine.pid());
        assertFalse(listening.isEmpty(), "the REST API listens");
        for (String address : listening) {
            assertTrue(Listeners.loopback(address), "listens on " + address + ": " + listening);
        }

        new ProcessBuilder("kill", "-STOP", String.valueOf(engine.pid()))
                .start()
                .waitFor();
        CompletableFuture<String> cli = CompletableFuture.supplyAsync(() -> cli("runs", "--url", url));
        String answer = cli.get(EngineClient.ANSWER_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
        assertTrue(answer.startsWith("2 ") && answer.contains("did not answer within"), answer);

        Settings s = Settings.load(home, Settings.Overrides.NONE);
        CompletableFuture<Throwable> second = CompletableFuture.supplyAsync(() -> {
            try (EngineRuntime rt = EngineRuntime.open(s.engine(), s.dbUrl(), s.dbUser(), s.dbPassword(), true)) {
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        Throwable refused = second.get(60, TimeUnit.SECONDS);
        assertTrue(refused instanceof StoreException, String.valueOf(refused));
        assertTrue(refused.getMessage().contains("is in use by another process"), refused.getMessage());
    }

    @Test
    void theOptInH2ServerListensOnLoopbackAndWantsTheGeneratedPassword() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/engine.yaml"), "db:\n  h2_tcp_port: " + freePort() + "\n");
        List<String> started = start();
        for (String address : Listeners.of(engine.pid())) {
            assertTrue(Listeners.loopback(address), "listens on " + address);
        }
        String tcpUrl = started.get(1);
        Path passwordFile = home.resolve("data/engine/db.password");
        String password = SecretFiles.read(passwordFile);
        try (var c = DriverManager.getConnection(tcpUrl, "sa", password);
                var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM engine_lease")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "another process reads the engine's state through the server");
        }
        SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(tcpUrl, "sa", ""));
        assertTrue(wrong.getMessage().contains("Wrong user name or password"), wrong.getMessage());
    }

    /** Starts the engine server; returns its URL and, when it serves its H2 file, that file's TCP URL. */
    private List<String> start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        engine = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.dltrigger.engine.cli.EngineCli",
                        "engine",
                        "server",
                        "--home",
                        home.toString(),
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(engine.getInputStream()));
        List<String> seen = new ArrayList<>();
        String h2 = null;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.add(line);
            Matcher tcp = Pattern.compile("(jdbc:h2:tcp://\\S+)").matcher(line);
            if (tcp.find()) {
                h2 = tcp.group(1);
            }
            Matcher m = Pattern.compile("dltrigger engine: (http://127\\.0\\.0\\.1:\\d+)/")
                    .matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}));
                drain.setDaemon(true);
                drain.start();
                List<String> urls = new ArrayList<>(List.of(m.group(1)));
                if (h2 != null) {
                    urls.add(h2);
                }
                return urls;
            }
        }
        throw new AssertionError("the engine did not start: " + String.join("\n", seen));
    }

    /** {@code EXIT OUTPUT} of a command run as bin/dltrigger runs it. */
    private String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = EngineCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        int rc = cl.execute(all.toArray(String[]::new));
        return rc + " " + out;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
