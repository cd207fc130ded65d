package io.dltrigger.engine.executor;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.launch.Cancellation;
import io.dltrigger.engine.launch.Launchers;
import io.dltrigger.engine.launch.Outcome;
import io.dltrigger.engine.launch.Recovered;
import io.dltrigger.engine.launch.TryFiles;
import io.dltrigger.engine.launch.TryStart;
import io.dltrigger.engine.launch.Work;
import io.dltrigger.engine.metrics.EngineMetrics;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.model.TriggerRule;
import io.dltrigger.engine.scheduler.RunFactory;
import io.dltrigger.engine.service.DagRegistry;
import io.dltrigger.engine.service.EngineConfig;
import io.dltrigger.engine.store.Store;
import io.dltrigger.engine.template.Template;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler and executor: one coordinating thread owns every live run and task instance and makes
 * every state change (written through to the store before it takes effect); a bounded worker pool runs
 * the tries; sensors poke on a timer without holding a worker. Workers report back through an inbox, so
 * state is never touched by two threads.
 *
 * <p>Only one engine works on a database at a time (a lease row). On start it adopts the runs left
 * RUNNING: tries whose process still lives are re-attached by pid, tries whose process ended while no
 * engine watched are settled from their exit-code file, and the rest are retried per policy; a task that
 * succeeded is never run again.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration LEASE_STALE = Duration.ofSeconds(30);

    private final EngineConfig cfg;
    private final Store store;
    private final DagRegistry dags;
    private final RunFactory runFactory;
    private final EngineMetrics metrics;
    private final Launchers launchers;
    private final String host;
    private final String owner;

    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, ActiveRun> active = new LinkedHashMap<>();
    private final Map<Long, TaskInstance> live = new HashMap<>();
    private final TreeSet<TaskInstance> ready = new TreeSet<>(Comparator.<TaskInstance>comparingInt(t -> -t.priority)
            .thenComparingLong(t -> t.runId)
            .thenComparingLong(t -> t.id));
    private final Map<Long, Cancellation> running = new HashMap<>();
    private final Map<Long, Instant> deadlines = new HashMap<>();
    private final Map<String, Integer> poolUse = new HashMap<>();
    private int busyWorkers;
    private volatile int readyDepth;
    private volatile int busySnapshot;
    private volatile int activeSnapshot;

    private Workers workers;
    private Thread loop;
    private volatile boolean stopping;
    private Instant nextPoll = Instant.EPOCH;
    private Instant nextHeartbeat = Instant.EPOCH;
    private volatile Long onlyRun;
    private final Set<Long> waitingForDag = new java.util.HashSet<>();
    private Supervisor supervisor;
    private Instant nextSupervision = Instant.EPOCH;

    public Engine(EngineConfig cfg, Store store, DagRegistry dags, EngineMetrics metrics) {
        this.cfg = cfg;
        this.store = store;
        this.dags = dags;
        this.runFactory = new RunFactory(store);
        this.metrics = metrics;
        this.launchers = Launchers.standard(cfg.killGrace());
        this.host = hostname();
        this.owner = host + ":" + ProcessHandle.current().pid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
        metrics.gauge(
                "dltrigger.queue.depth",
                "task instances ready and waiting for a worker or pool slot",
                () -> readyDepth);
        metrics.gauge("dltrigger.workers.busy", "worker slots in use", () -> busySnapshot);
        metrics.gauge("dltrigger.runs.active", "runs the engine is driving", () -> activeSnapshot);
    }

    /** Takes the database's engine lease, then adopts unfinished runs and starts scheduling. */
    public synchronized void start() {
        Optional<String> holder = store.lease()
                .acquire(
                        owner,
                        host,
                        ProcessHandle.current().pid(),
                        LEASE_STALE.toMillis(),
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        if (holder.isPresent()) {
            throw new IllegalStateException("another engine works on this database: " + holder.get());
        }
        workers = new Workers(cfg.workers(), (id, tryNumber, o) -> inbox.add(() -> finished(id, tryNumber, o)));
        supervisor = new Supervisor(store.supervisedJobs(), launchers, cfg.killGrace(), workers::background);
        loop = new Thread(this::run, "dltrigger-engine");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * Drives only this run: no schedules, no other runs (the CLI's foreground {@code engine run}).
     * Set before {@link #start()}.
     */
    public void restrictTo(long runId) {
        this.onlyRun = runId;
    }

    /** Makes the engine look at the database now (a trigger, clear or pause happened). */
    public void wakeup() {
        inbox.add(() -> nextPoll = Instant.EPOCH);
    }

    /**
     * Stops scheduling. Child processes keep running, as after a crash: the next engine re-attaches to
     * them. In-process tries are interrupted and re-queued by the next engine.
     */
    @Override
    public synchronized void close() {
        if (loop == null) {
            return;
        }
        stopping = true;
        inbox.add(() -> {});
        try {
            loop.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.close();
        try {
            store.lease().release(owner);
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not release the engine lease (the next engine takes it over once this process is gone): {}",
                    e.getMessage());
        }
        loop = null;
    }

    // ---- the loop ----

    private void run() {
        while (!stopping) {
            try {
                Runnable event = inbox.poll(waitMillis(), TimeUnit.MILLISECONDS);
                long t0 = System.nanoTime();
                while (event != null) {
                    event.run();
                    event = inbox.poll();
                }
                if (!stopping) {
                    step(Instant.now());
                }
                metrics.loopPass(System.nanoTime() - t0);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a store outage or a bug must not kill the engine thread; the next pass retries from the store
                LOG.error("engine loop pass failed", e);
                nextPoll = Instant.now().plus(cfg.pollInterval());
                try {
                    Thread.sleep(cfg.pollInterval().toMillis()); // back off instead of spinning on a broken database
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private long waitMillis() {
        Instant now = Instant.now();
        Instant next = nextPoll;
        for (Instant d : deadlines.values()) {
            next = d.isBefore(next) ? d : next;
        }
        for (ActiveRun r : active.values()) {
            if (r.wakeAt != null && r.wakeAt.isBefore(next)) {
                next = r.wakeAt;
            }
            Instant rd = r.deadline();
            if (rd != null && !r.timedOut && rd.isBefore(next)) {
                next = rd;
            }
        }
        return Math.max(
                0,
                Math.min(
                        Duration.between(now, next).toMillis(),
                        cfg.pollInterval().toMillis()));
    }

    private void step(Instant now) {
        if (!now.isBefore(nextHeartbeat)) {
            if (!store.lease().heartbeat(owner)) {
                LOG.error("the engine lease was taken over by another engine; stopping");
                stopping = true;
                return;
            }
            nextHeartbeat = now.plus(HEARTBEAT);
        }
        if (!now.isBefore(nextPoll)) {
            poll(now);
            nextPoll = now.plus(cfg.pollInterval());
        }
        if (!now.isBefore(nextSupervision)) {
            supervisor.check();
            nextSupervision = now.plusSeconds(1);
        }
        checkTimeouts(now);
        for (ActiveRun r : new ArrayList<>(active.values())) {
            if (r.dirty || (r.wakeAt != null && !now.isBefore(r.wakeAt))) {
                advance(r, now);
            }
        }
        dispatch();
        readyDepth = ready.size();
        busySnapshot = busyWorkers;
        activeSnapshot = active.size();
    }

    /** Reads what other processes changed: DAG files, schedules due, queued and cleared runs. */
    private void poll(Instant now) {
        dags.refresh();
        Set<String> paused = store.dags().paused();
        Long only = onlyRun;
        for (DagRun run : store.runs().inState(RunState.RUNNING)) {
            if (only != null && run.id() != only) {
                continue;
            }
            ActiveRun r = active.get(run.id());
            if (r == null || run.revision() > r.run.revision()) {
                load(run, now);
            }
        }
        List<DagRun> queued = new ArrayList<>(store.runs().inState(RunState.QUEUED));
        if (only != null) {
            queued.removeIf(q -> q.id() != only);
        }
        for (Dag dag : dags.all()) {
            if (only == null && dag.schedule() != null && !paused.contains(dag.id())) {
                long taken = active.values().stream()
                                .filter(r -> r.dag.id().equals(dag.id()) && r.run.backfillId() == null)
                                .count()
                        + queued.stream()
                                .filter(q -> q.dagId().equals(dag.id()) && q.backfillId() == null)
                                .count();
                queued.addAll(runFactory.createDueRuns(
                        dag, store.dags().version(dag.id()), now, dag.maxActiveRuns() - (int) taken));
            }
        }
        for (DagRun run : queued) {
            if ((only != null || !paused.contains(run.dagId())) && roomFor(run)) {
                Optional<Dag> dag = dags.dag(run.dagId());
                if (dag.isPresent()) {
                    startRun(run, dag.get(), now);
                } else if (waitingForDag.add(run.id())) {
                    LOG.warn(
                            "run {} of DAG {} waits: the DAG is not loaded (see dags list for refused files)",
                            run.id(),
                            run.dagId());
                }
            }
        }
    }

    private boolean roomFor(DagRun run) {
        if (run.backfillId() != null) {
            long n = active.values().stream()
                    .filter(r -> run.backfillId().equals(r.run.backfillId()))
                    .count();
            return n < store.runs().backfillMaxActive(run.backfillId());
        }
        int max = dags.dag(run.dagId()).map(Dag::maxActiveRuns).orElse(1);
        long n = active.values().stream()
                .filter(r -> r.dag.id().equals(run.dagId()) && r.run.backfillId() == null)
                .count();
        return n < max;
    }

    private void startRun(DagRun run, Dag dag, Instant now) {
        List<TaskInstance> tis = new ArrayList<>();
        for (TaskSpec t : dag.tasks()) {
            TaskInstance ti = new TaskInstance(run.id(), t.id(), -1, null);
            ti.maxTries = t.retry().maxTries();
            tis.add(ti);
        }
        store.runs().start(run.id(), tis, now);
        ActiveRun r = new ActiveRun(run.withState(RunState.RUNNING, now, null), dag, tis);
        active.put(run.id(), r);
        tis.forEach(ti -> live.put(ti.id, ti));
        LOG.info("run {} of {} started ({})", run.runKey(), dag.id(), run.type());
    }

    /** Takes a RUNNING run from the store: after a restart, or after a clear from another process. */
    private void load(DagRun run, Instant now) {
        Optional<Dag> dag = dags.dag(run.dagId());
        if (dag.isEmpty()) {
            if (waitingForDag.add(run.id())) {
                LOG.warn(
                        "run {} of DAG {} is running but the DAG is not loaded (see dags list); it waits",
                        run.id(),
                        run.dagId());
            }
            return;
        }
        ActiveRun old = active.get(run.id());
        List<TaskInstance> tis = new ArrayList<>();
        for (TaskInstance ti : store.taskInstances().ofRun(run.id())) {
            TaskInstance mine = old == null ? null : live.get(ti.id);
            tis.add(mine != null && running.containsKey(ti.id) ? mine : ti);
        }
        if (old != null) {
            ready.removeIf(t -> t.runId == run.id());
            old.all().forEach(t -> live.remove(t.id));
        }
        List<TaskInstance> missing = new ArrayList<>();
        for (TaskSpec t : dag.get().tasks()) {
            if (tis.stream().noneMatch(ti -> ti.taskId.equals(t.id()) && ti.mapIndex < 0)) {
                TaskInstance ti = new TaskInstance(run.id(), t.id(), -1, null);
                ti.maxTries = t.retry().maxTries();
                missing.add(ti); // a task added to the DAG since the run started
            }
        }
        store.taskInstances().insert(missing);
        tis.addAll(missing);
        ActiveRun r = new ActiveRun(run, dag.get(), tis);
        active.put(run.id(), r);
        r.all().forEach(ti -> live.put(ti.id, ti));
        for (TaskInstance ti : r.all()) {
            if (ti.state == TaskState.RUNNING && !running.containsKey(ti.id)) {
                adopt(r, ti, now);
            }
        }
    }

    /** A try left RUNNING by a dead engine: re-attach, settle from what it left, or re-queue. */
    private void adopt(ActiveRun r, TaskInstance ti, Instant now) {
        TaskSpec spec = r.specs.get(ti.taskId);
        Cancellation c = new Cancellation();
        Recovered verdict = launchers.recover(spec.action(), ti, files(r, ti), c);
        if (verdict instanceof Recovered.Reattached re) {
            ti.pid = re.pid();
            ti.pidStartedAt = re.pidStartedAt();
            LOG.info("re-attaching to {} (pid {})", ti.label(), ti.pid);
            occupy(spec, ti, c, now);
            workers.run(ti.id, ti.tryNumber, new Work.Blocking(re.await()), c);
        } else if (verdict instanceof Recovered.Ended e) {
            ti.pid = e.pid();
            ti.pidStartedAt = e.pidStartedAt();
            LOG.info(
                    "{} ended while the engine was down: {}",
                    ti.label(),
                    e.outcome() instanceof Outcome.Failed f ? f.reason() : "success");
            settle(r, spec, ti, e.outcome(), now);
        } else {
            // The try never started a process (or ran inside the dead engine): it doesn't count against retries.
            ti.state = TaskState.NONE;
            ti.maxTries++;
            ti.endedAt = now;
            ti.message = "interrupted by an engine restart; re-queued";
            store.taskInstances().finishTry(ti, TaskState.FAILED);
            r.dirty = true;
        }
    }

    // ---- deciding what runs ----

    private void advance(ActiveRun r, Instant now) {
        r.dirty = false;
        r.wakeAt = null;
        if (r.timedOut) {
            finishIfDone(r, now);
            return;
        }
        for (TaskSpec spec : r.dag.tasks()) {
            TaskInstance p = r.parents.get(spec.id());
            if (p.state == TaskState.NONE) {
                TriggerRule.Decision d = spec.triggerRule().decide(upstream(r, spec));
                switch (d) {
                    case WAIT -> {
                        continue;
                    }
                    case SKIP ->
                        end(
                                r,
                                p,
                                TaskState.SKIPPED,
                                "skipped by trigger rule "
                                        + spec.triggerRule().name().toLowerCase(),
                                now);
                    case UPSTREAM_FAILED -> end(r, p, TaskState.UPSTREAM_FAILED, "an upstream task failed", now);
                    case RUN -> {
                        if (spec.mapped()) {
                            expand(r, spec, p, now);
                        } else {
                            enqueue(spec, p);
                        }
                    }
                }
            }
            for (TaskInstance ti : r.instancesOf(spec.id())) {
                if (ti.state == TaskState.NONE && ti.mapIndex >= 0) {
                    enqueue(spec, ti);
                } else if (ti.state == TaskState.UP_FOR_RETRY) {
                    if (ti.nextTryAt == null || !now.isBefore(ti.nextTryAt)) {
                        enqueue(spec, ti);
                    } else {
                        r.wake(ti.nextTryAt);
                    }
                }
            }
        }
        finishIfDone(r, now);
    }

    private List<TriggerRule.Upstream> upstream(ActiveRun r, TaskSpec spec) {
        List<TriggerRule.Upstream> out = new ArrayList<>();
        for (String dep : spec.dependsOn()) {
            for (TaskInstance ti : r.instancesOf(dep)) {
                out.add(
                        switch (ti.state) {
                            case SUCCESS -> TriggerRule.Upstream.SUCCESS;
                            case FAILED, UPSTREAM_FAILED -> TriggerRule.Upstream.FAILED;
                            case SKIPPED -> TriggerRule.Upstream.SKIPPED;
                            default -> TriggerRule.Upstream.PENDING;
                        });
            }
        }
        return out;
    }

    private void expand(ActiveRun r, TaskSpec spec, TaskInstance p, Instant now) {
        JsonNode items;
        try {
            items = spec.mapOver().items() != null
                    ? spec.mapOver().items()
                    : Template.resolve(
                            Template.singleReference(spec.mapOver().expression()), TaskContext.of(r, p, cfg.home()));
        } catch (RuntimeException e) {
            end(r, p, TaskState.FAILED, "map_over: " + e.getMessage(), now);
            return;
        }
        if (!items.isArray()) {
            end(
                    r,
                    p,
                    TaskState.FAILED,
                    "map_over resolved to " + items.getNodeType().name().toLowerCase() + ", not a list",
                    now);
            return;
        }
        if (items.isEmpty()) {
            end(r, p, TaskState.SKIPPED, "map_over is an empty list", now);
            return;
        }
        List<TaskInstance> kids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            TaskInstance c =
                    new TaskInstance(r.run.id(), spec.id(), i, items.get(i).toString());
            c.maxTries = spec.retry().maxTries();
            kids.add(c);
        }
        p.state = TaskState.MAPPED;
        p.message = items.size() + " mapped instances";
        store.taskInstances().expand(p, kids);
        r.children.put(spec.id(), kids);
        kids.forEach(c -> live.put(c.id, c));
    }

    private void enqueue(TaskSpec spec, TaskInstance ti) {
        ti.state = TaskState.SCHEDULED; // kept in memory only: after a restart the same decision is made again
        ti.priority = spec.priority();
        ready.add(ti);
    }

    private void end(ActiveRun r, TaskInstance ti, TaskState state, String why, Instant now) {
        ti.state = state;
        ti.message = why;
        ti.endedAt = now;
        store.taskInstances().save(ti);
        metrics.taskFinished(r.dag.id(), state.name().toLowerCase(), null);
        r.dirty = true;
    }

    private void finishIfDone(ActiveRun r, Instant now) {
        if (!r.all().stream().allMatch(ti -> ti.state.finished())) {
            return;
        }
        boolean failed = r.timedOut;
        for (TaskSpec t : r.dag.tasks()) {
            boolean leaf = r.dag.downstream(t.id()).isEmpty();
            if (leaf
                    && r.instancesOf(t.id()).stream()
                            .anyMatch(ti -> ti.state == TaskState.FAILED || ti.state == TaskState.UPSTREAM_FAILED)) {
                failed = true;
            }
        }
        RunState state = failed ? RunState.FAILED : RunState.SUCCESS;
        if (!store.runs().finish(r.run.id(), r.run.revision(), state, now)) {
            LOG.info("run {} of {} was cleared meanwhile; reloading it", r.run.runKey(), r.dag.id());
            store.runs().get(r.run.id()).ifPresent(fresh -> load(fresh, now));
            return;
        }
        active.remove(r.run.id());
        r.all().forEach(ti -> live.remove(ti.id));
        metrics.runFinished(r.dag.id(), state.name().toLowerCase());
        LOG.info("run {} of {} finished: {}", r.run.runKey(), r.dag.id(), state);
        if (r.run.type() == RunType.SCHEDULED) {
            nextPoll = Instant.EPOCH; // room for the next scheduled run
        } else {
            nextPoll = now.isBefore(nextPoll) ? now : nextPoll;
        }
    }

    // ---- running tries ----

    private void dispatch() {
        Iterator<TaskInstance> it = ready.iterator();
        while (it.hasNext()) {
            TaskInstance ti = it.next();
            ActiveRun r = active.get(ti.runId);
            if (r == null || ti.state != TaskState.SCHEDULED) {
                it.remove();
                continue;
            }
            TaskSpec spec = r.specs.get(ti.taskId);
            if (!spec.holdsWorkerSlot()) {
                it.remove();
                launch(r, spec, ti);
                continue;
            }
            if (busyWorkers >= cfg.workers()) {
                continue; // a sensor further down may still start
            }
            if (!spec.pool().equals("default")
                    && poolUse.getOrDefault(spec.pool(), 0) + spec.poolSlots()
                            > cfg.pools().get(spec.pool())) {
                continue;
            }
            it.remove();
            launch(r, spec, ti);
        }
    }

    private TryFiles beginTry(ActiveRun r, TaskInstance ti, Instant now) {
        ti.tryNumber++;
        ti.state = TaskState.RUNNING;
        ti.startedAt = now;
        ti.endedAt = null;
        ti.nextTryAt = null;
        ti.hostname = host;
        ti.pid = null;
        ti.pidStartedAt = null;
        ti.exitCode = null;
        ti.message = null;
        TryFiles f = files(r, ti);
        store.taskInstances().startTry(ti, f.logFile().toString());
        return f;
    }

    private void launch(ActiveRun r, TaskSpec spec, TaskInstance ti) {
        Instant now = Instant.now();
        TryFiles f = beginTry(r, ti, now);
        Cancellation c = new Cancellation();
        occupy(spec, ti, c, now);
        long id = ti.id;
        int tryNumber = ti.tryNumber;
        Work work;
        try {
            TryStart start =
                    new TryStart(r.run, ti, f, TaskContext.of(r, ti, cfg.home()), cfg.home(), c, (pid, started) -> {
                        store.taskInstances().recordPid(id, tryNumber, pid, started);
                        inbox.add(() -> {
                            TaskInstance t = live.get(id);
                            if (t != null && t.tryNumber == tryNumber) {
                                t.pid = pid;
                                t.pidStartedAt = started;
                            }
                        });
                    });
            work = launchers.prepare(spec.action(), start);
        } catch (RuntimeException e) {
            Outcome fatal = Outcome.fatal("cannot prepare the task: " + e.getMessage());
            inbox.add(() -> finished(id, tryNumber, fatal));
            return;
        }
        workers.run(id, tryNumber, work, c);
    }

    /** Counts a try against the worker pool and its pool, and arms its timeout. */
    private void occupy(TaskSpec spec, TaskInstance ti, Cancellation c, Instant now) {
        running.put(ti.id, c);
        if (spec.holdsWorkerSlot()) {
            busyWorkers++;
            poolUse.merge(spec.pool(), spec.poolSlots(), Integer::sum);
        }
        if (spec.timeout() != null) {
            Instant base = ti.startedAt == null ? now : ti.startedAt;
            deadlines.put(ti.id, base.plus(spec.timeout()));
        }
    }

    private void checkTimeouts(Instant now) {
        for (Map.Entry<Long, Instant> e : new ArrayList<>(deadlines.entrySet())) {
            if (now.isBefore(e.getValue())) {
                continue;
            }
            deadlines.remove(e.getKey());
            TaskInstance ti = live.get(e.getKey());
            Cancellation c = running.get(e.getKey());
            if (ti == null || c == null) {
                continue;
            }
            ActiveRun r = active.get(ti.runId);
            TaskSpec spec = r.specs.get(ti.taskId);
            String why = "timed out after " + spec.timeout();
            if (spec.holdsWorkerSlot()) {
                c.cancel(why, true); // the worker kills the process tree and reports back
            } else {
                c.cancel(why, false); // a sensor that timed out fails for good, as in Airflow
                finished(ti.id, ti.tryNumber, Outcome.fatal("sensor " + why));
            }
        }
        for (ActiveRun r : active.values()) {
            Instant deadline = r.deadline();
            if (deadline == null || r.timedOut || now.isBefore(deadline)) {
                continue;
            }
            r.timedOut = true;
            LOG.warn(
                    "run {} of {} exceeded its run_timeout {}: killing its tasks",
                    r.run.runKey(),
                    r.dag.id(),
                    r.dag.runTimeout());
            for (TaskInstance ti : r.all()) {
                Cancellation c = running.get(ti.id);
                if (c != null) {
                    c.cancel("run timed out after " + r.dag.runTimeout(), false);
                    if (!r.specs.get(ti.taskId).holdsWorkerSlot()) {
                        finished(ti.id, ti.tryNumber, Outcome.fatal("run timed out"));
                    }
                } else if (!ti.state.finished() && ti.state != TaskState.RUNNING) {
                    ready.remove(ti);
                    end(r, ti, TaskState.SKIPPED, "run timed out after " + r.dag.runTimeout(), now);
                }
            }
            r.dirty = true;
        }
    }

    /** A worker (or sensor) reports a try's end. Stale reports (an older try) are ignored. */
    private void finished(long tiId, int tryNumber, Outcome o) {
        TaskInstance ti = live.get(tiId);
        if (ti == null || ti.tryNumber != tryNumber || ti.state != TaskState.RUNNING) {
            return;
        }
        Cancellation c = running.remove(tiId);
        deadlines.remove(tiId);
        ActiveRun r = active.get(ti.runId);
        TaskSpec spec = r.specs.get(ti.taskId);
        if (c != null && spec.holdsWorkerSlot()) {
            busyWorkers--;
            poolUse.merge(spec.pool(), -spec.poolSlots(), Integer::sum);
        }
        settle(r, spec, ti, o, Instant.now());
    }

    private void settle(ActiveRun r, TaskSpec spec, TaskInstance ti, Outcome o, Instant now) {
        ti.endedAt = now;
        TaskState tryState;
        if (o instanceof Outcome.Succeeded ok) {
            ti.state = TaskState.SUCCESS;
            ti.exitCode = ok.exitCode();
            ti.message = null;
            ti.output = ok.output();
            tryState = TaskState.SUCCESS;
        } else if (o instanceof Outcome.Supervised sup) {
            ti.state = TaskState.SUCCESS;
            ti.exitCode = null;
            ti.message = "supervised: running (pid " + sup.job().pid() + "), restarts 0";
            ti.output = "{\"pid\": " + sup.job().pid() + ", \"supervised\": true}";
            tryState = TaskState.SUCCESS;
        } else {
            Outcome.Failed f = (Outcome.Failed) o;
            ti.exitCode = f.exitCode();
            ti.message = f.reason();
            tryState = TaskState.FAILED;
            if (f.retryable() && !r.timedOut && ti.tryNumber < ti.maxTries) {
                ti.state = TaskState.UP_FOR_RETRY;
                ti.nextTryAt = now.plus(spec.retry().delayBefore(ti.tryNumber + 1));
            } else {
                ti.state = TaskState.FAILED;
            }
        }
        store.taskInstances().finishTry(ti, tryState); // state, exit code and output committed together
        if (o instanceof Outcome.Supervised sup) {
            supervisor.supervise(sup.job(), r.run.runKey());
        }
        metrics.taskFinished(
                r.dag.id(),
                tryState.name().toLowerCase(),
                ti.startedAt == null ? null : Duration.between(ti.startedAt, now));
        r.dirty = true;
    }

    private TryFiles files(ActiveRun r, TaskInstance ti) {
        return TryFiles.of(cfg.logsDir(), r.dag.id(), r.run.runKey(), ti.taskId, ti.mapIndex, ti.id, ti.tryNumber);
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
