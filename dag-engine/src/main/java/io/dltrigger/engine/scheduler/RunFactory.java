package io.dltrigger.engine.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.dltrigger.engine.config.Profile;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.ParamSpec;
import io.dltrigger.engine.model.RunType;
import io.dltrigger.engine.model.Schedule;
import io.dltrigger.engine.store.RunRepository;
import io.dltrigger.engine.template.Template;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates DAG runs: from schedules (Airflow's data-interval semantics: the run for [t0, t1) is created
 * once t1 has passed, with logical date t0), from manual triggers and for backfills. Runs are created
 * QUEUED; the engine starts them within the max_active_runs limits. Run keys are unique per DAG, so a
 * schedule point can never get two runs.
 */
public final class RunFactory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final RunRepository runs;
    private final ObjectNode profile;

    public RunFactory(RunRepository runs) {
        this(runs, Profile.empty("local"));
    }

    /** {@code profile}: the values that parameter defaults may use ({@code {{ profile.KEY }}}). */
    public RunFactory(RunRepository runs, Profile profile) {
        this.runs = runs;
        this.profile = JSON.createObjectNode().set("profile", profile.asJson());
    }

    /**
     * Creates the scheduled runs that are due at {@code now}, at most {@code room} of them (max_active_runs
     * minus the DAG's active scheduled runs). Without catchup only the latest complete interval is run.
     */
    public List<DagRun> createDueRuns(Dag dag, int version, Instant now, int room) {
        List<DagRun> created = new ArrayList<>();
        Schedule s = dag.schedule();
        if (s == null || room <= 0) {
            return created;
        }
        Optional<DagRun> last = runs.latestScheduled(dag.id());
        if (!dag.catchup()) {
            Optional<Instant> end = s.previous(now.plusMillis(1));
            Optional<Instant> start = end.flatMap(s::previous);
            if (start.isEmpty()
                    || start.get().isBefore(dag.startDate())
                    || (last.isPresent() && !start.get().isAfter(last.get().logicalDate()))) {
                return created;
            }
            insertScheduled(dag, version, start.get(), end.get()).ifPresent(created::add);
            return created;
        }
        Optional<Instant> start =
                last.isPresent() ? Optional.of(last.get().intervalEnd()) : s.atOrAfter(dag.startDate());
        while (start.isPresent() && created.size() < room) {
            Optional<Instant> end = s.next(start.get());
            if (end.isEmpty() || end.get().isAfter(now)) {
                break;
            }
            insertScheduled(dag, version, start.get(), end.get()).ifPresent(created::add);
            start = end;
        }
        return created;
    }

    /** A manual run with {@code overrides} on top of the DAG's parameter defaults. */
    public DagRun trigger(Dag dag, int version, Map<String, JsonNode> overrides) {
        ObjectNode params = mergeParams(dag, overrides);
        Instant now = Instant.now();
        String key = "manual__" + KEY_TIME.format(now) + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        return runs.insert(dag.id(), key, RunType.MANUAL, version, now, now, now, params, null)
                .orElseThrow();
    }

    /**
     * A run started by an asset trigger: {@code overrides} (from the trigger's check) on the parameter defaults.
     * Its key names the asset event, so the same event never starts two runs (empty if it already did).
     */
    public Optional<DagRun> assetRun(
            Dag dag, int version, Map<String, JsonNode> overrides, String asset, long eventId) {
        ObjectNode params = mergeParams(dag, overrides);
        Instant now = Instant.now();
        return runs.insert(
                dag.id(), "asset__" + asset + "__" + eventId, RunType.ASSET, version, now, now, now, params, null);
    }

    /** The most runs one backfill creates: a year of an every-minute schedule would be half a million rows. */
    static final int MAX_BACKFILL_RUNS = 10_000;

    /**
     * Backfill runs for every schedule interval whose logical date falls in [from, to] (whole days, in the
     * DAG's time zone; one run per day for unscheduled DAGs). {@code maxActive} 1 runs them one after another.
     */
    public List<DagRun> backfill(
            Dag dag, int version, LocalDate from, LocalDate to, int maxActive, Map<String, JsonNode> overrides) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "backfill of " + dag.id() + ": --to " + to + " is before --from " + from);
        }
        if (maxActive < 1) {
            throw new IllegalArgumentException("backfill parallelism must be >= 1");
        }
        ObjectNode params = mergeParams(dag, overrides);
        ZoneId zone = dag.schedule() == null ? ZoneOffset.UTC : dag.schedule().zone();
        Instant first = from.atStartOfDay(zone).toInstant();
        Instant endExclusive = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<Instant[]> intervals = new ArrayList<>();
        if (dag.schedule() == null) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                intervals.add(new Instant[] {
                    d.atStartOfDay(zone).toInstant(),
                    d.plusDays(1).atStartOfDay(zone).toInstant()
                });
            }
        } else {
            Optional<Instant> t = dag.schedule().atOrAfter(first);
            while (t.isPresent() && t.get().isBefore(endExclusive)) {
                Optional<Instant> next = dag.schedule().next(t.get());
                intervals.add(new Instant[] {t.get(), next.orElse(t.get())});
                t = next;
                if (intervals.size() > MAX_BACKFILL_RUNS) {
                    break;
                }
            }
        }
        if (intervals.size() > MAX_BACKFILL_RUNS) {
            throw new IllegalArgumentException("backfill of " + dag.id() + ": " + from + " to " + to + " is more than "
                    + MAX_BACKFILL_RUNS + " runs of its schedule; backfill shorter ranges");
        }
        if (intervals.isEmpty()) {
            throw new IllegalArgumentException(
                    "backfill of " + dag.id() + ": no schedule point between " + from + " and " + to);
        }
        long backfillId = runs.insertBackfill(dag.id(), first, endExclusive, maxActive);
        List<DagRun> created = new ArrayList<>();
        for (Instant[] iv : intervals) {
            String key = "backfill__" + KEY_TIME.format(iv[0]) + "_" + backfillId;
            runs.insert(dag.id(), key, RunType.BACKFILL, version, iv[0], iv[0], iv[1], params, backfillId)
                    .ifPresent(created::add);
        }
        return created;
    }

    private Optional<DagRun> insertScheduled(Dag dag, int version, Instant start, Instant end) {
        return runs.insert(
                dag.id(),
                "scheduled__" + KEY_TIME.format(start),
                RunType.SCHEDULED,
                version,
                start,
                start,
                end,
                mergeParams(dag, Map.of()),
                null);
    }

    /**
     * The DAG's defaults, those that use {@code {{ profile.KEY }}} rendered (a run records concrete values) and
     * checked against their parameter's type, with {@code overrides} on top, each checked too.
     */
    public ObjectNode mergeParams(Dag dag, Map<String, JsonNode> overrides) {
        ObjectNode params = dag.paramDefaults();
        for (ParamSpec p : dag.params().values()) {
            if (p.defaultValue().isTextual() && !overrides.containsKey(p.name())) {
                params.set(
                        p.name(),
                        p.check(TextNode.valueOf(
                                Template.render(p.defaultValue().asText(), profile))));
            }
        }
        for (Map.Entry<String, JsonNode> e : overrides.entrySet()) {
            ParamSpec spec = dag.params().get(e.getKey());
            if (spec == null) {
                throw new IllegalArgumentException("DAG " + dag.id() + " has no parameter '" + e.getKey()
                        + "' (declared: " + String.join(", ", dag.params().keySet()) + ")");
            }
            params.set(e.getKey(), spec.check(e.getValue()));
        }
        return params;
    }
}
