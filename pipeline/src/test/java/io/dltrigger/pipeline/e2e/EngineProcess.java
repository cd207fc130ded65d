package io.dltrigger.pipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DAG engine as its users run it: {@code bin/dltrigger engine server} in a process of its own (state under a
 * test folder, the project's DAGs and profiles, no scheduled runs), reached over its REST API with the admin token
 * of its first start. Stopped with SIGTERM, or killed with SIGKILL as a crash would.
 */
final class EngineProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final Path state;
    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private EngineProcess(Process process, Path state, String base) {
        this.process = process;
        this.state = state;
        this.base = base;
    }

    /** Starts an engine on {@code state}; {@code work} is its DLTRIGGER_WORK (the local profile's data root). */
    static EngineProcess start(Path home, Path state, Path work) throws Exception {
        Files.createDirectories(state);
        Path log = state.resolve("server-" + System.nanoTime() + ".log");
        ProcessBuilder pb = new ProcessBuilder(
                        home.resolve("bin/dltrigger").toString(),
                        "engine",
                        "server",
                        "--state",
                        state.toString(),
                        "--port",
                        "0",
                        "--no-schedules")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("DLTRIGGER_WORK", work.toString());
        pb.environment().remove("DLTRIGGER_PROFILE");
        Process p = pb.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = URL.matcher(Files.readString(log));
            if (m.find()) {
                return new EngineProcess(p, state, m.group());
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("the engine exited: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the engine printed no address: " + Files.readString(log));
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: the engine dies at once, as in a crash; its tasks, in their own sessions, go on. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the engine lets go of its lease; running tasks go on
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + path))
                        .GET(),
                200);
    }

    JsonNode trigger(String dag, Map<String, Object> params) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("params", params));
        return send(
                HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + "/api/dags/" + dag + "/trigger"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                201);
    }

    /** The run's state once it ended (success or failed). */
    String awaitEnd(long runId, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            String s = get("/api/runs/" + runId).path("state").asText();
            if (s.equals("success") || s.equals("failed")) {
                return s;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "run " + runId + " did not end within " + within + ": " + get("/api/runs/" + runId + "/tasks"));
    }

    /** The task instance {@code taskId} (unmapped) of a run, as the REST API shows it. */
    JsonNode task(long runId, String taskId) throws Exception {
        for (JsonNode t : get("/api/runs/" + runId + "/tasks")) {
            if (t.path("task_id").asText().equals(taskId) && t.path("map_index").asInt() < 0) {
                return t;
            }
        }
        throw new AssertionError("run " + runId + " has no task " + taskId);
    }

    private JsonNode send(HttpRequest.Builder b, int status) throws IOException, InterruptedException {
        String token = Files.readString(state.resolve("admin.token")).trim();
        HttpResponse<String> r = http.send(
                b.header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            throw new AssertionError(r.statusCode() + " from the engine: " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
