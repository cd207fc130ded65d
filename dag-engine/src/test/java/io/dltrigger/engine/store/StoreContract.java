package io.dltrigger.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.model.ApiToken;
import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.AuditEntry;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.SupervisedJob;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.model.TaskTry;
import io.dltrigger.engine.model.TriggerEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} implementation must do, run against each database the engine supports
 * (subclasses: {@code H2StoreTest}, {@code PostgresStoreTest}), each on a fresh schema.
 */
abstract class StoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    Store store;

    /** A store on an empty database, its schema migrated. */
    abstract Store openEmpty() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmpty();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aChangedDefinitionIsANewVersionAndTheSameOneIsNot() {
        DagRepository dags = store.dags();
        assertEquals(0, dags.version("d"));
        assertEquals(1, dags.register("d", "id: d\ntasks: [a]\n", "d.yaml"));
        assertEquals(1, dags.register("d", "id: d\ntasks: [a]\n", "d.yaml"));
        assertEquals(2, dags.register("d", "id: d\ntasks: [a, b]\n", "d.yaml"));
        assertEquals(2, dags.version("d"));
        assertEquals(2, dags.versionCount("d"));
    }

    @Test
    void pausingNeedsARegisteredDag() {
        DagRepository dags = store.dags();
        assertFalse(dags.setPaused("nope", true));
        dags.register("d", "id: d", "d.yaml");
        assertTrue(dags.setPaused("d", true));
        assertEquals(java.util.Set.of("d"), dags.paused());
        assertTrue(dags.setPaused("d", false));
        assertEquals(java.util.Set.of(), dags.paused());
    }

    @Test
    void oneScheduledRunPerSchedulePoint() {
        RunRepository runs = store.runs();
        ObjectNode params = new ObjectMapper().createObjectNode().put("n", 3);
        DagRun first = runs.insert("d", "scheduled__x", RunType.SCHEDULED, 1, T0, T0, T0.plusSeconds(60), params, null)
                .orElseThrow();
        assertEquals(
                Optional.empty(), runs.insert("d", "scheduled__x", RunType.SCHEDULED, 1, T0, T0, T0, params, null));
        assertEquals(1, runs.recent("d", 10).size());
        assertEquals(RunState.QUEUED, first.state());
        assertEquals(params, first.params());
        assertEquals(T0.plusSeconds(60), first.intervalEnd());
        assertEquals(0, first.revision());
    }

    @Test
    void runsAreListedNewestFirstAndByStateOldestFirst() {
        RunRepository runs = store.runs();
        ObjectNode params = new ObjectMapper().createObjectNode();
        long backfill = runs.insertBackfill("d", T0, T0.plusSeconds(86_400), 2);
        DagRun a = runs.insert("d", "a", RunType.SCHEDULED, 1, T0, T0, T0, params, null)
                .orElseThrow();
        DagRun b = runs.insert("d", "b", RunType.SCHEDULED, 1, T0.plusSeconds(60), T0, T0, params, null)
                .orElseThrow();
        DagRun c = runs.insert("e", "c", RunType.BACKFILL, 1, T0, T0, T0, params, backfill)
                .orElseThrow();
        assertEquals(List.of(c.id(), b.id(), a.id()), ids(runs.recent(null, 10)));
        assertEquals(List.of(b.id()), ids(runs.recent("d", 1)));
        assertEquals(List.of(a.id(), b.id(), c.id()), ids(runs.inState(RunState.QUEUED)));
        assertEquals(b.id(), runs.latestScheduled("d").orElseThrow().id());
        assertEquals(Optional.empty(), runs.latestScheduled("e"));
        assertEquals(2, runs.backfillMaxActive(backfill));
        assertEquals(backfill, runs.get(c.id()).orElseThrow().backfillId());
        assertEquals(java.util.Map.of("QUEUED", 3L), runs.countsByState());
    }

    @Test
    void aRunStartsWithItsTaskInstancesAndEachTryIsRecorded() {
        DagRun run = queuedRun();
        List<TaskInstance> tis = store.runs().start(run.id(), List.of(fresh(run, "a", 2), fresh(run, "b", 1)), T0);
        assertEquals(2, tis.size());
        assertTrue(tis.get(0).id() > 0 && tis.get(1).id() > 0);
        assertNotEquals(tis.get(0).id(), tis.get(1).id());
        DagRun running = store.runs().get(run.id()).orElseThrow();
        assertEquals(RunState.RUNNING, running.state());
        assertEquals(T0, running.startedAt());
        assertEquals(tis, store.taskInstances().ofRun(run.id()), "stored as returned");

        TaskInstance a = tis.get(0).tryStarted("h", T0.plusSeconds(1));
        store.taskInstances().startTry(a, "/logs/a/try-1.log");
        store.taskInstances().recordPid(a.id(), 1, 4242, 99);
        assertEquals(a.withPid(4242L, 99L), store.taskInstances().get(a.id()).orElseThrow());

        TaskInstance done = a.withPid(4242L, 99L).succeeded(0, "{\"n\":1}", null, T0.plusSeconds(2));
        store.taskInstances().finishTry(done, TaskState.SUCCESS);
        assertEquals(done, store.taskInstances().get(a.id()).orElseThrow());
        List<TaskTry> tries = store.taskInstances().tries(a.id());
        assertEquals(1, tries.size());
        assertEquals(TaskState.SUCCESS, tries.get(0).state());
        assertEquals(4242L, tries.get(0).pid());
        assertEquals(0, tries.get(0).exitCode());
        assertEquals("h", tries.get(0).hostname());
        assertEquals("/logs/a/try-1.log", tries.get(0).logPath());
        assertEquals(T0.plusSeconds(1), tries.get(0).startedAt());
        assertTrue(tries.get(0).endedAt() != null);
        assertEquals(
                java.util.Map.of("NONE", 1L, "SUCCESS", 1L),
                store.taskInstances().countsByState());
    }

    @Test
    void assetEventsCommitWithTheTasksSuccessAndTriggersConsumeThem() {
        DagRun run = queuedRun();
        TaskInstance a =
                store.runs().start(run.id(), List.of(fresh(run, "a", 1)), T0).get(0);
        a = a.tryStarted("h", T0);
        store.taskInstances().startTry(a, "/logs/a/try-1.log");
        AssetEvent produced =
                new AssetEvent(0, "table", T0, run.dagId(), run.runKey(), "a", a.id(), AssetEvent.TASK, "{\"rows\":5}");
        store.taskInstances().finishTry(a.succeeded(0, "{\"rows\":5}", null, T0), TaskState.SUCCESS, List.of(produced));
        AssetRepository assets = store.assets();
        AssetEvent first = assets.latest("table").orElseThrow();
        assertEquals("{\"rows\":5}", first.metadata());
        assertEquals(a.id(), first.taskInstanceId());

        assets.watch(a.id(), List.of("table", "other"));
        assertEquals(
                new AssetRepository.Watch(List.of("table", "other"), null),
                assets.watch(a.id()).orElseThrow());
        AssetEvent commit = new AssetEvent(0, "table", T0, "d", null, "a", a.id(), AssetEvent.COMMIT, "{}");
        assertTrue(assets.recordCommit(a.id(), "chk-1", List.of(commit)));
        assertFalse(assets.recordCommit(a.id(), "chk-1", List.of(commit)), "a commit is recorded once");
        assertEquals(2, assets.events("table", 10).size());
        assertEquals(java.util.Map.of("table", 2L), assets.counts());

        assertTrue(assets.triggerState("d", "table").isEmpty());
        long newest = assets.latest("table").orElseThrow().id();
        assets.evaluated(new TriggerEvaluation(0, "d", "table", T0, newest, false, null, "broken", null), false, null);
        assertEquals(
                0, assets.triggerState("d", "table").orElseThrow().lastEventId(), "a failed check consumes nothing");
        assets.evaluated(
                new TriggerEvaluation(0, "d", "table", T0.plusSeconds(1), newest, true, run.id(), "ok", "/l"),
                true,
                "c1");
        AssetRepository.TriggerState st = assets.triggerState("d", "table").orElseThrow();
        assertEquals(newest, st.lastEventId());
        assertEquals("c1", st.cursor());
        assertEquals(T0.plusSeconds(1), st.evaluatedAt());
        List<TriggerEvaluation> evals = assets.evaluations("table", 10);
        assertEquals(
                List.of(true, false),
                evals.stream().map(TriggerEvaluation::fired).toList());
        assertEquals(run.id(), evals.get(0).runId());
    }

    @Test
    void aFailedTryKeepsItsRetryTimeAndALongMessageIsCut() {
        DagRun run = queuedRun();
        TaskInstance a =
                store.runs().start(run.id(), List.of(fresh(run, "a", 3)), T0).get(0);
        TaskInstance started = a.tryStarted("h", T0);
        store.taskInstances().startTry(started, "/logs/a/try-1.log");
        TaskInstance retry = started.upForRetry(7, "x".repeat(5000), T0.plusSeconds(1), T0.plusSeconds(11));
        store.taskInstances().finishTry(retry, TaskState.FAILED);
        TaskInstance stored = store.taskInstances().get(a.id()).orElseThrow();
        assertEquals(TaskState.UP_FOR_RETRY, stored.state());
        assertEquals(T0.plusSeconds(11), stored.nextTryAt());
        assertEquals(7, stored.exitCode());
        assertEquals("x".repeat(3990) + "...", stored.message(), "cut to fit its column");
        assertEquals(
                TaskState.FAILED, store.taskInstances().tries(a.id()).get(0).state());
    }

    @Test
    void aRunClearedSinceItWasReadIsNotFinished() {
        DagRun run = queuedRun();
        TaskInstance a =
                store.runs().start(run.id(), List.of(fresh(run, "a", 1)), T0).get(0);
        int revision = store.runs().get(run.id()).orElseThrow().revision();
        TaskInstance cleared = a.ended(TaskState.FAILED, "boom", T0).cleared(1);
        store.runs().clear(run.id(), List.of(cleared), List.of());
        assertFalse(store.runs().finish(run.id(), revision, RunState.SUCCESS, T0), "a clear happened meanwhile");
        DagRun again = store.runs().get(run.id()).orElseThrow();
        assertEquals(revision + 1, again.revision());
        assertEquals(RunState.RUNNING, again.state());
        assertEquals(cleared, store.taskInstances().get(a.id()).orElseThrow());
        assertTrue(store.runs().finish(run.id(), again.revision(), RunState.FAILED, T0.plusSeconds(5)));
        DagRun done = store.runs().get(run.id()).orElseThrow();
        assertEquals(RunState.FAILED, done.state());
        assertEquals(T0.plusSeconds(5), done.endedAt());
    }

    @Test
    void aMappedTaskExpandsAndAClearDeletesItsMappedInstances() {
        DagRun run = queuedRun();
        TaskInstance parent =
                store.runs().start(run.id(), List.of(fresh(run, "m", 1)), T0).get(0);
        TaskInstance mappedParent = parent.mapped(2);
        List<TaskInstance> kids = List.of(
                TaskInstance.create(run.id(), "m", 0, "\"x\"", 1), TaskInstance.create(run.id(), "m", 1, "\"y\"", 1));
        List<TaskInstance> stored = store.taskInstances().expand(mappedParent, kids);
        assertEquals(2, stored.size());
        assertEquals(
                List.of(
                        kids.get(0).withId(stored.get(0).id()),
                        kids.get(1).withId(stored.get(1).id())),
                stored);
        assertEquals(mappedParent, store.taskInstances().get(parent.id()).orElseThrow());
        assertEquals("2 mapped instances", mappedParent.message());
        List<TaskInstance> all = store.taskInstances().ofRun(run.id());
        assertEquals(List.of(-1, 0, 1), all.stream().map(TaskInstance::mapIndex).toList());

        TaskInstance k = stored.get(0).tryStarted("h", T0);
        store.taskInstances().startTry(k, "/logs/m.0/try-1.log");
        store.runs().clear(run.id(), List.of(mappedParent.cleared(1)), List.of("m"));
        assertEquals(List.of(parent.id()), ids(store.taskInstances().ofRun(run.id())));
        assertEquals(List.of(), store.taskInstances().tries(k.id()));
        assertEquals(
                TaskState.NONE,
                store.taskInstances().get(parent.id()).orElseThrow().state());
    }

    @Test
    void aNewJobOfTheSameTaskReplacesTheRunningOne() {
        DagRun run = queuedRun();
        List<TaskInstance> tis = store.runs().start(run.id(), List.of(fresh(run, "a", 1), fresh(run, "b", 1)), T0);
        SupervisedJob first = job(tis.get(0).id(), 100);
        assertEquals(List.of(), store.supervisedJobs().supervise(first));
        SupervisedJob second = job(tis.get(1).id(), 200);
        List<SupervisedJob> replaced = store.supervisedJobs().supervise(second);
        assertEquals(List.of(first), replaced);
        assertEquals(List.of(second), store.supervisedJobs().inState(SupervisedJob.State.RUNNING));
        assertEquals(
                List.of(first.withState(SupervisedJob.State.REPLACED)),
                store.supervisedJobs().inState(SupervisedJob.State.REPLACED));

        SupervisedJob restarted = second.restarted(300, 7L);
        store.supervisedJobs().update(restarted, "supervised: running (pid 300), restarts 1");
        assertEquals(List.of(restarted), store.supervisedJobs().inState(SupervisedJob.State.RUNNING));
        TaskInstance shown = store.taskInstances().get(tis.get(1).id()).orElseThrow();
        assertEquals(300L, shown.pid());
        assertEquals("supervised: running (pid 300), restarts 1", shown.message());
    }

    @Test
    void theEngineLeaseIsExclusiveUntilItsHolderDiesAndEachGrantHasALargerEpoch() {
        LeaseRepository lease = store.lease();
        long a = granted(lease.acquire("a", "host1", 100, 30_000, pid -> true));
        LeaseRepository.Acquisition b = lease.acquire("b", "host1", 200, 30_000, pid -> true);
        assertTrue(((LeaseRepository.Acquisition.Held) b).holder().contains("pid 100"), "a is alive");
        assertTrue(
                lease.acquire("b", "host2", 200, 30_000, pid -> false) instanceof LeaseRepository.Acquisition.Held,
                "another host can't tell: wait for staleness");
        long b2 = granted(lease.acquire("b", "host1", 200, 30_000, pid -> pid != 100));
        assertTrue(b2 > a, "a's process is dead: b's grant has a larger epoch");
        assertFalse(lease.heartbeat("a", a), "a lost the lease");
        assertTrue(lease.heartbeat("b", b2));
        lease.release("b", b2);
        assertFalse(lease.heartbeat("b", b2), "released");
        long c = granted(lease.acquire("c", "host2", 300, 30_000, pid -> true));
        assertTrue(c > b2, "a released lease keeps its epoch: epochs never repeat");
    }

    @Test
    void aStaleLeaseIsTakenOverFromAnotherHost() {
        LeaseRepository lease = store.lease();
        granted(lease.acquire("a", "host1", 100, 30_000, pid -> true));
        long b = granted(lease.acquire("b", "host2", 200, -1, pid -> true));
        assertTrue(lease.heartbeat("b", b), "no heartbeat within -1 ms: b took it");
    }

    @Test
    void onceTheLeaseIsTakenOverAFencedStoreWritesNothing() {
        long a = granted(store.lease().acquire("a", "host1", 100, 30_000, pid -> true));
        store.fence(a);
        DagRun run = queuedRun();
        assertTrue(store.dags().register("d", "id: d", "d.yaml") > 0, "writes go through while the lease is held");
        granted(store.lease().acquire("b", "host2", 200, -1, pid -> true)); // b takes it over

        LeaseLostException lost =
                assertThrows(LeaseLostException.class, () -> store.dags().setPaused("d", true));
        assertTrue(lost.getMessage().contains("(epoch " + a + ") was taken over by b"), lost.getMessage());
        assertThrows(LeaseLostException.class, () -> store.runs().start(run.id(), List.of(fresh(run, "a", 1)), T0));
        assertEquals(RunState.QUEUED, store.runs().get(run.id()).orElseThrow().state(), "nothing was written");
        assertEquals(java.util.Set.of(), store.dags().paused());
        assertEquals(List.of(), store.taskInstances().ofRun(run.id()));
    }

    @Test
    void tokensAreFoundByTheirHashUntilRevoked() {
        TokenRepository tokens = store.tokens();
        assertFalse(tokens.anyAdmin());
        ApiToken viewer = tokens.create("grafana", Role.VIEWER, "a".repeat(64), "local:test");
        ApiToken admin = tokens.create("ops", Role.ADMIN, "b".repeat(64), "token:root#1");
        assertTrue(tokens.anyAdmin());
        assertEquals(Optional.of(viewer), tokens.byHash("a".repeat(64)));
        assertEquals(Optional.empty(), tokens.byHash("c".repeat(64)));
        assertTrue(tokens.revoke(admin.id()));
        assertFalse(tokens.revoke(admin.id()), "already revoked");
        assertEquals(Optional.empty(), tokens.byHash("b".repeat(64)));
        assertFalse(tokens.anyAdmin());
        List<ApiToken> all = tokens.all();
        assertEquals(List.of("grafana", "ops"), all.stream().map(ApiToken::name).toList());
        assertNotEquals(null, all.get(1).revokedAt());
    }

    @Test
    void theAuditLogKeepsWhoDidWhatNewestFirst() {
        AuditRepository audit = store.audit();
        audit.append(
                new AuditEntry(0, T0, "token:ops#2", "trigger", "dag d", AuditEntry.Outcome.DONE, "{}", "127.0.0.1"));
        audit.append(new AuditEntry(
                0,
                T0.plusSeconds(1),
                "token:grafana#1",
                "pause",
                "dag d",
                AuditEntry.Outcome.REFUSED,
                "needs the operator role",
                "127.0.0.1"));
        List<AuditEntry> recent = audit.recent(10);
        assertEquals(
                List.of("pause", "trigger"),
                recent.stream().map(AuditEntry::action).toList());
        assertEquals(AuditEntry.Outcome.REFUSED, recent.get(0).outcome());
        assertEquals("token:grafana#1", recent.get(0).actor());
        assertEquals(T0.plusSeconds(1), recent.get(0).at());
        assertEquals(1, audit.recent(1).size());
    }

    private static long granted(LeaseRepository.Acquisition a) {
        return ((LeaseRepository.Acquisition.Granted) a).epoch();
    }

    private DagRun queuedRun() {
        return store.runs()
                .insert("d", "manual__1", RunType.MANUAL, 1, T0, T0, T0, new ObjectMapper().createObjectNode(), null)
                .orElseThrow();
    }

    private static TaskInstance fresh(DagRun run, String taskId, int maxTries) {
        return TaskInstance.create(run.id(), taskId, -1, null, maxTries);
    }

    private static SupervisedJob job(long taskInstanceId, long pid) {
        return new SupervisedJob(
                taskInstanceId,
                "d",
                "ingest",
                "flink",
                SupervisedJob.State.RUNNING,
                pid,
                5L,
                0,
                3,
                "{\"argv\":[\"x\"],\"env\":{}}",
                "/ckpt",
                "--from-checkpoint",
                "/logs/ingest/try-1.log");
    }

    private static List<Long> ids(List<?> rows) {
        return rows.stream()
                .map(r -> r instanceof DagRun d ? d.id() : ((TaskInstance) r).id())
                .toList();
    }
}
