package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine restarts in one JVM: stopping an engine leaves its child processes running, as a crash does. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void aTaskThatEndedWhileNoEngineWatchedIsSettledFromItsExitFile() throws Exception {
        Path release = dir.resolve("release");
        Dag dag = DagBuilder.dag("gap")
                .task(
                        "slow",
                        new TaskAction.Shell(
                                "while [ ! -e " + release + " ] && [ -d " + dir
                                        + " ]; do sleep 0.05; done; echo '{\"n\": 42}' > $DLTRIGGER_OUTPUT",
                                Map.of()))
                .task(
                        "next",
                        new TaskAction.Shell("test \"$N\" = 42", Map.of("N", "{{ outputs.slow.n }}")),
                        t -> t.dependsOn("slow"))
                .build();
        long runId;
        long slowPid;
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(dag).start();
            runId = f.service().trigger("gap", Map.of()).id();
            EngineFixture.await(
                    "slow to run",
                    Duration.ofSeconds(60),
                    () -> f.service().tasks(runId).stream()
                            .anyMatch(t -> t.taskId().equals("slow") && t.pid() != null));
            slowPid = f.task(runId, "slow").pid();
        }
        Files.writeString(release, "go"); // slow ends while no engine runs
        EngineFixture.await(
                "slow's process to end",
                Duration.ofSeconds(30),
                () -> ProcessHandle.of(slowPid).map(h -> !h.isAlive()).orElse(true));
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(dag).start();
            DagRun done = f.service().awaitRun(runId, Duration.ofSeconds(60));
            assertEquals(RunState.SUCCESS, done.state());
            TaskInstance slow = f.task(runId, "slow");
            assertEquals(1, slow.tryNumber(), "settled from the exit file, not re-run");
            assertEquals("{\"n\":42}", slow.output(), "its output was committed with its success");
        }
    }

    @Test
    void anInProcessTaskCutByTheStopIsRequeuedWithoutSpendingARetry() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Dag dag = DagBuilder.dag("inproc")
                .task("t", new TaskAction.InProcess(ctx -> {
                    if (calls.incrementAndGet() == 1) {
                        Thread.sleep(600_000); // the first call hangs until the engine stops
                    }
                    return null;
                }))
                .build();
        long runId;
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(dag).start();
            runId = f.service().trigger("inproc", Map.of()).id();
            EngineFixture.await("the first call", Duration.ofSeconds(60), () -> calls.get() == 1);
        }
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(dag).start();
            assertEquals(
                    RunState.SUCCESS,
                    f.service().awaitRun(runId, Duration.ofSeconds(60)).state());
            TaskInstance t = f.task(runId, "t");
            assertEquals(2, t.tryNumber());
            assertEquals(2, t.maxTries(), "the interrupted try did not use up the (zero) retries");
            assertEquals(
                    List.of(TaskState.FAILED, TaskState.SUCCESS),
                    f.service().tries(t.id()).stream().map(x -> x.state()).toList());
        }
    }

    @Test
    void runTimeoutKillsRunningTasksAndSkipsTheRest() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(DagBuilder.dag("slowrun")
                            .runTimeout(Duration.ofSeconds(1))
                            .task(
                                    "long",
                                    new TaskAction.Shell("sleep 60", Map.of()),
                                    t -> t.retries(3, Duration.ofMillis(10)))
                            .task("after", new TaskAction.Noop(), t -> t.dependsOn("long"))
                            .build())
                    .start();
            DagRun run = f.runToEnd("slowrun", Map.of());
            assertEquals(RunState.FAILED, run.state());
            TaskInstance longTask = f.task(run.id(), "long");
            assertEquals(TaskState.FAILED, longTask.state());
            assertEquals(1, longTask.tryNumber(), "a run timeout is not retried");
            assertTrue(longTask.message().contains("run timed out"), longTask.message());
            assertEquals(TaskState.SKIPPED, f.task(run.id(), "after").state());
        }
    }

    @Test
    void aTryWhosePidNeverReachedTheStoreIsFoundByItsPidFileNotRunTwice() throws Exception {
        Path release = dir.resolve("release");
        Path count = dir.resolve("count");
        Dag dag = DagBuilder.dag("nopid")
                .task(
                        "t",
                        new TaskAction.Shell(
                                "echo start >> " + count + "; while [ ! -e " + release + " ] && [ -d " + dir
                                        + " ]; do sleep 0.05; done",
                                Map.of()),
                        t -> t.retries(2, Duration.ofMillis(10)))
                .build();
        long runId;
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(dag).start();
            runId = f.service().trigger("nopid", Map.of()).id();
            EngineFixture.await(
                    "t to run",
                    Duration.ofSeconds(60),
                    () -> f.service().tasks(runId).stream().anyMatch(t -> t.pid() != null));
        }
        // As if the engine had died after starting the process but before storing its pid.
        try (var c = java.sql.DriverManager.getConnection(
                        io.dltrigger.engine.store.jdbc.JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "");
                var st = c.createStatement()) {
            st.executeUpdate("UPDATE task_instance SET pid = NULL, pid_started_at = NULL");
        }
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(dag).start();
            Path log = Path.of(f.service().tries(f.task(runId, "t").id()).get(0).logPath());
            EngineFixture.await("re-attach by the pid file", Duration.ofSeconds(60), () -> {
                try {
                    return Files.readString(log).contains("re-attached to pid");
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            Files.writeString(release, "go");
            assertEquals(
                    RunState.SUCCESS,
                    f.service().awaitRun(runId, Duration.ofSeconds(60)).state());
            assertEquals(1, f.task(runId, "t").tryNumber());
            assertEquals(List.of("start"), Files.readAllLines(count), "the task ran once");
        }
    }
}
