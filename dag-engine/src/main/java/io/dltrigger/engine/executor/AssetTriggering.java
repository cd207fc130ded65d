package io.dltrigger.engine.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.dagfile.DagRegistry;
import io.dltrigger.engine.launch.Outcome;
import io.dltrigger.engine.launch.TriggerCheck;
import io.dltrigger.engine.launch.TryFiles;
import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.AssetTrigger;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.ParamSpec;
import io.dltrigger.engine.model.RunState;
import io.dltrigger.engine.model.TriggerEvaluation;
import io.dltrigger.engine.scheduler.RunFactory;
import io.dltrigger.engine.store.AssetRepository;
import io.dltrigger.engine.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Data-triggered runs: a DAG's trigger on an asset is evaluated when the asset has events it has not consumed,
 * at most every {@code min_interval}, and only while the DAG has room for a run (max_active_runs), so events
 * arriving meanwhile coalesce into one evaluation. The trigger's check (a child process, on a thread of its own)
 * says whether to fire; a firing trigger creates a run whose key names the event, so a crash between the two
 * never starts two runs. Every evaluation is recorded (fired and its run, or why not) for the UI and REST.
 */
final class AssetTriggering implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssetTriggering.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(10);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Store store;
    private final DagRegistry dags;
    private final RunFactory runs;
    private final TriggerCheck checks;
    private final Path logsDir;
    private final Path home;
    private final ObjectNode profile;
    private final Set<String> inFlight = new HashSet<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dltrigger-asset-checks");
        t.setDaemon(true);
        return t;
    });

    AssetTriggering(
            Store store,
            DagRegistry dags,
            RunFactory runs,
            TriggerCheck checks,
            Path logsDir,
            Path home,
            ObjectNode profile) {
        this.store = store;
        this.dags = dags;
        this.runs = runs;
        this.checks = checks;
        this.logsDir = logsDir;
        this.home = home;
        this.profile = profile;
    }

    /**
     * Starts the evaluations that are due. {@code active}: the runs being driven (with the queued ones they count
     * against max_active_runs); {@code post} hands the end of a check back to the coordinating thread.
     */
    void poll(Instant now, Collection<DagRun> active, Consumer<Runnable> post) {
        Set<String> paused = store.dags().paused();
        List<DagRun> taken = null;
        for (Dag dag : dags.all()) {
            if (dag.triggers().isEmpty() || paused.contains(dag.id())) {
                continue;
            }
            for (AssetTrigger t : dag.triggers()) {
                String key = dag.id() + "\u0000" + t.asset();
                if (inFlight.contains(key)) {
                    continue;
                }
                Optional<AssetEvent> latest = store.assets().latest(t.asset());
                Optional<AssetRepository.TriggerState> state = store.assets().triggerState(dag.id(), t.asset());
                if (latest.isEmpty()
                        || latest.get().id()
                                <= state.map(AssetRepository.TriggerState::lastEventId)
                                        .orElse(0L)
                        || (state.isPresent()
                                && now.isBefore(state.get().evaluatedAt().plus(t.minInterval())))) {
                    continue;
                }
                if (taken == null) {
                    taken = new ArrayList<>(active);
                    taken.addAll(store.runs().inState(RunState.QUEUED));
                }
                long runs = taken.stream()
                        .filter(r -> r.dagId().equals(dag.id()) && r.backfillId() == null)
                        .count();
                if (runs >= dag.maxActiveRuns()) {
                    continue; // evaluated once a run ends: the events wait and coalesce
                }
                inFlight.add(key);
                evaluate(
                        dag,
                        t,
                        latest.get(),
                        state.map(AssetRepository.TriggerState::cursor).orElse(null),
                        post);
            }
        }
    }

    private void evaluate(Dag dag, AssetTrigger t, AssetEvent event, String cursor, Consumer<Runnable> post) {
        if (t.check() == null) {
            finish(dag, t, event, new Verdict(true, "asset updated", null, Map.of()), null);
            return;
        }
        ObjectNode vars = JSON.createObjectNode();
        vars.put("dag_id", dag.id());
        vars.put("home", home.toString());
        vars.set("profile", profile.deepCopy());
        vars.set("params", runs.mergeParams(dag, Map.of()));
        ObjectNode asset = vars.putObject("asset");
        asset.put("name", t.asset());
        asset.put("event_id", event.id());
        asset.set("event", parse(event.metadata()));
        Path log = logsDir.resolve(dag.id())
                .resolve("_triggers")
                .resolve(t.asset())
                .resolve(FILE_TIME.format(Instant.now()) + ".log");
        TryFiles files = new TryFiles(0, 1, "trigger check of " + dag.id() + " on " + t.asset(), log);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DLTRIGGER_DAG_ID", dag.id());
        env.put("DLTRIGGER_HOME", home.toString());
        env.put("DLTRIGGER_ASSET", t.asset());
        env.put("DLTRIGGER_ASSET_EVENT", event.metadata());
        vars.path("params")
                .properties()
                .forEach(p -> env.put("DLTRIGGER_PARAM_" + p.getKey(), ParamSpec.envValue(p.getValue())));
        if (cursor != null) {
            env.put("DLTRIGGER_TRIGGER_CURSOR", cursor);
        }
        thread.execute(() -> {
            Verdict v;
            try {
                v = Verdict.of(checks.run(t.check(), vars, home, files, env, CHECK_TIMEOUT));
            } catch (RuntimeException e) {
                v = Verdict.error("cannot run the check: " + e.getMessage());
            }
            Verdict verdict = v;
            post.accept(() -> finish(dag, t, event, verdict, log.toString()));
        });
    }

    private void finish(Dag dag, AssetTrigger t, AssetEvent event, Verdict v, String logPath) {
        inFlight.remove(dag.id() + "\u0000" + t.asset());
        Long runId = null;
        String reason = v.reason();
        if (v.fire()) {
            try {
                Optional<DagRun> run =
                        runs.assetRun(dag, store.dags().version(dag.id()), v.params(), t.asset(), event.id());
                runId = run.map(DagRun::id).orElse(null);
                LOG.info(
                        "asset {} (event {}) triggered {}{}",
                        t.asset(),
                        event.id(),
                        dag.id(),
                        run.map(r -> ": run " + r.runKey()).orElse(" (its run exists already)"));
            } catch (IllegalArgumentException e) { // the check asked for a parameter the DAG lacks
                v = Verdict.error("cannot start the run: " + e.getMessage());
                reason = v.reason();
            }
        } else {
            LOG.info("asset {} (event {}) did not trigger {}: {}", t.asset(), event.id(), dag.id(), reason);
        }
        store.assets()
                .evaluated(
                        new TriggerEvaluation(
                                0,
                                dag.id(),
                                t.asset(),
                                Instant.now(),
                                event.id(),
                                runId != null,
                                runId,
                                reason,
                                logPath),
                        !v.failed(),
                        v.cursor());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    /** What a check said; {@code failed}: it could not say (its events are evaluated again). */
    private record Verdict(boolean fire, String reason, String cursor, Map<String, JsonNode> params, boolean failed) {
        Verdict(boolean fire, String reason, String cursor, Map<String, JsonNode> params) {
            this(fire, reason, cursor, params, false);
        }

        static Verdict error(String why) {
            return new Verdict(false, why, null, Map.of(), true);
        }

        /** {@code {"fire": bool, "reason": "...", "cursor": "...", "params": {...}}}; no output means fire. */
        static Verdict of(Outcome o) {
            if (o instanceof Outcome.Failed f) {
                return error("the check failed: " + f.reason());
            }
            if (!(o instanceof Outcome.Succeeded ok) || ok.output() == null) {
                return new Verdict(true, "the check passed", null, Map.of());
            }
            JsonNode out = parse(ok.output());
            Map<String, JsonNode> params = new LinkedHashMap<>();
            out.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue()));
            JsonNode cursor = out.get("cursor");
            return new Verdict(
                    out.path("fire").asBoolean(true),
                    out.path("reason")
                            .asText(out.path("fire").asBoolean(true) ? "the check passed" : "the check said no"),
                    cursor == null || cursor.isNull() ? null : cursor.isTextual() ? cursor.asText() : cursor.toString(),
                    params);
        }
    }
}
