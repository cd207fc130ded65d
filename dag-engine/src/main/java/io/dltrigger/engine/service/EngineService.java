package io.dltrigger.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dltrigger.engine.auth.Caller;
import io.dltrigger.engine.auth.ForbiddenException;
import io.dltrigger.engine.auth.Tokens;
import io.dltrigger.engine.config.Profile;
import io.dltrigger.engine.dagfile.DagFileException;
import io.dltrigger.engine.dagfile.DagRegistry;
import io.dltrigger.engine.launch.ProgressFile;
import io.dltrigger.engine.model.ApiToken;
import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.AuditEntry;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.Role;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskProgress;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.model.TaskState;
import io.dltrigger.engine.model.TaskTry;
import io.dltrigger.engine.model.TriggerEvaluation;
import io.dltrigger.engine.scheduler.RunFactory;
import io.dltrigger.engine.store.Store;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What users can do with the engine, whoever asks: the CLI and the REST API are thin layers over this.
 * Works with or without an engine in the same process: changes go to the store, and a local engine is
 * woken up (a remote one notices at its next poll).
 */
public final class EngineService {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Store store;
    private final DagRegistry dags;
    private final RunFactory runFactory;
    private final Tokens tokens;
    private final Runnable wakeup;

    public EngineService(Store store, DagRegistry dags, Runnable wakeup) {
        this(store, dags, Profile.empty("local"), wakeup);
    }

    public EngineService(Store store, DagRegistry dags, Profile profile, Runnable wakeup) {
        this.store = store;
        this.dags = dags;
        this.runFactory = new RunFactory(store.runs(), profile);
        this.tokens = new Tokens(store.tokens());
        this.wakeup = wakeup;
    }

    /**
     * A DAG as listed.
     *
     * @param error when its file is refused and it runs its last good version: the refusal (else null)
     */
    public record DagView(
            String id,
            String description,
            String schedule,
            boolean catchup,
            boolean paused,
            int version,
            int tasks,
            String source,
            String error) {}

    public List<DagView> dags() {
        dags.refresh();
        Set<String> paused = store.dags().paused();
        return dags.all().stream()
                .map(d -> new DagView(
                        d.id(),
                        d.description(),
                        d.schedule() == null ? null : d.schedule().toString(),
                        d.catchup(),
                        paused.contains(d.id()),
                        store.dags().version(d.id()),
                        d.tasks().size(),
                        d.source(),
                        dags.staleError(d.id()).orElse(null)))
                .toList();
    }

    public Dag dag(String id) {
        dags.refresh();
        return dags.dag(id).orElseThrow(() -> new NoSuchElementException("no DAG '" + id + "'" + refusedHint(id)));
    }

    public List<DagFileException> dagErrors() {
        dags.refresh();
        return dags.errors();
    }

    public void register(Dag dag) {
        dags.register(dag);
    }

    /** A manual run by this process's user; parameter values are JSON when they parse as JSON, else text. */
    public DagRun trigger(String dagId, Map<String, String> params) {
        return trigger(Caller.local(), dagId, jsonValues(params));
    }

    /** A manual run; each parameter value is checked against its declared type. */
    public DagRun trigger(Caller caller, String dagId, Map<String, JsonNode> params) {
        return audited(
                caller,
                Role.OPERATOR,
                "trigger",
                "dag " + dagId,
                JSON.valueToTree(params).toString(),
                () -> {
                    Dag dag = dag(dagId);
                    DagRun run = runFactory.trigger(dag, store.dags().version(dagId), params);
                    wakeup.run();
                    return run;
                });
    }

    public List<DagRun> backfill(String dagId, LocalDate from, LocalDate to, int parallel, Map<String, String> params) {
        return backfill(Caller.local(), dagId, from, to, parallel, jsonValues(params));
    }

    public List<DagRun> backfill(
            Caller caller, String dagId, LocalDate from, LocalDate to, int parallel, Map<String, JsonNode> params) {
        String detail =
                "from " + from + " to " + to + ", parallel " + parallel + ", params " + JSON.valueToTree(params);
        return audited(caller, Role.OPERATOR, "backfill", "dag " + dagId, detail, () -> {
            Dag dag = dag(dagId);
            List<DagRun> created = runFactory.backfill(dag, store.dags().version(dagId), from, to, parallel, params);
            wakeup.run();
            return created;
        });
    }

    public void pause(String dagId, boolean paused) {
        pause(Caller.local(), dagId, paused);
    }

    public void pause(Caller caller, String dagId, boolean paused) {
        audited(caller, Role.OPERATOR, paused ? "pause" : "unpause", "dag " + dagId, null, () -> {
            dag(dagId);
            store.dags().setPaused(dagId, paused);
            wakeup.run();
            return null;
        });
    }

    public List<DagRun> runs(String dagId, int limit) {
        return store.runs().recent(dagId, limit);
    }

    public DagRun run(long runId) {
        return store.runs().get(runId).orElseThrow(() -> new NoSuchElementException("no run " + runId));
    }

    public List<TaskInstance> tasks(long runId) {
        run(runId);
        return store.taskInstances().ofRun(runId);
    }

    public TaskInstance task(long taskInstanceId) {
        return store.taskInstances()
                .get(taskInstanceId)
                .orElseThrow(() -> new NoSuchElementException("no task instance " + taskInstanceId));
    }

    /** What a running task instance last reported of its progress; empty when it doesn't run or said nothing. */
    public Optional<TaskProgress> progress(TaskInstance ti) {
        if (ti.state() != TaskState.RUNNING) {
            return Optional.empty();
        }
        List<TaskTry> tries = store.taskInstances().tries(ti.id());
        return tries.isEmpty()
                ? Optional.empty()
                : ProgressFile.read(ProgressFile.of(tries.get(tries.size() - 1).logPath()));
    }

    public List<TaskTry> tries(long taskInstanceId) {
        task(taskInstanceId);
        return store.taskInstances().tries(taskInstanceId);
    }

    /** Every try of a run's task instances (its Gantt chart). */
    public List<TaskTry> runTries(long runId) {
        run(runId);
        return store.taskInstances().triesOfRun(runId);
    }

    /** The log of one try (the latest when {@code tryNumber} is null). */
    public String log(long taskInstanceId, Integer tryNumber) {
        List<TaskTry> tries = tries(taskInstanceId);
        if (tries.isEmpty()) {
            return "";
        }
        TaskTry t = tryNumber == null
                ? tries.get(tries.size() - 1)
                : tries.stream()
                        .filter(x -> x.tryNumber() == tryNumber)
                        .findFirst()
                        .orElseThrow(() -> new NoSuchElementException(
                                "task instance " + taskInstanceId + " has no try " + tryNumber));
        try {
            Path p = Path.of(t.logPath());
            return Files.isRegularFile(p) ? tail(p) : "";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read log " + t.logPath(), e);
        }
    }

    /** What a log route returns at most: a streaming task's log grows without bound, the engine's heap does not. */
    static final int LOG_TAIL_BYTES = 4 << 20;

    /** The end of a log, decoded leniently (a task may print any bytes), with a first line saying what was left out. */
    static String tail(Path log) throws IOException {
        try (FileChannel in = FileChannel.open(log)) {
            long size = in.size();
            long from = Math.max(0, size - LOG_TAIL_BYTES);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
            int n;
            do { // a read may return fewer bytes than asked
                n = in.read(buf, from + buf.position());
            } while (n >= 0 && buf.hasRemaining());
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            return from == 0
                    ? text
                    : "[engine] the first " + from + " bytes of this log are not shown; the whole log is " + log + "\n"
                            + text.substring(text.indexOf('\n') + 1);
        }
    }

    public void clear(long taskInstanceId) {
        clear(Caller.local(), taskInstanceId);
    }

    /**
     * Re-runs a task instance and everything downstream of it in its run (Airflow's clear). Refused while
     * any of them runs, so a task never runs twice at once.
     */
    public void clear(Caller caller, long taskInstanceId) {
        audited(caller, Role.OPERATOR, "clear", "task instance " + taskInstanceId, null, () -> {
            clearDownstream(taskInstanceId);
            return null;
        });
    }

    private void clearDownstream(long taskInstanceId) {
        TaskInstance target = task(taskInstanceId);
        DagRun run = run(target.runId());
        Dag dag = dag(run.dagId());
        Set<String> downstream = new HashSet<>();
        collectDownstream(dag, target.taskId(), downstream);
        List<TaskInstance> all = store.taskInstances().ofRun(run.id());
        List<TaskInstance> reset = new ArrayList<>();
        for (TaskInstance ti : all) {
            boolean hit = ti.id() == target.id()
                    || downstream.contains(ti.taskId())
                    || (target.mapIndex() < 0 && ti.taskId().equals(target.taskId()));
            if (!hit) {
                continue;
            }
            if (ti.state() == TaskState.RUNNING) {
                throw new IllegalStateException(
                        "task " + ti.label() + " of run " + run.id() + " is running; clear it when it ends");
            }
            reset.add(ti);
        }
        Map<String, TaskSpec> specs = new LinkedHashMap<>();
        dag.tasks().forEach(t -> specs.put(t.id(), t));
        List<TaskInstance> cleared = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (TaskInstance ti : reset) {
            boolean mappedChildOfReset = ti.mapIndex() >= 0 && ti.id() != target.id();
            if (mappedChildOfReset) {
                continue; // its parent is reset and will expand again
            }
            if (ti.state() == TaskState.MAPPED) {
                unmapped.add(ti.taskId());
            }
            cleared.add(ti.cleared(specs.get(ti.taskId()).retry().maxTries()));
        }
        store.runs().clear(run.id(), cleared, unmapped);
        wakeup.run();
    }

    /**
     * The kinds of file served as artifacts, by extension, with their content type: reports and their plots, never a
     * key, token or binary.
     */
    private static final Map<String, String> ARTIFACT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8",
            "csv", "text/plain; charset=utf-8",
            "png", "image/png");

    /** A report file a task published, and the content type to serve it with. */
    public record Artifact(Path file, String contentType) {}

    /**
     * A file a task published in its output ({@code "artifacts": {"report.html": "/abs/path", ...}}), such as
     * a run's report. Only files a task named this way are served, only absolute paths to regular files, and only
     * report types by the name of the file itself (a link named report.html to the engine's token is refused).
     */
    public Artifact artifact(long taskInstanceId, String name) {
        TaskInstance ti = task(taskInstanceId);
        JsonNode path = ti.output() == null
                ? null
                : parseJson(ti.output()).path("artifacts").get(name);
        if (path == null || !path.isTextual()) {
            throw new NoSuchElementException(
                    "task " + ti.label() + " of run " + ti.runId() + " has no artifact '" + name + "'");
        }
        Path p = Path.of(path.asText());
        if (!p.isAbsolute() || !Files.isRegularFile(p)) {
            throw new NoSuchElementException("artifact '" + name + "' of task " + ti.label() + " is not a file: " + p);
        }
        Path real;
        try {
            real = p.toRealPath();
        } catch (IOException e) {
            throw new NoSuchElementException("artifact '" + name + "' of task " + ti.label() + " is not readable");
        }
        String file = real.getFileName().toString();
        String type = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String contentType = ARTIFACT_TYPES.get(type);
        if (contentType == null) {
            throw new NoSuchElementException("artifact '" + name + "' of task " + ti.label() + " is not a report file ("
                    + String.join(", ", new TreeSet<>(ARTIFACT_TYPES.keySet())) + ")");
        }
        return new Artifact(real, contentType);
    }

    private static JsonNode parseJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** An asset: who updates it, its newest event, and the triggers on it with their latest evaluation. */
    public record AssetView(
            String name,
            long events,
            Optional<AssetEvent> latest,
            List<String> producers,
            List<TriggerView> triggers) {}

    /** A DAG's trigger on an asset and where it stands. */
    public record TriggerView(
            String dagId, Duration minInterval, boolean checked, Optional<TriggerEvaluation> lastEvaluation) {}

    /** Every asset some DAG updates or watches, and every asset with events. */
    public List<AssetView> assets() {
        dags.refresh();
        Map<String, Long> counts = store.assets().counts();
        java.util.TreeSet<String> names = new java.util.TreeSet<>(counts.keySet());
        for (Dag d : dags.all()) {
            d.tasks().forEach(t -> names.addAll(t.outlets()));
            d.triggers().forEach(t -> names.add(t.asset()));
        }
        return names.stream().map(n -> assetView(n, counts.getOrDefault(n, 0L))).toList();
    }

    /** One asset, with its newest events and trigger evaluations, newest first. */
    public record AssetDetail(AssetView asset, List<AssetEvent> events, List<TriggerEvaluation> evaluations) {}

    public AssetDetail asset(String name, int limit) {
        AssetView v = assets().stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no asset '" + name + "'"));
        return new AssetDetail(
                v, store.assets().events(name, limit), store.assets().evaluations(name, limit));
    }

    private AssetView assetView(String name, long count) {
        List<String> producers = new ArrayList<>();
        List<TriggerView> triggers = new ArrayList<>();
        List<TriggerEvaluation> recent = store.assets().evaluations(name, 100);
        for (Dag d : dags.all()) {
            d.tasks().stream()
                    .filter(t -> t.outlets().contains(name))
                    .forEach(t -> producers.add(d.id() + "." + t.id()));
            d.triggers().stream()
                    .filter(t -> t.asset().equals(name))
                    .forEach(t -> triggers.add(new TriggerView(
                            d.id(),
                            t.minInterval(),
                            t.check() != null,
                            recent.stream()
                                    .filter(e -> e.dagId().equals(d.id()))
                                    .findFirst())));
        }
        return new AssetView(name, count, store.assets().latest(name), producers, triggers);
    }

    // ---- tokens and the audit log ----

    /** A new API token; its secret is in the answer only (the store keeps its hash). */
    public Tokens.Made createToken(Caller caller, String name, Role role) {
        return audited(
                caller,
                Role.ADMIN,
                "create token",
                "token " + name,
                "role " + role.fileName(),
                () -> tokens.create(name, role, caller.name()));
    }

    public List<ApiToken> tokens(Caller caller) {
        require(caller, Role.ADMIN, "list tokens", null);
        return store.tokens().all();
    }

    public void revokeToken(Caller caller, long id) {
        audited(caller, Role.ADMIN, "revoke token", "token #" + id, null, () -> {
            if (!store.tokens().revoke(id)) {
                throw new NoSuchElementException("no active token #" + id);
            }
            return null;
        });
    }

    /** The token a request presents, if it is active. */
    public Optional<ApiToken> authenticate(String secret) {
        return tokens.verify(secret);
    }

    /** The first start's admin token, or the deployment's (see {@link Tokens#ensureAdminToken}). */
    public void ensureAdminToken(Path file, String given) {
        tokens.ensureAdminToken(file, given);
    }

    public List<AuditEntry> audit(int limit) {
        return store.audit().recent(limit);
    }

    /**
     * Does {@code work} for {@code caller} if its role allows, and records it in the audit log: done, or refused
     * (a role that may not, bad input, a conflict) with the reason.
     */
    private <T> T audited(Caller caller, Role needed, String action, String target, String detail, Supplier<T> work) {
        require(caller, needed, action, target);
        T result;
        try {
            result = work.get();
        } catch (IllegalArgumentException | IllegalStateException | NoSuchElementException e) {
            record(caller, action, target, AuditEntry.Outcome.REFUSED, join(detail, e.getMessage()));
            throw e;
        }
        record(caller, action, target, AuditEntry.Outcome.DONE, detail);
        return result;
    }

    private void require(Caller caller, Role needed, String action, String target) {
        if (!caller.role().allows(needed)) {
            record(caller, action, target, AuditEntry.Outcome.REFUSED, "needs the " + needed.fileName() + " role");
            throw new ForbiddenException(caller, action, needed);
        }
    }

    private void record(Caller caller, String action, String target, AuditEntry.Outcome outcome, String detail) {
        store.audit()
                .append(new AuditEntry(
                        0, Instant.now(), caller.name(), action, target, outcome, detail, caller.remote()));
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    /** Polls the store until the run has finished; for the CLI's foreground run and for tests. */
    public DagRun awaitRun(long runId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            DagRun r = run(runId);
            if (r.state().finished()) {
                return r;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + runId + " still " + r.state() + " after " + timeout);
            }
            Thread.sleep(20);
        }
    }

    private void collectDownstream(Dag dag, String taskId, Collection<String> out) {
        for (TaskSpec t : dag.downstream(taskId)) {
            if (out.add(t.id())) {
                collectDownstream(dag, t.id(), out);
            }
        }
    }

    private String refusedHint(String id) {
        return dags.errors().stream()
                .filter(e -> e.reason().contains(id) || e.file().contains(id))
                .findFirst()
                .map(e -> " (refused: " + e.getMessage() + ")")
                .orElse("");
    }

    /** {@code k=v} values as the command line gives them: JSON when they parse as JSON, else text. */
    public static Map<String, JsonNode> jsonValues(Map<String, String> params) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            JsonNode n;
            try {
                n = JSON.readTree(v);
                if (n == null || n.isMissingNode()) {
                    n = TextNode.valueOf(v);
                }
            } catch (IOException notJson) {
                n = TextNode.valueOf(v);
            }
            out.put(k, n);
        });
        return out;
    }
}
