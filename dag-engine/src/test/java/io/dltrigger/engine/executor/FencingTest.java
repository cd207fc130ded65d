package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.auth.Caller;
import io.dltrigger.engine.config.HttpSettings;
import io.dltrigger.engine.http.RestServer;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.store.LeaseLostException;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lease taken over: the demoted engine stops scheduling, its writes never commit, and its REST API answers 503
 * to changes, while the engine that took over adopts its run.
 */
class FencingTest {
    @TempDir
    Path dir;

    @Test
    void aDemotedEngineWritesNothingAndAnswers503WhileTheNewOneAdoptsItsRun() throws Exception {
        Path release = dir.resolve("release");
        Path count = dir.resolve("count");
        Dag dag = DagBuilder.dag("long")
                .task(
                        "wait",
                        new TaskAction.Shell(
                                "echo start >> " + count + "; while [ ! -e " + release + " ] && [ -d " + dir
                                        + " ]; do sleep 0.05; done",
                                Map.of()))
                .task("after", new TaskAction.Noop(), t -> t.dependsOn("wait"))
                .build();
        HttpClient http = HttpClient.newHttpClient();
        try (EngineFixture a = new EngineFixture(dir, 2, Map.of())) {
            a.register(dag).start();
            try (RestServer server =
                    new RestServer(a.rt.service(), a.rt.metrics(), HttpSettings.loopback(), a.rt::demoted)) {
                String base = "http://127.0.0.1:" + server.start();
                String token = a.service()
                        .createToken(Caller.local(), "ops", Role.OPERATOR)
                        .secret();
                long runId = a.service().trigger("long", Map.of()).id();
                EngineFixture.await(
                        "the task to run",
                        Duration.ofSeconds(60),
                        () -> a.task(runId, "wait").pid() != null);

                try (EngineFixture b = takeOver()) {
                    b.register(dag).start();

                    HttpResponse<String> refused = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/dags/long/trigger"))
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(503, refused.statusCode(), refused.body());
                    assertTrue(refused.body().contains("was taken over"), refused.body());
                    assertThrows(LeaseLostException.class, () -> a.service().pause("long", true));
                    EngineFixture.await("a to notice", Duration.ofSeconds(30), a.rt::demoted);
                    assertEquals(
                            503,
                            http.send(
                                            HttpRequest.newBuilder(URI.create(base + "/health"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode(),
                            "the probe says so");

                    Files.writeString(release, "go"); // the task ends: b, not a, settles it
                    DagRun done = b.service().awaitRun(runId, Duration.ofSeconds(60));
                    assertEquals(RunState.SUCCESS, done.state());
                    assertEquals(List.of("start"), Files.readAllLines(count), "the task ran once");
                    assertEquals(1, b.task(runId, "wait").tryNumber(), "b re-attached to a's try");
                    assertEquals(1, b.service().runs("long", 10).size(), "a's refused trigger queued nothing");
                    assertTrue(b.rt.store().dags().paused().isEmpty(), "a's refused pause changed nothing");
                    assertEquals(RunState.SUCCESS, b.runToEnd("long", Map.of()).state(), "b schedules new runs");
                }
            }
        }
    }

    /**
     * Engine a looks dead to others (no heartbeat for long), and b takes the lease over. (Should a's heartbeat land
     * in between, again.)
     */
    private EngineFixture takeOver() throws Exception {
        for (int attempt = 0; ; attempt++) {
            try (Connection c = DriverManager.getConnection(JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "");
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE engine_lease SET heartbeat_at = 0");
            }
            try {
                return new EngineFixture(dir, 2, Map.of());
            } catch (IllegalStateException heartbeatCameFirst) {
                if (attempt == 5) {
                    throw heartbeatCameFirst;
                }
            }
        }
    }
}
