package io.dltrigger.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.TestDags;
import io.dltrigger.engine.auth.Caller;
import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.config.HttpSettings;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real headless browser (Debian's chromium, which .ci/run installs): load the page, sign in with
 * an API token, press a DAG's Trigger button, see the run succeed in the list, in the graph view and in the run's
 * Gantt chart, and find the trigger in the audit log.
 */
class WebUiBrowserTest {
    @TempDir
    Path dir;

    @Test
    void triggerFromTheBrowserAndSeeTheRunSucceed() throws Exception {
        assertTrue(
                Files.isExecutable(Path.of("/usr/bin/chromium")) || onPath("chromium"),
                "this test needs Debian's chromium (apt-get install chromium), as .ci/run installs it");
        Path dags = dir.resolve("dags");
        TestDags.hello(dags);
        EngineConfig cfg = EngineConfig.defaults(dir)
                .withDagsDir(dags)
                .withLogsDir(dir.resolve("logs"))
                .withPollInterval(Duration.ofMillis(200));
        try (EngineRuntime rt = EngineRuntime.open(cfg, JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "", true)
                        .start();
                RestServer server = new RestServer(rt.service(), rt.metrics(), HttpSettings.loopback(), rt::demoted)) {
            int port = server.start();
            String token = rt.service()
                    .createToken(Caller.local(), "browser", Role.OPERATOR)
                    .secret();
            try (Chromium browser = new Chromium(dir.resolve("chrome-profile"), "http://127.0.0.1:" + port + "/")) {
                browser.await(
                        "the sign-in form",
                        "document.getElementById('login') !== null && !document.getElementById('login').hidden",
                        Duration.ofSeconds(60));
                browser.eval("document.getElementById('token-input').value = 'dlt_wrong';"
                        + " document.getElementById('sign-in').click(); true");
                browser.await(
                        "a refused token",
                        "document.getElementById('login-error').textContent.includes('unknown or revoked')",
                        Duration.ofSeconds(60));
                browser.eval("document.getElementById('token-input').value = '" + token + "';"
                        + " document.getElementById('sign-in').click(); true");
                browser.await(
                        "the DAG list",
                        "document.querySelector('tr[data-dag=\"hello\"] button.trigger') !== null",
                        Duration.ofSeconds(60));
                assertEquals(
                        "token:browser#1 (operator)",
                        browser.eval("document.getElementById('who').textContent")
                                .asText());
                assertEquals("", browser.eval("document.cookie").asText(), "the token is never a cookie");
                browser.eval("document.querySelector('tr[data-dag=\"hello\"] button.trigger').click(); true");
                browser.await(
                        "a successful run in the list",
                        "document.querySelector('tr[data-dag=\"hello\"] span.state.success') !== null",
                        Duration.ofSeconds(60));
                browser.eval("location.hash = '#dag/hello'; true");
                browser.await(
                        "the graph with both tasks green",
                        "document.querySelectorAll('#graph g[data-state=\"success\"]').length === 2",
                        Duration.ofSeconds(60));
                browser.await(
                        "the run's Gantt chart: a bar per try, both successful",
                        "document.querySelectorAll('#gantt rect.bar.success').length === 2",
                        Duration.ofSeconds(60));
                browser.eval("location.hash = '#audit'; true");
                browser.await(
                        "the trigger in the audit log",
                        "[...document.querySelectorAll('#audit tbody tr')].some(r =>"
                                + " r.textContent.includes('token:browser#1') && r.textContent.includes('trigger'))",
                        Duration.ofSeconds(60));
            }
            List<DagRun> runs = rt.service().runs("hello", 10);
            assertEquals(1, runs.size(), "exactly the one run the button created");
            assertEquals(RunState.SUCCESS, runs.get(0).state());
        }
    }

    @Test
    void aRunsPageLinksTheFilesItsTasksPublishedAndTheAssetsAreListed() throws Exception {
        Path dags = dir.resolve("dags");
        Files.createDirectories(dags);
        Path report = dir.resolve("report.html");
        Files.writeString(report, "<h1>the report</h1>");
        Files.writeString(
                dags.resolve("report.yaml"),
                String.join(
                        "\n",
                        "id: report",
                        "tasks:",
                        "  - id: write",
                        "    type: shell",
                        "    outlets: [reports]",
                        "    command: >-",
                        "      echo '{\"artifacts\": {\"report.html\": \"" + report + "\"} }' > $DLTRIGGER_OUTPUT",
                        ""));
        EngineConfig cfg = EngineConfig.defaults(dir)
                .withDagsDir(dags)
                .withLogsDir(dir.resolve("logs"))
                .withPollInterval(Duration.ofMillis(200));
        try (EngineRuntime rt = EngineRuntime.open(cfg, JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "", true)
                        .start();
                RestServer server = new RestServer(rt.service(), rt.metrics(), HttpSettings.loopback(), rt::demoted)) {
            int port = server.start();
            String token = rt.service()
                    .createToken(Caller.local(), "browser", Role.VIEWER)
                    .secret();
            DagRun run = rt.service().trigger(Caller.local(), "report", java.util.Map.of());
            assertEquals(
                    RunState.SUCCESS,
                    rt.service().awaitRun(run.id(), Duration.ofSeconds(60)).state());
            try (Chromium browser = new Chromium(dir.resolve("chrome-profile"), "http://127.0.0.1:" + port + "/")) {
                browser.await(
                        "the sign-in form",
                        "document.getElementById('login') !== null && !document.getElementById('login').hidden",
                        Duration.ofSeconds(60));
                browser.eval("document.getElementById('token-input').value = '" + token + "';"
                        + " document.getElementById('sign-in').click(); true");
                browser.await(
                        "the DAG list",
                        "document.querySelector('tr[data-dag=\"report\"]') !== null",
                        Duration.ofSeconds(60));
                browser.eval("location.hash = '#run/" + run.id() + "'; true"); // DevTools drops a URL's fragment
                browser.await(
                        "the report link on the run's page",
                        "(document.querySelector('a[data-artifact=\"report.html\"]') || {href: ''})"
                                + ".href.endsWith('/artifacts/report.html')",
                        Duration.ofSeconds(60));
                browser.eval("location.hash = ''; true");
                browser.await(
                        "the asset with its last update",
                        "(document.querySelector('tr[data-asset=\"reports\"]') || {textContent: ''})"
                                + ".textContent.includes('task of report.write')",
                        Duration.ofSeconds(60));
            }
        }
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }
}
