package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.dltrigger.engine.model.Callback;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskAction;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Callbacks against a local HTTP receiver (that fails its first delivery, to see the retry) and a command: on
 * retry, failure, success, and SLA misses of a task and of a run.
 */
class AlertsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void alertsReachAWebhookWithRetriesAndACommand() throws Exception {
        List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger posts = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean first = posts.incrementAndGet() == 1;
            if (!first) {
                received.add(JSON.readTree(body));
            }
            ex.sendResponseHeaders(first ? 500 : 204, -1); // the first delivery fails: it must be tried again
            ex.close();
        });
        receiver.start();
        Path commandLog = dir.resolve("command.log");
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            URI hook = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            f.register(DagBuilder.dag("alerting")
                            .sla(Duration.ofMillis(300))
                            .callback(new Callback(
                                    Set.of(Callback.Event.values()),
                                    new Callback.Target.Webhook(hook, null),
                                    3,
                                    Duration.ofMillis(50)))
                            .callback(new Callback(
                                    Set.of(Callback.Event.RUN_FAILURE),
                                    new Callback.Target.Command(List.of(
                                            "sh",
                                            "-c",
                                            "cat >> \"$1\"; echo >> \"$1\"",
                                            "notify",
                                            commandLog.toString())),
                                    0,
                                    Duration.ofMillis(50)))
                            .task(
                                    "flaky",
                                    new TaskAction.Shell(
                                            "test -e " + dir.resolve("once") + " || { touch " + dir.resolve("once")
                                                    + "; exit 3; }",
                                            Map.of()),
                                    t -> t.retries(1, Duration.ofMillis(10)))
                            .task(
                                    "slow",
                                    new TaskAction.Shell("sleep 1", Map.of()),
                                    t -> t.sla(Duration.ofMillis(200)).dependsOn("flaky"))
                            .task("bad", new TaskAction.Shell("exit 5", Map.of()), t -> t.dependsOn("slow"))
                            .build())
                    .start();
            assertEquals(RunState.FAILED, f.runToEnd("alerting", Map.of()).state());
            EngineFixture.await(
                    "every alert",
                    Duration.ofSeconds(60),
                    () -> events(received)
                            .containsAll(List.of(
                                    "task_retry flaky",
                                    "task_success flaky",
                                    "sla_miss slow",
                                    "sla_miss run",
                                    "task_success slow",
                                    "task_failure bad",
                                    "run_failure run")));
            EngineFixture.await("the command's alert", Duration.ofSeconds(60), () -> Files.exists(commandLog));
        } finally {
            receiver.stop(0);
        }
        assertTrue(posts.get() > received.size(), "the refused first delivery was tried again");
        JsonNode failure = received.stream()
                .filter(a -> a.get("event").asText().equals("task_failure"))
                .findFirst()
                .orElseThrow();
        assertEquals("alerting", failure.get("dag_id").asText());
        assertEquals("bad", failure.get("task_id").asText());
        assertEquals(5, failure.get("exit_code").asInt());
        assertEquals("failed", failure.get("state").asText());
        JsonNode sla = received.stream()
                .filter(a -> a.get("event").asText().equals("sla_miss") && a.has("task_id"))
                .findFirst()
                .orElseThrow();
        assertEquals(0.2, sla.get("sla_seconds").asDouble());
        JsonNode byCommand = JSON.readTree(
                Files.readString(commandLog, StandardCharsets.UTF_8).trim());
        assertEquals("run_failure", byCommand.get("event").asText());
        assertEquals("failed", byCommand.get("state").asText());
    }

    private static List<String> events(List<JsonNode> alerts) {
        synchronized (alerts) {
            return alerts.stream()
                    .map(a -> a.get("event").asText() + " "
                            + (a.has("task_id") ? a.get("task_id").asText() : "run"))
                    .toList();
        }
    }
}
