package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.auth.SecretFiles;
import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.service.EngineRuntime;
import io.dltrigger.engine.service.EngineService;
import io.dltrigger.engine.store.jdbc.H2TcpServer;
import io.dltrigger.engine.store.jdbc.JdbcStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a real engine process mid-run, then a new engine finishes the run. */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void killNineMidRunThenRestartCompletesWithoutRepeatingSucceededTasks() throws Exception {
        Path dags = Files.createDirectories(dir.resolve("dags"));
        Path release = dir.resolve("release");
        Files.writeString(
                dags.resolve("crash.yaml"),
                String.join(
                        "\n",
                        "id: crash",
                        "tasks:",
                        "  - id: a",
                        "    type: shell",
                        "    command: echo a >> " + dir.resolve("a.count"),
                        "  - id: b",
                        "    type: shell",
                        "    command: while [ ! -e " + release + " ] && [ -d " + dir
                                + " ]; do sleep 0.05; done; echo b >> " + dir.resolve("b.count"),
                        "    depends_on: [a]",
                        "  - id: c",
                        "    type: shell",
                        "    command: echo c >> " + dir.resolve("c.count"),
                        "    depends_on: [b]",
                        ""));
        EngineConfig cfg = EngineConfig.defaults(dir).withDagsDir(dags).withLogsDir(dir.resolve("logs"));
        // This process opens the H2 file and serves it (as db.h2_tcp_port does) to the engines, which connect over
        // TCP on 127.0.0.1 with the database's password: it outlives the killed engine.
        Path password = dir.resolve("db.password");
        SecretFiles.write(password, "s3cret-for-the-test");
        try (EngineRuntime client = EngineRuntime.open(
                        cfg, JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "s3cret-for-the-test", false);
                H2TcpServer h2 = H2TcpServer.start(0)) {
            String url = "jdbc:h2:tcp://127.0.0.1:" + h2.port() + "/" + dir.resolve("state");
            EngineService s = client.service();
            Process engine1 = startEngine(url, password, dags);
            Process engine2 = null;
            try {
                DagRun run = s.trigger("crash", Map.of());
                EngineFixture.await(
                        "task b to run with a pid",
                        Duration.ofSeconds(60),
                        () -> s.tasks(run.id()).stream()
                                .anyMatch(t ->
                                        t.taskId().equals("b") && t.state() == TaskState.RUNNING && t.pid() != null));
                long bPid = task(s, run, "b").pid();

                engine1.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
                engine1.waitFor();
                assertTrue(
                        ProcessHandle.of(bPid).map(ProcessHandle::isAlive).orElse(false), "task b outlives the engine");
                assertEquals(RunState.RUNNING, s.run(run.id()).state());

                engine2 = startEngine(url, password, dags);
                Path bLog = Path.of(s.tries(task(s, run, "b").id()).get(0).logPath());
                EngineFixture.await(
                        "the new engine to re-attach to b",
                        Duration.ofSeconds(60),
                        () -> read(bLog).contains("re-attached to pid " + bPid));
                Files.writeString(release, "go");
                DagRun done = s.awaitRun(run.id(), Duration.ofSeconds(60));

                assertEquals(RunState.SUCCESS, done.state());
                assertEquals(
                        List.of("a"),
                        Files.readAllLines(dir.resolve("a.count")),
                        "a succeeded before the crash and never re-ran");
                assertEquals(
                        List.of("b"),
                        Files.readAllLines(dir.resolve("b.count")),
                        "b ran once: re-attached, not restarted");
                assertEquals(List.of("c"), Files.readAllLines(dir.resolve("c.count")));
                assertEquals(1, task(s, run, "a").tryNumber());
                assertEquals(1, task(s, run, "b").tryNumber());
                assertEquals(1, s.tries(task(s, run, "b").id()).size());
            } finally {
                engine1.destroyForcibly().waitFor();
                if (engine2 != null) {
                    engine2.destroy(); // SIGTERM: its shutdown hook releases the engine lease
                    engine2.waitFor();
                }
            }
        }
    }

    private Process startEngine(String url, Path password, Path dags) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.dltrigger.engine.cli.EngineCli",
                        "engine",
                        "scheduler",
                        "--home",
                        dir.toString(),
                        "--db",
                        url,
                        "--db-password-file",
                        password.toString(),
                        "--dags",
                        dags.toString(),
                        "--logs",
                        dir.resolve("logs").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("engine.out").toFile()))
                .start();
    }

    private static TaskInstance task(EngineService s, DagRun run, String id) {
        return s.tasks(run.id()).stream()
                .filter(t -> t.taskId().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static String read(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
