package io.dltrigger.engine.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.executor.RunAdvancer.Decision;
import io.dltrigger.engine.executor.RunAdvancer.Plan;
import io.dltrigger.engine.launch.Outcome;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.model.TriggerRule;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run advancer with plain values: no store, no processes, no clock. */
class RunAdvancerTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final TaskAction NOOP = new TaskAction.Noop();
    private static final DagRun RUN = new DagRun(
            7,
            "d",
            "manual__1",
            RunType.MANUAL,
            1,
            NOW,
            NOW,
            NOW,
            new ObjectMapper().createObjectNode(),
            RunState.RUNNING,
            null,
            NOW,
            NOW,
            null,
            0);

    private final RunAdvancer advancer = new RunAdvancer(Path.of("/project"));
    private long ids;

    @Test
    void aTaskWaitsForItsUpstreamThenIsReady() {
        RunInstances run = fresh(DagBuilder.dag("d")
                .task("a", NOOP)
                .task("b", NOOP, t -> t.dependsOn("a"))
                .build());
        Plan first = advance(run);
        assertEquals(List.of("ready a"), describe(first));
        assertNull(first.finished());

        set(run, "a", TaskState.RUNNING);
        assertEquals(List.of(), describe(advance(run)), "b waits while a runs");
        set(run, "a", TaskState.SUCCESS);
        assertEquals(List.of("ready b"), describe(advance(run)));
        set(run, "b", TaskState.SUCCESS);
        assertEquals(RunState.SUCCESS, advance(run).finished());
    }

    @Test
    void aDecisionIsMadeOnceAReadyInstanceWaitsForAWorker() {
        RunInstances run = fresh(DagBuilder.dag("d").task("a", NOOP).build());
        Decision.Ready ready = (Decision.Ready) advance(run).decisions().get(0);
        assertEquals(TaskState.SCHEDULED, ready.instance().state());
        run.put(ready.instance());
        assertEquals(List.of(), describe(advance(run)));
    }

    @Test
    void aFailureFailsTheWholeDownstreamChainInOnePlanAndTheRun() {
        RunInstances run = fresh(DagBuilder.dag("d")
                .task("a", NOOP)
                .task("b", NOOP, t -> t.dependsOn("a"))
                .task("c", NOOP, t -> t.dependsOn("b"))
                .build());
        set(run, "a", TaskState.FAILED);
        Plan plan = advance(run);
        assertEquals(
                List.of(
                        "end b upstream_failed: an upstream task failed",
                        "end c upstream_failed: an upstream task failed"),
                describe(plan));
        assertEquals(RunState.FAILED, plan.finished());
    }

    @Test
    void oneFailedFiresAsSoonAsOneUpstreamFailedAndIsSkippedWhenNoneDid() {
        Dag dag = DagBuilder.dag("d")
                .task("a", NOOP)
                .task("b", NOOP)
                .task("alert", NOOP, t -> t.dependsOn("a", "b").triggerRule(TriggerRule.ONE_FAILED))
                .build();
        RunInstances failing = fresh(dag);
        set(failing, "a", TaskState.FAILED);
        set(failing, "b", TaskState.RUNNING);
        assertEquals(List.of("ready alert"), describe(advance(failing)), "while b still runs");

        RunInstances fine = fresh(dag);
        set(fine, "a", TaskState.SUCCESS);
        set(fine, "b", TaskState.SUCCESS);
        Plan plan = advance(fine);
        assertEquals(List.of("end alert skipped: skipped by trigger rule one_failed"), describe(plan));
        assertEquals(RunState.SUCCESS, plan.finished());
    }

    @Test
    void aSuccessfulAllDoneCleanupAfterAFailureLeavesTheRunSuccessful() {
        RunInstances run = fresh(DagBuilder.dag("d")
                .task("bad", NOOP)
                .task("after", NOOP, t -> t.dependsOn("bad"))
                .task("cleanup", NOOP, t -> t.dependsOn("after").triggerRule(TriggerRule.ALL_DONE))
                .build());
        set(run, "bad", TaskState.FAILED);
        Plan plan = advance(run);
        assertEquals(List.of("end after upstream_failed: an upstream task failed", "ready cleanup"), describe(plan));
        apply(run, plan);
        set(run, "cleanup", TaskState.SUCCESS);
        assertEquals(RunState.SUCCESS, advance(run).finished(), "the run's state comes from its leaves, as in Airflow");
    }

    @Test
    void aSkippedUpstreamSkipsAllSuccessButNotNoneFailed() {
        RunInstances run = fresh(DagBuilder.dag("d")
                .task("a", NOOP)
                .task("b", NOOP, t -> t.dependsOn("a"))
                .task("c", NOOP, t -> t.dependsOn("a").triggerRule(TriggerRule.NONE_FAILED))
                .build());
        set(run, "a", TaskState.SKIPPED);
        assertEquals(List.of("end b skipped: skipped by trigger rule all_success", "ready c"), describe(advance(run)));
    }

    @Test
    void theNewTriggerRulesDecideAsAirflowsDo() {
        Dag dag = DagBuilder.dag("d")
                .task("a", NOOP)
                .task("b", NOOP)
                .task("min1", NOOP, t -> t.dependsOn("a", "b").triggerRule(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS))
                .task("skips", NOOP, t -> t.dependsOn("a", "b").triggerRule(TriggerRule.ALL_SKIPPED))
                .task("done1", NOOP, t -> t.dependsOn("a", "b").triggerRule(TriggerRule.ONE_DONE))
                .task("always", NOOP, t -> t.dependsOn("a", "b").triggerRule(TriggerRule.ALWAYS))
                .build();
        RunInstances start = fresh(dag);
        assertEquals(List.of("ready a", "ready b", "ready always"), describe(advance(start)), "always: at once");

        RunInstances oneRan = fresh(dag);
        set(oneRan, "a", TaskState.SUCCESS);
        set(oneRan, "b", TaskState.RUNNING);
        set(oneRan, "always", TaskState.SUCCESS);
        assertEquals(
                List.of("end skips skipped: skipped by trigger rule all_skipped", "ready done1"),
                describe(advance(oneRan)),
                "all_skipped and one_done decide as soon as one upstream ran; min1 waits");

        RunInstances skippedAndOk = fresh(dag);
        set(skippedAndOk, "a", TaskState.SKIPPED);
        set(skippedAndOk, "b", TaskState.SUCCESS);
        set(skippedAndOk, "always", TaskState.SUCCESS);
        set(skippedAndOk, "done1", TaskState.SUCCESS);
        set(skippedAndOk, "skips", TaskState.SKIPPED);
        assertEquals(List.of("ready min1"), describe(advance(skippedAndOk)));

        RunInstances allSkipped = fresh(dag);
        set(allSkipped, "a", TaskState.SKIPPED);
        set(allSkipped, "b", TaskState.SKIPPED);
        set(allSkipped, "always", TaskState.SUCCESS);
        assertEquals(
                List.of(
                        "end min1 skipped: skipped by trigger rule none_failed_min_one_success",
                        "ready skips",
                        "end done1 skipped: skipped by trigger rule one_done"),
                describe(advance(allSkipped)));

        RunInstances failed = fresh(dag);
        set(failed, "a", TaskState.FAILED);
        set(failed, "b", TaskState.SUCCESS);
        set(failed, "always", TaskState.SUCCESS);
        assertEquals(
                List.of(
                        "end min1 upstream_failed: an upstream task failed",
                        "end skips skipped: skipped by trigger rule all_skipped",
                        "ready done1"),
                describe(advance(failed)));
    }

    @Test
    void aBranchRunsTheTasksItNamesAndSkipsItsOtherDirectDownstreams() {
        Dag dag = DagBuilder.dag("d")
                .task("pick", new TaskAction.Branch("true", java.util.Map.of()))
                .task("fast", NOOP, t -> t.dependsOn("pick"))
                .task("full", NOOP, t -> t.dependsOn("pick"))
                .task("after_full", NOOP, t -> t.dependsOn("full"))
                .task(
                        "join",
                        NOOP,
                        t -> t.dependsOn("fast", "after_full").triggerRule(TriggerRule.NONE_FAILED_MIN_ONE_SUCCESS))
                .build();
        RunInstances run = fresh(dag);
        TaskInstance pick = run.parent("pick").tryStarted("h", NOW);
        RunAdvancer.Settled s =
                advancer.settle(run, pick, Outcome.succeeded(0, "{\"follow\": [\"fast\"]}"), false, NOW);
        assertEquals(TaskState.SUCCESS, s.instance().state());
        assertEquals("follows fast", s.instance().message());
        run.put(s.instance());
        Plan plan = advance(run);
        assertEquals(
                List.of(
                        "ready fast",
                        "end full skipped: not chosen by branch pick",
                        "end after_full skipped: skipped by trigger rule all_success"),
                describe(plan));
        apply(run, plan);
        set(run, "fast", TaskState.SUCCESS);
        assertEquals(List.of("ready join"), describe(advance(run)), "the join runs after the chosen path");

        assertEquals(
                TaskState.SUCCESS,
                advancer.settle(run, pick, Outcome.succeeded(0, "[\"fast\", \"full\"]"), false, NOW)
                        .instance()
                        .state());
        assertEquals(
                TaskState.SUCCESS,
                advancer.settle(run, pick, Outcome.succeeded(0, "\"full\""), false, NOW)
                        .instance()
                        .state());
        RunAdvancer.Settled wrong = advancer.settle(run, pick, Outcome.succeeded(0, "[\"join\"]"), false, NOW);
        assertEquals(TaskState.FAILED, wrong.instance().state(), "join is not a direct downstream task");
        assertEquals(
                "branch output: it named 'join', which is not a direct downstream task (one of fast, full)",
                wrong.instance().message());
        RunAdvancer.Settled none = advancer.settle(run, pick, Outcome.succeeded(0, null), false, NOW);
        assertEquals(TaskState.FAILED, none.instance().state(), "a branch must write its choice");
    }

    @Test
    void aMappedTaskExpandsOverAnUpstreamListAndItsDownstreamWaitsForEveryInstance() {
        RunInstances run = fresh(DagBuilder.dag("d")
                .task("points", NOOP)
                .task(
                        "square",
                        NOOP,
                        t -> t.dependsOn("points")
                                .mapOverOutput("{{ outputs.points.grid }}")
                                .retries(2, Duration.ofSeconds(1)))
                .task("collect", NOOP, t -> t.dependsOn("square"))
                .build());
        set(run, "points", TaskState.SUCCESS, "{\"grid\": [1, {\"x\": 2}, \"three\"]}");
        Plan plan = advance(run);
        assertEquals(1, plan.decisions().size(), "collect waits for the mapped instances to exist");
        Decision.Expand x = (Decision.Expand) plan.decisions().get(0);
        assertEquals(TaskState.MAPPED, x.parent().state());
        assertEquals("3 mapped instances", x.parent().message());
        assertEquals(
                List.of("1", "{\"x\":2}", "\"three\""),
                x.mapped().stream().map(TaskInstance::mapItem).toList());
        assertEquals(
                List.of(0, 1, 2),
                x.mapped().stream().map(TaskInstance::mapIndex).toList());
        assertEquals(
                List.of(3, 3, 3),
                x.mapped().stream().map(TaskInstance::maxTries).toList());
        assertNull(plan.finished());

        apply(run, plan); // as the coordinator does: stored, with ids
        assertEquals(List.of("ready square[0]", "ready square[1]", "ready square[2]"), describe(advance(run)));
        setMapped(run, "square", 0, TaskState.SUCCESS);
        setMapped(run, "square", 1, TaskState.SUCCESS);
        setMapped(run, "square", 2, TaskState.RUNNING);
        assertEquals(List.of(), describe(advance(run)), "collect waits for square[2]");
        setMapped(run, "square", 2, TaskState.SUCCESS);
        assertEquals(List.of("ready collect"), describe(advance(run)));
    }

    @Test
    void aFixedListExpandsAtOnceAndItsItemsAreJson() {
        RunInstances run = fresh(DagBuilder.dag("d")
                .task("m", NOOP, t -> t.mapOver(List.of("a", 2)))
                .build());
        Decision.Expand x = (Decision.Expand) advance(run).decisions().get(0);
        assertEquals(
                List.of("\"a\"", "2"),
                x.mapped().stream().map(TaskInstance::mapItem).toList());
    }

    @Test
    void anEmptyListSkipsTheMappedTaskAndANonListFailsIt() {
        Dag dag = DagBuilder.dag("d")
                .task("points", NOOP)
                .task("square", NOOP, t -> t.dependsOn("points").mapOverOutput("{{ outputs.points.grid }}"))
                .task("collect", NOOP, t -> t.dependsOn("square"))
                .build();
        RunInstances empty = fresh(dag);
        set(empty, "points", TaskState.SUCCESS, "{\"grid\": []}");
        Plan skipped = advance(empty);
        assertEquals(
                List.of(
                        "end square skipped: map_over is an empty list",
                        "end collect skipped: skipped by trigger rule all_success"),
                describe(skipped));
        assertEquals(RunState.SUCCESS, skipped.finished());

        RunInstances object = fresh(dag);
        set(object, "points", TaskState.SUCCESS, "{\"grid\": {\"a\": 1}}");
        Plan failed = advance(object);
        assertEquals(
                List.of(
                        "end square failed: map_over resolved to object, not a list",
                        "end collect upstream_failed: an upstream task failed"),
                describe(failed));
        assertEquals(RunState.FAILED, failed.finished());

        RunInstances missing = fresh(dag);
        set(missing, "points", TaskState.SUCCESS, "{\"other\": 1}");
        assertEquals(
                "end square failed: map_over: template variable 'outputs.points.grid' has no 'grid' in outputs.points",
                describe(advance(missing)).get(0));
    }

    @Test
    void aRetryWaitsForItsDelay() {
        RunInstances run = fresh(DagBuilder.dag("d")
                .task("a", NOOP, t -> t.retries(2, Duration.ofSeconds(10)))
                .build());
        TaskInstance a = run.parent("a").tryStarted("h", NOW);
        run.put(a.upForRetry(1, "exit code 1", NOW, NOW.plusSeconds(10)));
        Plan waiting = advance(run);
        assertEquals(List.of(), describe(waiting));
        assertEquals(NOW.plusSeconds(10), waiting.wakeAt());
        Plan due = advancer.advance(RUN, run, false, NOW.plusSeconds(10));
        assertEquals(List.of("ready a"), describe(due));
        assertNull(due.wakeAt());
    }

    @Test
    void aFailedTryIsRetriedWithExponentialBackoffUntilItsTriesAreSpent() {
        Dag dag = DagBuilder.dag("d")
                .task("a", NOOP, t -> t.retries(2, Duration.ofSeconds(10)))
                .build();
        RunInstances run = fresh(dag);
        TaskInstance first = run.parent("a").tryStarted("h", NOW);
        RunAdvancer.Settled s1 = advancer.settle(fresh(dag), first, Outcome.failed(3, "exit code 3"), false, NOW);
        assertEquals(TaskState.UP_FOR_RETRY, s1.instance().state());
        assertEquals(TaskState.FAILED, s1.tryState());
        assertEquals(NOW.plusSeconds(10), s1.instance().nextTryAt());
        assertEquals(3, s1.instance().exitCode());
        assertEquals("exit code 3", s1.instance().message());

        TaskInstance second = s1.instance().tryStarted("h", NOW);
        RunAdvancer.Settled s2 = advancer.settle(fresh(dag), second, Outcome.failed(3, "exit code 3"), false, NOW);
        assertEquals(NOW.plusSeconds(20), s2.instance().nextTryAt(), "the second retry waits twice as long");

        TaskInstance third = s2.instance().tryStarted("h", NOW);
        RunAdvancer.Settled s3 = advancer.settle(fresh(dag), third, Outcome.failed(3, "exit code 3"), false, NOW);
        assertEquals(TaskState.FAILED, s3.instance().state(), "three tries spent");
        assertEquals(3, s3.instance().tryNumber());
    }

    @Test
    void aFailureARetryCannotFixOrOneInATimedOutRunIsFinal() {
        Dag dag = DagBuilder.dag("d")
                .task("a", NOOP, t -> t.retries(5, Duration.ofSeconds(1)))
                .build();
        TaskInstance first = fresh(dag).parent("a").tryStarted("h", NOW);
        assertEquals(
                TaskState.FAILED,
                advancer.settle(fresh(dag), first, Outcome.fatal("cannot prepare the task: x"), false, NOW)
                        .instance()
                        .state());
        assertEquals(
                TaskState.FAILED,
                advancer.settle(fresh(dag), first, Outcome.failed(1, "exit code 1"), true, NOW)
                        .instance()
                        .state());
    }

    @Test
    void aSuccessKeepsItsOutputAndASupervisedJobIsASuccessThatNamesItsProcess() {
        Dag dag = DagBuilder.dag("d").task("a", NOOP).build();
        TaskInstance first = fresh(dag).parent("a").tryStarted("h", NOW);
        RunAdvancer.Settled ok = advancer.settle(fresh(dag), first, Outcome.succeeded(0, "{\"n\":1}"), false, NOW);
        assertEquals(TaskState.SUCCESS, ok.instance().state());
        assertEquals(TaskState.SUCCESS, ok.tryState());
        assertEquals("{\"n\":1}", ok.instance().output());
        assertEquals(NOW, ok.instance().endedAt());

        SupervisedJob job = new SupervisedJob(
                first.id(), "d", "a", "flink", SupervisedJob.State.RUNNING, 4242, 1L, 0, 3, "{}", null, null, "/x.log");
        RunAdvancer.Settled sup = advancer.settle(fresh(dag), first, new Outcome.Supervised(job), false, NOW);
        assertEquals(TaskState.SUCCESS, sup.instance().state());
        assertEquals("{\"pid\": 4242, \"supervised\": true}", sup.instance().output());
        assertEquals(
                "supervised: running (pid 4242), restarts 0", sup.instance().message());
    }

    @Test
    void aTimedOutRunSkipsWhatWaitsGetsNoNewWorkAndEndsFailedOnceItsTriesEnd() {
        RunInstances run = fresh(DagBuilder.dag("d")
                .runTimeout(Duration.ofMinutes(5))
                .task("long", NOOP)
                .task("queued", NOOP)
                .task("after", NOOP, t -> t.dependsOn("long"))
                .build());
        set(run, "long", TaskState.RUNNING);
        run.put(run.parent("queued").scheduled());
        List<TaskInstance> skipped = advancer.timeOut(run, NOW);
        assertEquals(
                List.of("queued", "after"),
                skipped.stream().map(TaskInstance::taskId).toList());
        assertEquals(TaskState.SKIPPED, skipped.get(0).state());
        assertEquals("run timed out after PT5M", skipped.get(0).message());
        skipped.forEach(run::put);

        Plan plan = advancer.advance(RUN, run, true, NOW);
        assertEquals(List.of(), describe(plan));
        assertNull(plan.finished(), "long still runs");
        set(run, "long", TaskState.FAILED);
        assertEquals(RunState.FAILED, advancer.advance(RUN, run, true, NOW).finished());
    }

    // ---- plain values ----

    private Plan advance(RunInstances run) {
        return advancer.advance(RUN, run, false, NOW);
    }

    private RunInstances fresh(Dag dag) {
        List<TaskInstance> tis = new ArrayList<>();
        for (var t : dag.tasks()) {
            tis.add(TaskInstance.create(RUN.id(), t.id(), -1, null, t.retry().maxTries())
                    .withId(++ids));
        }
        return new RunInstances(dag, tis);
    }

    /** Stores the plan's expansions (ids given) and its other decisions, as the coordinator does. */
    private void apply(RunInstances run, Plan plan) {
        for (Decision d : plan.decisions()) {
            if (d instanceof Decision.Expand x) {
                run.put(x.parent());
                x.mapped().forEach(m -> run.put(m.withId(++ids)));
            } else if (d instanceof Decision.Ready r) {
                run.put(r.instance());
            } else if (d instanceof Decision.End e) {
                run.put(e.instance());
            }
        }
    }

    private static void set(RunInstances run, String taskId, TaskState state) {
        set(run, taskId, state, null);
    }

    private static void set(RunInstances run, String taskId, TaskState state, String output) {
        run.put(as(run.parent(taskId), state, output));
    }

    private static void setMapped(RunInstances run, String taskId, int index, TaskState state) {
        run.put(as(run.mapped(taskId).get(index), state, null));
    }

    private static TaskInstance as(TaskInstance ti, TaskState state, String output) {
        TaskInstance running = ti.tryStarted("h", NOW);
        return switch (state) {
            case RUNNING -> running;
            case SUCCESS -> running.succeeded(0, output, null, NOW);
            case FAILED -> running.failed(1, "exit code 1", NOW);
            case SKIPPED -> ti.ended(TaskState.SKIPPED, "skipped", NOW);
            default -> throw new IllegalArgumentException(state.name());
        };
    }

    private static List<String> describe(Plan plan) {
        return plan.decisions().stream()
                .map(d -> {
                    if (d instanceof Decision.Ready r) {
                        return "ready " + r.instance().label();
                    }
                    if (d instanceof Decision.End e) {
                        return "end " + e.instance().label() + " "
                                + e.instance().state().name().toLowerCase() + ": "
                                + e.instance().message();
                    }
                    return "expand " + ((Decision.Expand) d).parent().label();
                })
                .toList();
    }
}
