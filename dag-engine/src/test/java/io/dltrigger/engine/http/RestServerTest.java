package io.dltrigger.engine.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.TestDags;
import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REST API end to end over HTTP: DAGs, trigger, runs, tasks, logs, clear, backfill, errors, metrics. */
class RestServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @TempDir
    Path dir;

    @Test
    void triggerRunLogsClearAndMetricsOverHttp() throws Exception {
        Path dags = dir.resolve("dags");
        TestDags.hello(dags);
        TestDags.refused(dags);
        EngineConfig cfg = EngineConfig.defaults(dir)
                .withDagsDir(dags)
                .withLogsDir(dir.resolve("logs"))
                .withPollInterval(Duration.ofMillis(200));
        try (EngineRuntime rt = EngineRuntime.open(cfg, JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "", true)
                        .start();
                RestServer server = new RestServer(rt.service(), rt.metrics())) {
            base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);

            JsonNode dagList = get("/api/dags");
            assertEquals(1, dagList.size());
            assertEquals("hello", dagList.get(0).get("id").asText());
            JsonNode errors = get("/api/dag-errors");
            assertEquals(2, errors.size());
            JsonNode broken =
                    errors.get(0).get("file").asText().endsWith("broken.yaml") ? errors.get(0) : errors.get(1);
            assertEquals(
                    dags.resolve("broken.yaml").toString(), broken.get("file").asText());
            assertEquals(4, broken.get("line").asInt());
            assertTrue(broken.get("cause").asText().contains("unknown task type 'shel'"));

            JsonNode run = post("/api/dags/hello/trigger", "{\"params\": {\"who\": \"physicist\"}}", 201);
            long runId = run.get("id").asLong();
            JsonNode done = awaitState(runId);
            assertEquals("success", done.get("state").asText());
            JsonNode tasks = get("/api/runs/" + runId + "/tasks");
            JsonNode greet = tasks.get(0).get("task_id").asText().equals("greet") ? tasks.get(0) : tasks.get(1);
            long greetId = greet.get("id").asLong();
            assertTrue(text("/api/tasks/" + greetId + "/log").contains("hello physicist try 1"));

            post("/api/tasks/" + greetId + "/clear", "", 204);
            waitUntil(() -> get("/api/tasks/" + greetId).get("try_number").asInt() == 2
                    && get("/api/runs/" + runId).get("state").asText().equals("success"));
            assertTrue(text("/api/tasks/" + greetId + "/log?try=2").contains("hello physicist try 2"));
            assertTrue(text("/api/tasks/" + greetId + "/log?try=1").contains("try 1"), "the first try's log is kept");

            JsonNode unknown = post("/api/dags/hello/trigger", "{\"params\": {\"whom\": 1}}", 400);
            assertTrue(unknown.get("error").asText().contains("no parameter 'whom'"));
            assertEquals(
                    404,
                    http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/runs/999999"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode());

            JsonNode backfill = post(
                    "/api/dags/hello/backfill",
                    "{\"from\": \"2026-01-01\", \"to\": \"2026-01-03\", \"parallel\": 3}",
                    201);
            assertEquals(3, backfill.size());

            String metrics = text("/metrics");
            assertTrue(metrics.contains("dltrigger_task_finished_total{dag=\"hello\",state=\"success\"}"), metrics);
            assertTrue(metrics.contains("dltrigger_scheduler_loop_seconds_count"), metrics);
            assertTrue(metrics.contains("dltrigger_runs{state=\"success\"}"), metrics);
            assertTrue(metrics.contains("dltrigger_queue_depth"), metrics);
            assertTrue(text("/").contains("DLTrigger engine"), "the UI is served at /");
        }
    }

    @Test
    void assetsArtifactsAndProgressOverHttp() throws Exception {
        Path dags = dir.resolve("dags");
        java.nio.file.Files.createDirectories(dags);
        Path report = dir.resolve("out/report.html");
        Path release = dir.resolve("release");
        java.nio.file.Files.writeString(
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
                        "      echo '{\"artifacts\": {\"report.html\": \"" + report + "\"} }' > $DLTRIGGER_OUTPUT",
                        ""));
        EngineConfig cfg = EngineConfig.defaults(dir)
                .withDagsDir(dags)
                .withLogsDir(dir.resolve("logs"))
                .withPollInterval(Duration.ofMillis(200));
        try (EngineRuntime rt = EngineRuntime.open(cfg, JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "", true)
                        .start();
                RestServer server = new RestServer(rt.service(), rt.metrics())) {
            base = "http://127.0.0.1:" + server.start("127.0.0.1", 0);
            JsonNode refused = get("/api/dag-errors");
            assertEquals(0, refused.size(), () -> "refused: " + refused);
            JsonNode asset = get("/api/assets").get(0);
            assertEquals("reports", asset.get("name").asText());
            assertEquals("report.write", asset.get("updated_by").get(0).asText());
            assertTrue(asset.get("last_update").isNull());

            long runId = post("/api/dags/report/trigger", "{}", 201).get("id").asLong();
            waitUntil(() ->
                    !get("/api/runs/" + runId + "/tasks").get(0).get("progress").isNull());
            JsonNode progress = get("/api/runs/" + runId + "/tasks").get(0).get("progress");
            assertEquals(2, progress.get("done").asInt());
            assertEquals("2/4 grid points", progress.get("text").asText());
            java.nio.file.Files.writeString(release, "go");
            assertEquals("success", awaitState(runId).get("state").asText());

            long taskId = get("/api/runs/" + runId + "/tasks").get(0).get("id").asLong();
            HttpResponse<String> html = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/tasks/" + taskId + "/artifacts/report.html"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, html.statusCode());
            assertTrue(html.body().contains("<h1>report</h1>"));
            assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(html.headers()
                    .firstValue("Content-Security-Policy")
                    .orElse("")
                    .contains("default-src 'none'"));
            assertEquals(
                    404,
                    http.send(
                                    HttpRequest.newBuilder(
                                                    URI.create(base + "/api/tasks/" + taskId + "/artifacts/passwd"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode(),
                    "only files a task named");

            JsonNode detail = get("/api/assets/reports");
            assertEquals(1, detail.get("events").asInt());
            assertEquals(
                    report.toString(),
                    detail.get("recent_events")
                            .get(0)
                            .at("/metadata/artifacts/report.html")
                            .asText());
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private void waitUntil(Check c) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!c.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 60 s");
            }
            Thread.sleep(50);
        }
    }

    private JsonNode awaitState(long runId) throws Exception {
        waitUntil(() -> {
            String s = get("/api/runs/" + runId).get("state").asText();
            return s.equals("success") || s.equals("failed");
        });
        return get("/api/runs/" + runId);
    }

    private String text(String path) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(text(path));
    }

    private JsonNode post(String path, String body, int status) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), path + ": " + r.body());
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }
}
