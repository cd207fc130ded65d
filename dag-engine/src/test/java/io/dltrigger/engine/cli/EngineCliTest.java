package io.dltrigger.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.TestDags;
import io.dltrigger.engine.config.HttpSettings;
import io.dltrigger.engine.config.Settings;
import io.dltrigger.engine.http.RestServer;
import io.dltrigger.engine.service.EngineRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands as bin/dltrigger runs them: {@code engine run} as an engine of its own on a real H2 file, the others
 * over REST, against an engine started as {@code engine server} starts it, with the admin token of its first start.
 */
class EngineCliTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = EngineCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        return cl.execute(all.toArray(String[]::new));
    }

    @Test
    void validateAndRunInTheForegroundThenAskTheRunningEngineOverRest() throws Exception {
        Path dags = home.resolve("conf/dags");
        TestDags.hello(dags);
        TestDags.refused(dags);

        assertEquals(1, run("dags", "validate"));
        assertTrue(out.toString().contains("ok: " + dags.resolve("hello.yaml")), out.toString());
        assertTrue(
                err.toString().contains(dags.resolve("bad.yaml") + ":2: DAG: bad cron expression 'every day'"),
                err.toString());
        assertTrue(
                err.toString().contains(dags.resolve("broken.yaml") + ":4: task: task a: unknown task type 'shel'"),
                err.toString());

        assertEquals(0, run("engine", "run", "hello", "-p", "who=physicist"), err.toString());
        assertTrue(out.toString().contains("greet") && out.toString().contains("run 1: success"), out.toString());
        assertEquals(2, run("engine", "run", "hello", "-p", "whom=x"));
        assertTrue(err.toString().contains("no parameter 'whom'"), err.toString());

        Path dummy = Files.writeString(home.resolve("dummy.token"), "dlt_x");
        assertEquals(2, run("runs", "--url", "http://127.0.0.1:1", "--token-file", dummy.toString()), "no engine yet");
        assertTrue(err.toString().contains("no engine answers at http://127.0.0.1:1"), err.toString());

        Settings s = Settings.load(home, Settings.Overrides.NONE);
        try (EngineRuntime rt = EngineRuntime.open(s.engine(), s.dbUrl(), s.dbUser(), s.dbPassword(), true)
                        .start();
                RestServer http = new RestServer(rt.service(), rt.metrics(), HttpSettings.loopback(), rt::demoted)) {
            rt.service().ensureAdminToken(s.adminTokenFile(), null);
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(Files.getPosixFilePermissions(s.adminTokenFile())),
                    "the first start's admin token is readable by its owner only");
            assertEquals(
                    "rw-------",
                    PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(s.stateDir().resolve("db.password"))));
            String url = "http://127.0.0.1:" + http.start();

            assertEquals(0, run("runs", "--url", url), err.toString());
            assertTrue(out.toString().contains("hello") && out.toString().contains("success"), out.toString());
            assertEquals(0, run("tasks", "1", "--url", url));
            String taskTable = out.toString();
            assertTrue(taskTable.contains("greet") && taskTable.contains("done"), taskTable);
            String greetId = taskTable
                    .lines()
                    .filter(l -> l.contains("greet"))
                    .findFirst()
                    .orElseThrow()
                    .trim()
                    .split("\\s+")[0];
            assertEquals(0, run("tasks", "logs", greetId, "--url", url));
            assertTrue(out.toString().contains("hello physicist try 1"), out.toString());

            assertEquals(0, run("trigger", "hello", "--follow", "-p", "who=follower", "--url", url), err.toString());
            assertTrue(
                    out.toString().contains("greet") && out.toString().matches("(?s).*run \\d+: success in .*"),
                    "followed to its end: " + out);
            assertEquals(0, run("assets", "--url", url), err.toString());
            assertTrue(out.toString().startsWith("ASSET"), out.toString());

            assertEquals(0, run("dags", "pause", "hello", "--url", url), err.toString());
            assertEquals(1, run("dags", "list", "--url", url), "a refused file makes list exit 1");
            assertTrue(out.toString().contains("paused"), out.toString());
            assertTrue(out.toString().contains("refused: " + dags.resolve("bad.yaml") + ":2"), out.toString());

            assertEquals(2, run("trigger", "nope", "--url", url));
            assertTrue(err.toString().contains("no DAG 'nope'"), err.toString());
            assertEquals(0, run("backfill", "hello", "--from", "2026-02-01", "--to", "2026-02-03", "--url", url));
            assertTrue(out.toString().contains("queued 3 backfill runs"), out.toString());
            int runs = rt.service().runs(null, 100).size();

            assertEquals(2, run("engine", "run", "hello"), "the server's engine holds the lease");
            assertTrue(err.toString().contains("another engine works on this database"), err.toString());
            assertEquals(runs, rt.service().runs(null, 100).size(), "the refused run queued nothing");

            assertEquals(0, run("tokens", "create", "grafana", "--role", "viewer", "--url", url), err.toString());
            String viewerToken = out.toString().lines().reduce((a, b) -> b).orElseThrow();
            Path viewerFile = home.resolve("viewer.token");
            Files.writeString(viewerFile, viewerToken);
            assertEquals(0, run("runs", "--url", url, "--token-file", viewerFile.toString()));
            assertEquals(2, run("trigger", "hello", "--url", url, "--token-file", viewerFile.toString()));
            assertTrue(err.toString().contains("needs the operator role (HTTP 403)"), err.toString());
            assertEquals(0, run("tokens", "list", "--url", url));
            assertTrue(out.toString().contains("grafana") && out.toString().contains("viewer"), out.toString());
            assertFalse(out.toString().contains(viewerToken), "listed, never shown again");

            assertEquals(0, run("audit", "--url", url));
            String audit = out.toString();
            assertTrue(audit.contains("token:admin#1") && audit.contains("backfill"), audit);
            assertTrue(audit.contains("token:grafana#2") && audit.contains("refused"), audit);
        }
    }
}
