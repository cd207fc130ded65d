package io.dltrigger.engine.executor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.alert.Alerts;
import io.dltrigger.engine.alert.Notifier;
import io.dltrigger.engine.config.EngineConfig;
import io.dltrigger.engine.dagfile.DagRegistry;
import io.dltrigger.engine.launch.Cancellation;
import io.dltrigger.engine.launch.Launchers;
import io.dltrigger.engine.launch.Outcome;
import io.dltrigger.engine.launch.ProcessRunner;
import io.dltrigger.engine.launch.Recovered;
import io.dltrigger.engine.launch.TriggerCheck;
import io.dltrigger.engine.launch.TryFiles;
import io.dltrigger.engine.launch.TryStart;
import io.dltrigger.engine.launch.Work;
import io.dltrigger.engine.metrics.EngineMetrics;
import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.Callback;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.scheduler.RunFactory;
import io.dltrigger.engine.scheduler.Scheduler;
import io.dltrigger.engine.store.LeaseLostException;
import io.dltrigger.engine.store.LeaseRepository;
import io.dltrigger.engine.store.Store;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor's coordinating thread. It owns every live run and task instance and makes every state
 * change, written through to the store before it takes effect; the decisions come from small parts: the
 * {@link RunAdvancer} (what a run does next), the {@link Dispatcher} (which ready tries get worker and pool
 * slots), {@link Timeouts}, {@link Recovery} (runs left running) and the {@link Supervisor} (streaming jobs).
 * Launchers prepare the tries and the {@link Workers} run them, reporting back through an inbox, so state is
 * never touched by two threads.
 *
 * <p>Only one engine works on a database at a time (a lease row). On start it adopts the runs left
 * RUNNING: tries whose process still lives are re-attached by pid, tries whose process ended while no
 * engine watched are settled from their exit-code file, and the rest are re-queued; a task that succeeded is
 * never run again.
 */
public final class Coordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Coordinator.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration LEASE_STALE = Duration.ofSeconds(30);
    private static final Duration SUPERVISION = Duration.ofSeconds(1);

    private final EngineConfig cfg;
    private final Store store;
    private final DagRegistry dags;
    private final Scheduler scheduler;
    private final EngineMetrics metrics;
    private final Launchers launchers;
    private final RunAdvancer advancer;
    private final Dispatcher dispatcher;
    private final Timeouts timeouts = new Timeouts();
    private final Notifier notifier = new Notifier();
    private final Recovery recovery;
    private final AssetTriggering triggering;
    private final String host;
    private final String owner;
    private final com.fasterxml.jackson.databind.node.ObjectNode profile;

    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, ActiveRun> active = new LinkedHashMap<>();
    /** The run of each live task instance, by instance id. */
    private final Map<Long, ActiveRun> runOf = new HashMap<>();
    /** The tries this engine runs, by instance id. */
    private final Map<Long, Cancellation> running = new HashMap<>();

    private final Set<Long> waitingForDag = new HashSet<>();
    private volatile int readyDepth;
    private volatile int busySnapshot;
    private volatile int activeSnapshot;

    private Workers workers;
    private Supervisor supervisor;
    private Thread loop;
    private volatile boolean stopping;
    private volatile boolean demoted;
    /** The epoch of the lease this engine was granted; 0 before. */
    private long epoch;

    private volatile Long onlyRun;
    private Instant nextPoll = Instant.EPOCH;
    private Instant nextHeartbeat = Instant.EPOCH;
    private Instant nextSupervision = Instant.EPOCH;

    public Coordinator(EngineConfig cfg, Store store, DagRegistry dags, EngineMetrics metrics) {
        this.cfg = cfg;
        this.store = store;
        this.dags = dags;
        this.scheduler = new Scheduler(store.runs(), store.dags(), dags, cfg.profile(), cfg.schedules());
        this.profile = cfg.profile().asJson();
        this.triggering = new AssetTriggering(
                store,
                dags,
                new RunFactory(store.runs(), cfg.profile()),
                new TriggerCheck(new ProcessRunner(cfg.killGrace())),
                cfg.logsDir(),
                cfg.home(),
                profile);
        this.metrics = metrics;
        this.launchers = Launchers.standard(cfg.killGrace());
        this.advancer = new RunAdvancer(cfg.home());
        this.dispatcher = new Dispatcher(cfg.workers(), cfg.pools());
        this.recovery = new Recovery(store.taskInstances(), launchers);
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

    /**
     * Takes the database's engine lease, and fences the store with its epoch: from now on no write of this
     * process commits once another engine has taken the lease over. Refused (an {@link IllegalStateException},
     * nothing changed) while another engine holds it.
     */
    public synchronized void takeLease() {
        if (epoch > 0) {
            return;
        }
        LeaseRepository.Acquisition a = store.lease()
                .acquire(
                        owner,
                        host,
                        ProcessHandle.current().pid(),
                        LEASE_STALE.toMillis(),
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        if (a instanceof LeaseRepository.Acquisition.Held held) {
            throw new IllegalStateException("another engine works on this database: " + held.holder());
        }
        epoch = ((LeaseRepository.Acquisition.Granted) a).epoch();
        store.fence(epoch);
        LOG.info("engine lease taken (epoch {})", epoch);
    }

    /** Takes the lease (if not yet taken), then adopts unfinished runs and starts scheduling. */
    public synchronized void start() {
        takeLease();
        workers = new Workers(cfg.workers(), (id, tryNumber, o) -> inbox.add(() -> finished(id, tryNumber, o)));
        supervisor =
                new Supervisor(store.supervisedJobs(), store.assets(), launchers, cfg.killGrace(), workers::background);
        loop = new Thread(this::run, "dltrigger-engine");
        loop.setDaemon(true);
        loop.start();
    }

    /**
     * True once another engine took the lease over: this one stopped scheduling and its writes are refused
     * (the REST API answers them with 503).
     */
    public boolean demoted() {
        return demoted;
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
        if (epoch == 0) {
            return; // never held the lease
        }
        if (loop != null) {
            stopping = true;
            inbox.add(() -> {});
            try {
                loop.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            workers.close();
            loop = null;
        }
        triggering.close();
        notifier.close();
        try {
            store.lease().release(owner, epoch);
        } catch (RuntimeException e) {
            LOG.warn(
                    "could not release the engine lease (the next engine takes it over once this process is gone): {}",
                    e.getMessage());
        }
        epoch = 0;
    }

    // ---- the loop ----

    private void run() {
        try {
            loop();
        } finally {
            if (demoted) {
                workers.close(); // child processes keep running: the engine that holds the lease adopts them
            }
        }
    }

    private void loop() {
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
            } catch (LeaseLostException e) {
                demote(e.getMessage());
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

    private void demote(String why) {
        LOG.error("{}: this engine stops scheduling and refuses changes", why);
        demoted = true;
        stopping = true;
    }

    private long waitMillis() {
        Instant now = Instant.now();
        Instant next = timeouts.next(active.values(), nextPoll);
        return Math.max(
                0,
                Math.min(
                        Duration.between(now, next).toMillis(),
                        cfg.pollInterval().toMillis()));
    }

    private void step(Instant now) {
        if (!now.isBefore(nextHeartbeat)) {
            if (!store.lease().heartbeat(owner, epoch)) {
                demote("the engine lease (epoch " + epoch + ") was taken over by another engine");
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
            nextSupervision = now.plus(SUPERVISION);
        }
        checkTimeouts(now);
        checkSlas(now);
        for (ActiveRun r : new ArrayList<>(active.values())) {
            if (r.dirty || (r.wakeAt != null && !now.isBefore(r.wakeAt))) {
                advance(r, now);
            }
        }
        dispatch();
        readyDepth = dispatcher.queued();
        busySnapshot = dispatcher.busyWorkers();
        activeSnapshot = active.size();
    }

    /**
     * Reads what other processes changed (DAG files, cleared runs), then starts the runs the scheduler
     * admits: due scheduled runs and queued ones.
     */
    private void poll(Instant now) {
        dags.refresh();
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
        List<DagRun> driven = active.values().stream().map(r -> r.run).toList();
        for (Scheduler.Admitted a : scheduler.admit(now, driven, only)) {
            startRun(a.run(), a.dag(), now);
        }
        if (only == null) {
            List<DagRun> running = active.values().stream().map(r -> r.run).toList();
            triggering.poll(
                    now,
                    running,
                    evaluated -> inbox.add(() -> {
                        evaluated.run();
                        nextPoll = Instant.EPOCH; // a run it started is admitted at once
                    }));
        }
    }

    private void startRun(DagRun run, Dag dag, Instant now) {
        List<TaskInstance> fresh = new ArrayList<>();
        for (TaskSpec t : dag.tasks()) {
            fresh.add(TaskInstance.create(run.id(), t.id(), -1, null, t.retry().maxTries()));
        }
        List<TaskInstance> stored = store.runs().start(run.id(), fresh, now);
        ActiveRun r = new ActiveRun(run.withState(RunState.RUNNING, now, null), new RunInstances(dag, stored));
        track(r);
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
        Map<Long, TaskInstance> ours = new HashMap<>();
        if (old != null) {
            for (TaskInstance ti : old.instances.all()) {
                if (running.containsKey(ti.id())) {
                    ours.put(ti.id(), ti);
                }
            }
            dispatcher.withdrawRun(run.id()); // SCHEDULED is not stored: the same decisions are made again
            untrack(old);
        }
        ActiveRun r = new ActiveRun(run, recovery.reload(run, dag.get(), ours));
        track(r);
        for (TaskInstance ti : r.instances.all()) {
            if (ti.state() == TaskState.RUNNING && !running.containsKey(ti.id())) {
                adopt(r, ti, now);
            }
        }
    }

    /** A try left RUNNING with no engine watching it: re-attach, settle from what it left, or re-queue. */
    private void adopt(ActiveRun r, TaskInstance ti, Instant now) {
        TaskSpec spec = r.instances.spec(ti.taskId());
        Cancellation c = new Cancellation();
        Recovered verdict = recovery.adopt(spec, ti, files(r, ti), c);
        if (verdict instanceof Recovered.Reattached re) {
            TaskInstance t = ti.withPid(re.pid(), re.pidStartedAt());
            r.instances.put(t);
            running.put(t.id(), c);
            dispatcher.occupy(ready(r, t));
            Instant started = t.startedAt() == null ? now : t.startedAt();
            if (spec.timeout() != null) { // counted from the try's start, not from the re-attach
                timeouts.arm(t.id(), started.plus(spec.timeout()));
            }
            if (spec.sla() != null) {
                timeouts.armSla(t.id(), started.plus(spec.sla()));
            }
            workers.run(t.id(), t.tryNumber(), new Work.Blocking(re.await()), c);
        } else if (verdict instanceof Recovered.Ended e) {
            settle(r, ti.withPid(e.pid(), e.pidStartedAt()), e.outcome(), now);
        } else {
            TaskInstance requeued = ti.requeued(now);
            store.taskInstances().finishTry(requeued, TaskState.FAILED);
            r.instances.put(requeued);
            r.dirty = true;
        }
    }

    // ---- carrying out what the advancer decides ----

    private void advance(ActiveRun r, Instant now) {
        r.dirty = false;
        while (true) {
            RunAdvancer.Plan plan = advancer.advance(r.run, r.instances, r.timedOut, now);
            r.wakeAt = plan.wakeAt();
            boolean expanded = false;
            for (RunAdvancer.Decision d : plan.decisions()) {
                if (d instanceof RunAdvancer.Decision.Ready ready) {
                    r.instances.put(ready.instance());
                    dispatcher.offer(ready(r, ready.instance()));
                } else if (d instanceof RunAdvancer.Decision.End end) {
                    end(r, end.instance());
                } else if (d instanceof RunAdvancer.Decision.Expand x) {
                    List<TaskInstance> mapped = store.taskInstances().expand(x.parent(), x.mapped());
                    r.instances.put(x.parent());
                    mapped.forEach(ti -> {
                        r.instances.put(ti);
                        runOf.put(ti.id(), r);
                    });
                    expanded = true;
                }
            }
            if (!expanded) {
                if (plan.finished() != null) {
                    finish(r, plan.finished(), now);
                }
                return;
            }
            // the stored mapped instances are ready to be decided on
        }
    }

    private void end(ActiveRun r, TaskInstance ended) {
        store.taskInstances().save(ended);
        r.instances.put(ended);
        timeouts.disarmSla(ended.id());
        metrics.taskFinished(r.dag().id(), ended.state().name().toLowerCase(), null);
        if (ended.state() == TaskState.FAILED) { // a map_over that failed
            alert(
                    r,
                    Callback.Event.TASK_FAILURE,
                    () -> Alerts.task(Callback.Event.TASK_FAILURE, r.run, ended, Instant.now()));
        }
    }

    /** Hands an alert to the notifier when the run's DAG has callbacks (made only then). */
    private void alert(ActiveRun r, Callback.Event event, Supplier<ObjectNode> alert) {
        if (!r.dag().callbacks().isEmpty()) {
            notifier.notify(r.dag(), event, alert.get());
        }
    }

    private void finish(ActiveRun r, RunState state, Instant now) {
        if (!store.runs().finish(r.run.id(), r.run.revision(), state, now)) {
            LOG.info(
                    "run {} of {} was cleared meanwhile; reloading it",
                    r.run.runKey(),
                    r.dag().id());
            store.runs().get(r.run.id()).ifPresent(fresh -> load(fresh, now));
            return;
        }
        untrack(r);
        metrics.runFinished(r.dag().id(), state.name().toLowerCase());
        Callback.Event event = state == RunState.SUCCESS ? Callback.Event.RUN_SUCCESS : Callback.Event.RUN_FAILURE;
        alert(r, event, () -> Alerts.run(event, r.run, state.name().toLowerCase(), now));
        LOG.info("run {} of {} finished: {}", r.run.runKey(), r.dag().id(), state);
        if (r.run.type() == RunType.SCHEDULED) {
            nextPoll = Instant.EPOCH; // room for the next scheduled run
        } else {
            nextPoll = now.isBefore(nextPoll) ? now : nextPoll;
        }
    }

    private void track(ActiveRun r) {
        active.put(r.run.id(), r);
        r.instances.all().forEach(ti -> runOf.put(ti.id(), r));
    }

    private void untrack(ActiveRun r) {
        active.remove(r.run.id());
        r.instances.all().forEach(ti -> runOf.remove(ti.id()));
    }

    // ---- running tries ----

    private void dispatch() {
        for (Dispatcher.Ready d : dispatcher.take(this::scheduled)) {
            ActiveRun r = runOf.get(d.taskInstanceId());
            launch(r, r.instances.byId(d.taskInstanceId()).orElseThrow());
        }
    }

    private boolean scheduled(long taskInstanceId) {
        ActiveRun r = runOf.get(taskInstanceId);
        return r != null
                && r.instances
                        .byId(taskInstanceId)
                        .map(ti -> ti.state() == TaskState.SCHEDULED)
                        .orElse(false);
    }

    private Dispatcher.Ready ready(ActiveRun r, TaskInstance ti) {
        TaskSpec spec = r.instances.spec(ti.taskId());
        return new Dispatcher.Ready(
                ti.id(), ti.runId(), spec.priority(), spec.pool(), spec.poolSlots(), spec.holdsWorkerSlot());
    }

    /** Starts a try: recorded in the store first, then prepared by its launcher and handed to the workers. */
    private void launch(ActiveRun r, TaskInstance scheduled) {
        Instant now = Instant.now();
        TaskSpec spec = r.instances.spec(scheduled.taskId());
        TaskInstance ti = scheduled.tryStarted(host, now);
        TryFiles files = files(r, ti);
        store.taskInstances().startTry(ti, files.logFile().toString());
        r.instances.put(ti);
        Cancellation c = new Cancellation();
        running.put(ti.id(), c);
        if (spec.timeout() != null) {
            timeouts.arm(ti.id(), now.plus(spec.timeout()));
        }
        if (spec.sla() != null) {
            timeouts.armSla(ti.id(), now.plus(spec.sla())); // from the first try: later tries keep the deadline
        }
        long id = ti.id();
        int tryNumber = ti.tryNumber();
        Work work;
        try {
            TryStart start = new TryStart(
                    r.run,
                    ti,
                    files,
                    TaskContext.of(r.run, r.instances, ti, cfg.home(), profile),
                    cfg.home(),
                    c,
                    (pid, started) -> {
                        store.taskInstances().recordPid(id, tryNumber, pid, started);
                        inbox.add(() -> recordPid(id, tryNumber, pid, started));
                    });
            work = launchers.prepare(spec.action(), start);
        } catch (RuntimeException e) {
            Outcome fatal = Outcome.fatal("cannot prepare the task: " + e.getMessage());
            inbox.add(() -> finished(id, tryNumber, fatal));
            return;
        }
        workers.run(id, tryNumber, work, c);
    }

    private void recordPid(long id, int tryNumber, long pid, long started) {
        ActiveRun r = runOf.get(id);
        if (r != null) {
            r.instances
                    .byId(id)
                    .filter(t -> t.tryNumber() == tryNumber)
                    .ifPresent(t -> r.instances.put(t.withPid(pid, started)));
        }
    }

    /** Alerts for the task instances and runs that are past their SLA (they go on). */
    private void checkSlas(Instant now) {
        for (long id : timeouts.expiredSlas(now)) {
            ActiveRun r = runOf.get(id);
            TaskInstance ti = r == null ? null : r.instances.byId(id).orElse(null);
            if (ti != null && !ti.state().finished()) {
                Duration sla = r.instances.spec(ti.taskId()).sla();
                LOG.warn("{} of run {} missed its SLA of {}", ti.label(), r.run.runKey(), sla);
                alert(
                        r,
                        Callback.Event.SLA_MISS,
                        () -> Alerts.missed(Alerts.task(Callback.Event.SLA_MISS, r.run, ti, now), sla));
            }
        }
        for (ActiveRun r : Timeouts.runsPastSla(active.values(), now)) {
            r.slaMissed = true;
            LOG.warn(
                    "run {} of {} missed its SLA of {}",
                    r.run.runKey(),
                    r.dag().id(),
                    r.dag().sla());
            alert(
                    r,
                    Callback.Event.SLA_MISS,
                    () -> Alerts.missed(
                            Alerts.run(Callback.Event.SLA_MISS, r.run, "running", now),
                            r.dag().sla()));
        }
    }

    private void checkTimeouts(Instant now) {
        for (long id : timeouts.expiredTries(now)) {
            ActiveRun r = runOf.get(id);
            Cancellation c = running.get(id);
            if (r == null || c == null) {
                continue;
            }
            TaskInstance ti = r.instances.byId(id).orElseThrow();
            TaskSpec spec = r.instances.spec(ti.taskId());
            String why = "timed out after " + spec.timeout();
            if (spec.holdsWorkerSlot()) {
                c.cancel(why, true); // the worker kills the process tree and reports back
            } else {
                c.cancel(why, false); // a sensor that timed out fails for good, as in Airflow
                finished(id, ti.tryNumber(), Outcome.fatal("sensor " + why));
            }
        }
        for (ActiveRun r : Timeouts.expiredRuns(active.values(), now)) {
            r.timedOut = true;
            LOG.warn(
                    "run {} of {} exceeded its run_timeout {}: killing its tasks",
                    r.run.runKey(),
                    r.dag().id(),
                    r.dag().runTimeout());
            for (TaskInstance ti : r.instances.all()) {
                Cancellation c = running.get(ti.id());
                if (c != null) {
                    c.cancel("run timed out after " + r.dag().runTimeout(), false);
                    if (!r.instances.spec(ti.taskId()).holdsWorkerSlot()) {
                        finished(ti.id(), ti.tryNumber(), Outcome.fatal("run timed out"));
                    }
                }
            }
            for (TaskInstance skipped : advancer.timeOut(r.instances, now)) {
                dispatcher.withdraw(skipped.id());
                end(r, skipped);
            }
            r.dirty = true;
        }
    }

    /** A worker (or sensor) reports a try's end. Stale reports (an older try) are ignored. */
    private void finished(long id, int tryNumber, Outcome o) {
        ActiveRun r = runOf.get(id);
        TaskInstance ti = r == null ? null : r.instances.byId(id).orElse(null);
        if (ti == null || ti.tryNumber() != tryNumber || ti.state() != TaskState.RUNNING) {
            return;
        }
        if (running.remove(id) != null) {
            dispatcher.release(id);
        }
        timeouts.disarm(id);
        settle(r, ti, o, Instant.now());
    }

    private void settle(ActiveRun r, TaskInstance ti, Outcome o, Instant now) {
        TaskSpec spec = r.instances.spec(ti.taskId());
        RunAdvancer.Settled s = advancer.settle(r.instances, ti, o, r.timedOut, now);
        List<AssetEvent> produced = new ArrayList<>();
        if (o instanceof Outcome.Succeeded ok && s.instance().state() == TaskState.SUCCESS) {
            for (String asset : spec.outlets()) {
                produced.add(new AssetEvent(
                        0,
                        asset,
                        now,
                        r.dag().id(),
                        r.run.runKey(),
                        ti.taskId(),
                        ti.id(),
                        AssetEvent.TASK,
                        ok.output() == null ? "{}" : ok.output()));
            }
        }
        // state, exit code, output and the asset events of a success together
        store.taskInstances().finishTry(s.instance(), s.tryState(), produced);
        r.instances.put(s.instance());
        Callback.Event event = switch (s.instance().state()) {
            case SUCCESS -> Callback.Event.TASK_SUCCESS;
            case UP_FOR_RETRY -> Callback.Event.TASK_RETRY;
            default -> Callback.Event.TASK_FAILURE;
        };
        if (event != Callback.Event.TASK_RETRY) {
            timeouts.disarmSla(ti.id());
        }
        alert(r, event, () -> Alerts.task(event, r.run, s.instance(), now));
        if (o instanceof Outcome.Supervised sup) {
            supervisor.supervise(sup.job(), r.run.runKey(), spec.outlets());
        }
        metrics.taskFinished(
                r.dag().id(),
                s.tryState().name().toLowerCase(),
                ti.startedAt() == null ? null : Duration.between(ti.startedAt(), now));
        r.dirty = true;
    }

    private TryFiles files(ActiveRun r, TaskInstance ti) {
        return TryFiles.of(
                cfg.logsDir(), r.dag().id(), r.run.runKey(), ti.taskId(), ti.mapIndex(), ti.id(), ti.tryNumber());
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
