package io.dltrigger.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.TestDags;
import io.dltrigger.engine.auth.Caller;
import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.config.HttpSettings;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API end to end over HTTP, with its guards: tokens and roles, Host and Origin, the injection payload. */
class RestServerTest {
    @TempDir
    Path dir;

    private Path dags;
    private EngineRuntime rt;
    private RestServer server;
    private Api admin;
    private Api anonymous;

    @BeforeEach
    void start() throws Exception {
        dags = dir.resolve("dags");
        TestDags.hello(dags);
        TestDags.refused(dags);
        Files.copy(Path.of("../conf/dags/example.yaml"), dags.resolve("example.yaml"));
        EngineConfig cfg = EngineConfig.defaults(dir)
                .withDagsDir(dags)
                .withLogsDir(dir.resolve("logs"))
                .withPollInterval(Duration.ofMillis(200));
        rt = EngineRuntime.open(cfg, JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "", true)
                .start();
        server = new RestServer(rt.service(), rt.metrics(), HttpSettings.loopback(), rt::demoted);
        String base = "http://127.0.0.1:" + server.start();
        admin = new Api(base, token(Role.ADMIN));
        anonymous = new Api(base, null);
    }

    @AfterEach
    void stop() {
        server.close();
        rt.close();
    }

    private String token(Role role) {
        return rt.service()
                .createToken(Caller.local(), "test-" + role.fileName(), role)
                .secret();
    }

    @Test
    void triggerRunLogsClearAndMetricsOverHttp() throws Exception {
        JsonNode dagList = admin.get("/api/dags");
        assertEquals(2, dagList.size());
        JsonNode errors = admin.get("/api/dag-errors");
        assertEquals(2, errors.size());
        JsonNode broken = errors.get(0).get("file").asText().endsWith("broken.yaml") ? errors.get(0) : errors.get(1);
        assertEquals(dags.resolve("broken.yaml").toString(), broken.get("file").asText());
        assertEquals(4, broken.get("line").asInt());
        assertTrue(broken.get("cause").asText().contains("unknown task type 'shel'"));

        JsonNode run = admin.post("/api/dags/hello/trigger", "{\"params\": {\"who\": \"physicist\"}}", 201);
        long runId = run.get("id").asLong();
        JsonNode done = awaitEnd(runId);
        assertEquals("success", done.get("state").asText());
        JsonNode tasks = admin.get("/api/runs/" + runId + "/tasks");
        JsonNode greet = tasks.get(0).get("task_id").asText().equals("greet") ? tasks.get(0) : tasks.get(1);
        long greetId = greet.get("id").asLong();
        assertTrue(admin.text("/api/tasks/" + greetId + "/log").contains("hello physicist try 1"));

        admin.post("/api/tasks/" + greetId + "/clear", "", 204);
        Api.waitUntil(
                "the cleared task's second try",
                () -> admin.get("/api/tasks/" + greetId).get("try_number").asInt() == 2
                        && admin.get("/api/runs/" + runId).get("state").asText().equals("success"));
        assertTrue(admin.text("/api/tasks/" + greetId + "/log?try=2").contains("hello physicist try 2"));
        assertTrue(admin.text("/api/tasks/" + greetId + "/log?try=1").contains("try 1"), "the first try's log is kept");
        JsonNode tries = admin.get("/api/runs/" + runId + "/tries");
        assertEquals(4, tries.size(), "greet and done, twice each (the clear re-ran both): " + tries);

        JsonNode unknown = admin.post("/api/dags/hello/trigger", "{\"params\": {\"whom\": 1}}", 400);
        assertTrue(unknown.get("error").asText().contains("no parameter 'whom'"));
        assertEquals(404, admin.status("GET", "/api/runs/999999"));

        JsonNode backfill = admin.post(
                "/api/dags/hello/backfill", "{\"from\": \"2026-01-01\", \"to\": \"2026-01-03\", \"parallel\": 3}", 201);
        assertEquals(3, backfill.size());

        String metrics = admin.text("/metrics");
        assertTrue(metrics.contains("dltrigger_task_finished_total{dag=\"hello\",state=\"success\"}"), metrics);
        assertTrue(metrics.contains("dltrigger_scheduler_loop_seconds_count"), metrics);
        assertTrue(metrics.contains("dltrigger_runs{state=\"success\"}"), metrics);
        assertTrue(anonymous.text("/").contains("DLTrigger engine"), "the UI's page needs no token: it holds no data");

        JsonNode audit = admin.get("/api/audit");
        assertTrue(audit.toString().contains("\"action\":\"clear\""), audit.toString());
        JsonNode refused = find(audit, "trigger", "refused");
        assertTrue(refused.get("detail").asText().contains("no parameter 'whom'"), refused.toString());
        assertEquals("token:test-admin#1", refused.get("actor").asText());
        assertEquals("127.0.0.1", refused.get("remote").asText());
    }

    @Test
    void everyRouteButTheProbeNeedsAnActiveTokenAndARoleThatMay() throws Exception {
        assertEquals(200, anonymous.status("GET", "/health"));
        HttpResponse<String> none = anonymous.send("GET", "/api/dags", null, Map.of());
        assertEquals(401, none.statusCode());
        assertEquals(
                "Bearer realm=\"dltrigger\"",
                none.headers().firstValue("WWW-Authenticate").orElse(""));
        for (String path : new String[] {"/api/runs", "/api/audit", "/metrics", "/api/tokens", "/api/whoami"}) {
            assertEquals(401, anonymous.status("GET", path), path);
        }
        assertEquals(401, anonymous.status("POST", "/api/dags/hello/trigger"));
        assertEquals(401, admin.as("dlt_not-a-token").status("GET", "/api/dags"), "a wrong token");
        assertEquals(401, admin.as("").status("GET", "/api/dags"));

        Api viewer = admin.as(token(Role.VIEWER));
        assertEquals(200, viewer.status("GET", "/api/dags"));
        JsonNode forbidden = viewer.post("/api/dags/hello/trigger", "{}", 403);
        assertTrue(forbidden.get("error").asText().contains("needs the operator role"), forbidden.toString());
        assertEquals(403, viewer.status("POST", "/api/dags/hello/pause"));
        assertEquals(0, rt.service().runs("hello", 10).size(), "the viewer's trigger changed nothing");
        assertEquals(
                "refused",
                find(admin.get("/api/audit"), "trigger", "refused")
                        .get("outcome")
                        .asText());

        Api operator = admin.as(token(Role.OPERATOR));
        operator.post("/api/dags/hello/trigger", "{}", 201);
        assertEquals(403, operator.status("GET", "/api/tokens"), "tokens are an admin's");
        JsonNode made = admin.post("/api/tokens", "{\"name\": \"ci\", \"role\": \"operator\"}", 201);
        String secret = made.get("token").asText();
        assertTrue(secret.startsWith("dlt_"), secret);
        assertEquals("operator", admin.as(secret).get("/api/whoami").get("role").asText());
        assertFalse(admin.text("/api/tokens").contains(secret), "a token is shown once, never listed");
        assertEquals(
                204,
                admin.send("DELETE", "/api/tokens/" + made.get("id").asLong(), null, Map.of())
                        .statusCode());
        assertEquals(401, admin.as(secret).status("GET", "/api/dags"), "revoked at once");
    }

    @Test
    void aForeignHostOrOriginIsRefusedEvenWithAToken() throws Exception {
        Api.Raw rebound = admin.raw("GET", "/api/dags", Map.of("Host", "evil.example:8080"), null);
        assertEquals(403, rebound.status(), "DNS rebinding: a page of evil.example re-pointed at 127.0.0.1");
        assertTrue(rebound.body().contains("not one of this server's names"), rebound.body());
        assertEquals(
                403,
                anonymous.raw("GET", "/", Map.of("Host", "evil.example"), null).status());
        Api.Raw csrf = admin.raw(
                "POST",
                "/api/dags/hello/trigger",
                Map.of("Origin", "http://evil.example", "Host", "evil.example"),
                "{}");
        assertEquals(403, csrf.status());
        Api.Raw foreignOrigin =
                admin.raw("POST", "/api/dags/hello/trigger", Map.of("Origin", "http://evil.example"), "{}");
        assertEquals(403, foreignOrigin.status(), "the Host is ours, but a foreign page sent it");
        assertTrue(foreignOrigin.body().contains("cross-site request"), foreignOrigin.body());
        assertEquals(0, rt.service().runs("hello", 10).size());
        int port = java.net.URI.create(admin.base).getPort();
        assertEquals(
                201,
                admin.raw(
                                "POST",
                                "/api/dags/hello/trigger",
                                Map.of("Host", "localhost:" + port, "Origin", "http://localhost:" + port),
                                "{}")
                        .status(),
                "the UI's own origin, by name");
        HttpResponse<String> page = anonymous.send("GET", "/", null, Map.of());
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        assertTrue(page.headers().firstValue("Set-Cookie").isEmpty(), "no cookies, ever");
    }

    @Test
    void theShippedExampleRefusesTheInjectionPayloadAndRunsWithATypedValue() throws Exception {
        Path pwned = dir.resolve("pwned");
        JsonNode refused =
                admin.post("/api/dags/example/trigger", "{\"params\": {\"samples\": \"x$(id > " + pwned + ")\"}}", 400);
        assertTrue(
                refused.get("error").asText().startsWith("parameter 'samples' must be an integer"), refused.toString());
        assertEquals(0, manualRuns("example"), "no run was queued");

        JsonNode run = admin.post("/api/dags/example/trigger", "{\"params\": {\"samples\": 5000}}", 201);
        JsonNode done = awaitEnd(run.get("id").asLong());
        assertEquals("success", done.get("state").asText());
        assertFalse(Files.exists(pwned));
        JsonNode tasks = admin.get("/api/runs/" + run.get("id").asLong() + "/tasks");
        long plan = 0;
        long report = 0;
        for (JsonNode t : tasks) {
            plan = t.get("task_id").asText().equals("plan") ? t.get("id").asLong() : plan;
            report = t.get("task_id").asText().equals("report") ? t.get("id").asLong() : report;
        }
        assertTrue(admin.text("/api/tasks/" + plan + "/log").contains("planning 5000 events"));
        String results = admin.text("/api/tasks/" + report + "/log");
        assertTrue(results.contains("grid results: [{\"point\":{\"lr\":0.001,\"units\":50},\"auc\":0.9},"), results);
    }

    @Test
    void assetsArtifactsAndProgressOverHttp() throws Exception {
        Path report = dir.resolve("out/report.html");
        Path release = dir.resolve("release");
        // what a task must not get served: a secret (no report type), and a report-named link to it
        Path secret = Files.writeString(dir.resolve("admin.token"), "s3cret");
        Files.createDirectories(report.getParent());
        Path link = Files.createSymbolicLink(dir.resolve("out/link.html"), secret);
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
                        "      mkdir -p " + report.getParent() + " && echo '<h1>report</h1>' > " + report + " &&",
                        "      echo '{\"done\": 2, \"total\": 4, \"unit\": \"grid points\"}' > $DLTRIGGER_PROGRESS &&",
                        "      while [ ! -e " + release + " ]; do sleep 0.05; done &&",
                        "      echo '{\"artifacts\": {\"report.html\": \"" + report + "\", \"token\": \"" + secret
                                + "\", \"link.html\": \"" + link + "\"} }' > $DLTRIGGER_OUTPUT",
                        ""));
        Api.waitUntil("the report DAG", () -> admin.get("/api/assets").size() == 1);
        JsonNode asset = admin.get("/api/assets").get(0);
        assertEquals("reports", asset.get("name").asText());
        assertEquals("report.write", asset.get("updated_by").get(0).asText());
        assertTrue(asset.get("last_update").isNull());

        long runId = admin.post("/api/dags/report/trigger", "{}", 201).get("id").asLong();
        Api.waitUntil(
                "its progress",
                () -> admin.get("/api/runs/" + runId + "/tasks").size() == 1 // none before the run starts
                        && !admin.get("/api/runs/" + runId + "/tasks")
                                .get(0)
                                .get("progress")
                                .isNull());
        JsonNode progress = admin.get("/api/runs/" + runId + "/tasks").get(0).get("progress");
        assertEquals(2, progress.get("done").asInt());
        assertEquals("2/4 grid points", progress.get("text").asText());
        Files.writeString(release, "go");
        assertEquals("success", awaitEnd(runId).get("state").asText());

        long taskId =
                admin.get("/api/runs/" + runId + "/tasks").get(0).get("id").asLong();
        HttpResponse<String> html =
                admin.send("GET", "/api/tasks/" + taskId + "/artifacts/report.html", null, Map.of());
        assertEquals(200, html.statusCode());
        assertTrue(html.body().contains("<h1>report</h1>"));
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(
                html.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
        assertEquals(404, admin.status("GET", "/api/tasks/" + taskId + "/artifacts/passwd"), "only files a task named");
        assertEquals(404, admin.status("GET", "/api/tasks/" + taskId + "/artifacts/token"), "only report types");
        assertEquals(
                404, admin.status("GET", "/api/tasks/" + taskId + "/artifacts/link.html"), "by the file's own name");
        assertEquals(401, anonymous.status("GET", "/api/tasks/" + taskId + "/artifacts/report.html"));

        JsonNode detail = admin.get("/api/assets/reports");
        assertEquals(1, detail.get("events").asInt());
        assertEquals(
                report.toString(),
                detail.get("recent_events")
                        .get(0)
                        .at("/metadata/artifacts/report.html")
                        .asText());
    }

    private long manualRuns(String dagId) {
        return rt.service().runs(dagId, 100).stream()
                .filter(r -> r.type() == RunType.MANUAL)
                .count();
    }

    private JsonNode awaitEnd(long runId) throws Exception {
        Api.waitUntil("run " + runId + " to end", () -> {
            String s = admin.get("/api/runs/" + runId).get("state").asText();
            return s.equals("success") || s.equals("failed");
        });
        return admin.get("/api/runs/" + runId);
    }

    private static JsonNode find(JsonNode audit, String action, String outcome) {
        for (JsonNode e : audit) {
            if (e.get("action").asText().equals(action)
                    && e.get("outcome").asText().equals(outcome)) {
                return e;
            }
        }
        throw new AssertionError("no " + outcome + " " + action + " in " + audit);
    }
}
