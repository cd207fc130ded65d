package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.model.TaskTry;
import io.dltrigger.engine.model.TriggerRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static TaskAction shell(String command) {
        return new TaskAction.Shell(command, Map.of());
    }

    @Test
    void retriesThenSucceedsWithOneLogPerTry() throws Exception {
        Path counter = dir.resolve("count");
        String flaky = "n=$(cat " + counter + " 2>/dev/null || echo 0); n=$((n+1)); echo $n > " + counter
                + "; echo attempt $n; [ $n -ge 3 ]";
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(DagBuilder.dag("flaky")
                            .task("t", shell(flaky), t -> t.retries(3, Duration.ofMillis(50)))
                            .build())
                    .start();
            DagRun run = f.runToEnd("flaky", Map.of());
            assertEquals(RunState.SUCCESS, run.state());
            TaskInstance t = f.task(run.id(), "t");
            assertEquals(TaskState.SUCCESS, t.state());
            assertEquals(3, t.tryNumber());
            List<TaskTry> tries = f.service().tries(t.id());
            assertEquals(
                    List.of(TaskState.FAILED, TaskState.FAILED, TaskState.SUCCESS),
                    tries.stream().map(TaskTry::state).toList());
            assertEquals(1, tries.get(0).exitCode());
            for (int i = 1; i <= 3; i++) {
                assertTrue(f.service().log(t.id(), i).contains("attempt " + i), "log of try " + i);
            }
        }
    }

    @Test
    void exhaustedRetriesFailTheRunAndSkipDownstreamButOneFailedRuns() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(DagBuilder.dag("fails")
                            .task("bad", shell("exit 7"), t -> t.retries(1, Duration.ofMillis(10)))
                            .task("after", shell("true"), t -> t.dependsOn("bad"))
                            .task(
                                    "alert",
                                    shell("true"),
                                    t -> t.dependsOn("bad").triggerRule(TriggerRule.ONE_FAILED))
                            .task(
                                    "cleanup",
                                    shell("true"),
                                    t -> t.dependsOn("after").triggerRule(TriggerRule.ALL_DONE))
                            .build())
                    .start();
            DagRun run = f.runToEnd("fails", Map.of());
            assertEquals(TaskState.FAILED, f.task(run.id(), "bad").state());
            assertEquals(2, f.task(run.id(), "bad").tryNumber());
            assertEquals(7, f.task(run.id(), "bad").exitCode());
            assertEquals(TaskState.UPSTREAM_FAILED, f.task(run.id(), "after").state());
            assertEquals(TaskState.SUCCESS, f.task(run.id(), "alert").state());
            assertEquals(TaskState.SUCCESS, f.task(run.id(), "cleanup").state());
            assertEquals(RunState.SUCCESS, run.state(), "leaves alert and cleanup succeeded (Airflow's rule)");
        }
    }

    @Test
    void aFailedTasksMessageEndsWithTheLastLineItPrinted() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(DagBuilder.dag("says")
                            .task("t", shell("echo working; echo 'train: learning rate must be > 0, got -1'; exit 3"))
                            .build())
                    .start();
            DagRun run = f.runToEnd("says", Map.of());
            assertEquals(RunState.FAILED, run.state());
            assertEquals(
                    "exit code 3: train: learning rate must be > 0, got -1",
                    f.task(run.id(), "t").message());
        }
    }

    @Test
    void timeoutKillsTheWholeTreeIncludingAChildIgnoringSigterm() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        String stubborn = "bash -c 'trap \"\" TERM; echo $$ > " + pidFile + ".tmp; mv " + pidFile + ".tmp " + pidFile
                + "; while true; do sleep 0.1; done' & wait";
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(DagBuilder.dag("stuck")
                            .task("t", shell(stubborn), t -> t.timeout(Duration.ofSeconds(1)))
                            .build())
                    .start();
            DagRun run = f.runToEnd("stuck", Map.of());
            assertEquals(RunState.FAILED, run.state());
            TaskInstance t = f.task(run.id(), "t");
            assertEquals(TaskState.FAILED, t.state());
            assertTrue(t.message().contains("timed out"), t.message());
            long child = Long.parseLong(Files.readString(pidFile).trim());
            EngineFixture.await(
                    "the SIGTERM-ignoring child to die",
                    Duration.ofSeconds(10),
                    () -> ProcessHandle.of(child).map(h -> !h.isAlive()).orElse(true));
        }
    }

    @Test
    void poolOfOneSerializesTasks() throws Exception {
        Path spans = dir.resolve("spans");
        Files.createDirectories(spans);
        DagBuilder b = DagBuilder.dag("gpu");
        for (int i = 0; i < 3; i++) {
            String cmd = "s=$(date +%s%N); sleep 0.3; e=$(date +%s%N); echo \"$s $e\" > " + spans.resolve("t" + i);
            b.task("t" + i, shell(cmd), t -> t.pool("gpu", 1));
        }
        try (EngineFixture f = new EngineFixture(dir, 4, Map.of("gpu", 1))) {
            f.register(b.build()).start();
            assertEquals(RunState.SUCCESS, f.runToEnd("gpu", Map.of()).state());
        }
        List<long[]> intervals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String[] p = Files.readString(spans.resolve("t" + i)).trim().split(" ");
            intervals.add(new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])});
        }
        intervals.sort((x, y) -> Long.compare(x[0], y[0]));
        for (int i = 1; i < 3; i++) {
            assertTrue(
                    intervals.get(i)[0] >= intervals.get(i - 1)[1],
                    "task " + i + " started before the previous one ended");
        }
    }

    @Test
    void dynamicMappingOverTenPointsWithFanIn() throws Exception {
        Path collected = dir.resolve("collected.json");
        try (EngineFixture f = new EngineFixture(dir, 4, Map.of())) {
            f.register(DagBuilder.dag("grid")
                            .task("points", shell("echo '{\"grid\": [0,1,2,3,4,5,6,7,8,9]}' > $DLTRIGGER_OUTPUT"))
                            .task(
                                    "square",
                                    shell(
                                            "echo \"{\\\"x\\\": $DLTRIGGER_ITEM, \\\"sq\\\": $(expr \"$DLTRIGGER_ITEM\" \\* \"$DLTRIGGER_ITEM\")}\""
                                                    + " > $DLTRIGGER_OUTPUT"),
                                    t -> t.dependsOn("points").mapOverOutput("{{ outputs.points.grid }}"))
                            .task(
                                    "collect",
                                    new TaskAction.Shell(
                                            "echo \"$SQUARES\" > " + collected,
                                            Map.of("SQUARES", "{{ outputs.square }}")),
                                    t -> t.dependsOn("square"))
                            .build())
                    .start();
            DagRun run = f.runToEnd("grid", Map.of());
            assertEquals(RunState.SUCCESS, run.state());
            List<TaskInstance> mapped = f.mapped(run.id(), "square");
            assertEquals(10, mapped.size());
            assertEquals(TaskState.MAPPED, f.task(run.id(), "square").state());
            assertTrue(mapped.stream().allMatch(t -> t.state() == TaskState.SUCCESS));
            JsonNode all = JSON.readTree(Files.readString(collected));
            assertEquals(10, all.size());
            for (int i = 0; i < 10; i++) {
                assertEquals(i, all.get(i).get("x").asInt());
                assertEquals(i * i, all.get(i).get("sq").asInt());
            }
        }
    }

    @Test
    void paramsAndRunVariablesReachTheShellThroughItsEnvironment() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(DagBuilder.dag("tpl")
                            .param("samples", 100)
                            .param("name", "qcd")
                            .task(
                                    "t",
                                    new TaskAction.Shell(
                                            "printf '{\"v\": \"%s-%s-%s-%s\"}' \"$DLTRIGGER_PARAM_name\""
                                                    + " \"$DLTRIGGER_PARAM_samples\" \"$DLTRIGGER_RUN_ID\" \"$NAME\""
                                                    + " > $DLTRIGGER_OUTPUT",
                                            Map.of("NAME", "{{ params.name }}:{{ ds }}")))
                            .build())
                    .start();
            DagRun run = f.runToEnd("tpl", Map.of("samples", "250"));
            String out = f.task(run.id(), "t").output();
            String ds = run.logicalDate().toString().substring(0, 10);
            assertEquals(
                    "qcd-250-" + run.runKey() + "-qcd:" + ds,
                    JSON.readTree(out).get("v").asText());
        }
    }

    @Test
    void aParameterValueIsNeverExecutedByTheShell() throws Exception {
        Path pwned = dir.resolve("pwned");
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(DagBuilder.dag("inject")
                            .param("who", "world")
                            .task(
                                    "t",
                                    new TaskAction.Shell(
                                            "echo \"hello $DLTRIGGER_PARAM_who\"; echo hello $WHO",
                                            Map.of("WHO", "{{ params.who }}")))
                            .build())
                    .start();
            String payload = "x$(touch " + pwned + ")`touch " + pwned + "`;touch " + pwned;
            DagRun run = f.runToEnd("inject", Map.of("who", payload));
            assertEquals(RunState.SUCCESS, run.state());
            assertFalse(Files.exists(pwned), "the payload ran as a command");
            String log = f.service().log(f.task(run.id(), "t").id(), null);
            assertTrue(log.contains("hello " + payload), log);
        }
    }

    @Test
    void aBranchRunsTheChosenPathAndTheJoinRunsAfterIt() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            f.register(DagBuilder.dag("branching")
                            .param("mode", "fast")
                            .task(
                                    "pick",
                                    new TaskAction.Branch(
                                            "printf '{\"follow\": [\"%s\"]}' \"$DLTRIGGER_PARAM_mode\" > $DLTRIGGER_OUTPUT",
                                            Map.of()))
                            .task("fast", shell("true"), t -> t.dependsOn("pick"))
                            .task("full", shell("true"), t -> t.dependsOn("pick"))
                            .task(
                                    "join",
                                    shell("true"),
                                    t -> t.dependsOn("fast", "full")
                                            .triggerRule(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS))
                            .build())
                    .start();
            DagRun fast = f.runToEnd("branching", Map.of());
            assertEquals(RunState.SUCCESS, fast.state());
            assertEquals(TaskState.SUCCESS, f.task(fast.id(), "fast").state());
            assertEquals(TaskState.SKIPPED, f.task(fast.id(), "full").state());
            assertEquals("not chosen by branch pick", f.task(fast.id(), "full").message());
            assertEquals(TaskState.SUCCESS, f.task(fast.id(), "join").state());

            DagRun full = f.runToEnd("branching", Map.of("mode", "full"));
            assertEquals(TaskState.SKIPPED, f.task(full.id(), "fast").state());
            assertEquals(TaskState.SUCCESS, f.task(full.id(), "full").state());

            DagRun wrong = f.runToEnd("branching", Map.of("mode", "join"));
            assertEquals(RunState.FAILED, wrong.state(), "join is not a direct downstream task of pick");
            assertTrue(f.task(wrong.id(), "pick").message().contains("not a direct downstream task"));
        }
    }

    @Test
    void sensorWaitsWithoutHoldingTheOnlyWorker() throws Exception {
        Path flag = dir.resolve("flag");
        try (EngineFixture f = new EngineFixture(dir, 1, Map.of())) {
            f.register(DagBuilder.dag("sense")
                            .task(
                                    "wait",
                                    new TaskAction.Sensor(flag.toString(), null, null, null, Duration.ofMillis(100)),
                                    t -> t.timeout(Duration.ofSeconds(30)))
                            .task("make", shell("sleep 0.3; touch " + flag))
                            .task("after", shell("test -e " + flag), t -> t.dependsOn("wait"))
                            .build())
                    .start();
            DagRun run = f.runToEnd("sense", Map.of());
            assertEquals(
                    RunState.SUCCESS,
                    run.state(),
                    "with one worker, a slot-holding sensor would block 'make' until timeout");
        }
    }

    @Test
    void backfillOfFiveDaysCreatesFiveRuns() throws Exception {
        try (EngineFixture f = new EngineFixture(dir, 4, Map.of())) {
            f.register(DagBuilder.dag("daily")
                            .schedule("0 0 * * *", "UTC")
                            .startDate(java.time.Instant.parse("2030-01-01T00:00:00Z"))
                            .task("t", shell("echo $DLTRIGGER_DS"))
                            .build())
                    .start();
            List<DagRun> runs =
                    f.service().backfill("daily", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 5), 2, Map.of());
            assertEquals(5, runs.size());
            List<String> days = new ArrayList<>();
            for (DagRun r : runs) {
                DagRun done = f.service().awaitRun(r.id(), Duration.ofSeconds(60));
                assertEquals(RunState.SUCCESS, done.state());
                TaskInstance t = f.task(r.id(), "t");
                days.add(f.service()
                        .log(t.id(), null)
                        .lines()
                        .reduce((a, b) -> b)
                        .orElse(""));
            }
            assertEquals(List.of("2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05"), days);
            assertFalse(
                    f.service().runs("daily", 100).stream()
                            .anyMatch(r -> r.type() == io.dltrigger.engine.model.RunType.SCHEDULED),
                    "start date in the future: no scheduled runs");
        }
    }

    @Test
    void clearingAFinishedTaskOfARunningRunReRunsIt() throws Exception {
        Path counter = dir.resolve("x.count");
        Path release = dir.resolve("release");
        try (EngineFixture f = new EngineFixture(dir, 2, Map.of())) {
            io.dltrigger.engine.model.Dag dag = DagBuilder.dag("clearme")
                    .task("x", shell("echo x >> " + counter))
                    .task("y", shell("while [ ! -e " + release + " ] && [ -d " + dir + " ]; do sleep 0.05; done"))
                    .build();
            f.register(dag).start();
            long runId = f.service().trigger("clearme", Map.of()).id();
            EngineFixture.await(
                    "x done and y running",
                    Duration.ofSeconds(60),
                    () -> f.service().tasks(runId).stream()
                                    .filter(t -> (t.taskId().equals("x") && t.state() == TaskState.SUCCESS)
                                            || (t.taskId().equals("y") && t.state() == TaskState.RUNNING))
                                    .count()
                            == 2);
            // Another process clears x (no wake-up reaches the engine), then y ends at once: the engine must not
            // close the run over the clear.
            try (io.dltrigger.engine.service.EngineRuntime other = io.dltrigger.engine.service.EngineRuntime.open(
                    f.cfg, io.dltrigger.engine.store.jdbc.JdbcStore.h2FileUrl(dir.resolve("state")), "sa", "", false)) {
                other.service().register(dag);
                other.service().clear(f.task(runId, "x").id());
            }
            Files.writeString(release, "go");
            EngineFixture.await(
                    "x to run again",
                    Duration.ofSeconds(60),
                    () -> f.task(runId, "x").tryNumber() == 2);
            DagRun done = f.service().awaitRun(runId, Duration.ofSeconds(60));
            assertEquals(RunState.SUCCESS, done.state());
            assertEquals(List.of("x", "x"), Files.readAllLines(counter));
        }
    }
}
