package io.dltrigger.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds DAGs in Java (tests, benchmarks, programs), validated exactly as DAG files are.
 * <pre>
 *   Dag dag = DagBuilder.dag("demo")
 *       .task("extract", new TaskAction.Shell("echo hi", Map.of()), t -> t.retries(2, Duration.ofSeconds(1)))
 *       .task("load", new TaskAction.Noop(), t -> t.dependsOn("extract"))
 *       .build();
 * </pre>
 */
public final class DagBuilder {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private String description = "";
    private Schedule schedule;
    private boolean catchup;
    private Instant startDate = Instant.EPOCH;
    private int maxActiveRuns = 16;
    private Duration runTimeout;
    private Duration sla;
    private final List<Callback> callbacks = new ArrayList<>();
    private final Map<String, ParamSpec> params = new LinkedHashMap<>();
    private final List<TaskSpec> tasks = new ArrayList<>();
    private final List<AssetTrigger> triggers = new ArrayList<>();
    private String source = "java";

    private DagBuilder(String id) {
        this.id = id;
    }

    public static DagBuilder dag(String id) {
        return new DagBuilder(id);
    }

    public DagBuilder description(String d) {
        this.description = d;
        return this;
    }

    public DagBuilder schedule(String cron, String zone) {
        this.schedule = new Schedule(cron, ZoneId.of(zone));
        return this;
    }

    public DagBuilder schedule(Schedule s) {
        this.schedule = s;
        return this;
    }

    public DagBuilder catchup(boolean c) {
        this.catchup = c;
        return this;
    }

    public DagBuilder startDate(Instant t) {
        this.startDate = t;
        return this;
    }

    public DagBuilder maxActiveRuns(int n) {
        this.maxActiveRuns = n;
        return this;
    }

    public DagBuilder runTimeout(Duration d) {
        this.runTimeout = d;
        return this;
    }

    /** A run longer than this raises an {@code sla_miss} alert. */
    public DagBuilder sla(Duration d) {
        this.sla = d;
        return this;
    }

    public DagBuilder callback(Callback c) {
        callbacks.add(c);
        return this;
    }

    /** A parameter whose type is its default's (a whole number is an int, a text a string...). */
    public DagBuilder param(String name, Object defaultValue) {
        return param(ParamSpec.inferred(name, JSON.valueToTree(defaultValue)));
    }

    public DagBuilder param(ParamSpec spec) {
        params.put(spec.name(), spec);
        return this;
    }

    public DagBuilder source(String s) {
        this.source = s;
        return this;
    }

    public DagBuilder task(String taskId, TaskAction action) {
        return task(taskId, action, t -> {});
    }

    public DagBuilder task(String taskId, TaskAction action, Consumer<TaskBuilder> settings) {
        TaskBuilder b = new TaskBuilder(taskId, action);
        settings.accept(b);
        tasks.add(b.build());
        return this;
    }

    /** Starts a run when {@code trigger}'s asset is updated (and its check says so). */
    public DagBuilder trigger(AssetTrigger trigger) {
        triggers.add(trigger);
        return this;
    }

    /** Adds an already-built task (used by the DAG file parser). */
    public DagBuilder task(TaskSpec spec) {
        tasks.add(spec);
        return this;
    }

    public Dag build() {
        if (maxActiveRuns < 1) {
            throw new DagException(0, "max_active_runs must be >= 1");
        }
        params.values().forEach(p -> {
            if (p.defaultValue().isTextual()) {
                DagValidator.checkParamDefault(p.name(), p.defaultValue().asText());
            }
        });
        List<TaskSpec> ordered = DagValidator.validate(id, params.keySet(), tasks);
        for (AssetTrigger t : triggers) {
            DagValidator.checkTrigger(t, params.keySet());
        }
        return new Dag(
                id,
                description,
                schedule,
                catchup,
                startDate,
                maxActiveRuns,
                runTimeout,
                sla,
                callbacks,
                params,
                ordered,
                source,
                triggers);
    }

    /** Settings of one task; defaults: no retries, no timeout, default pool, all_success. */
    public static final class TaskBuilder {
        private final String id;
        private final TaskAction action;
        private final List<String> dependsOn = new ArrayList<>();
        private TriggerRule rule = TriggerRule.ALL_SUCCESS;
        private RetryPolicy retry = RetryPolicy.NONE;
        private Duration timeout;
        private Duration sla;
        private String pool = "default";
        private int poolSlots = 1;
        private int priority;
        private MapOver mapOver;
        private int line;
        private final List<String> outlets = new ArrayList<>();

        public TaskBuilder(String id, TaskAction action) {
            this.id = id;
            this.action = action;
        }

        public TaskBuilder dependsOn(String... ids) {
            dependsOn.addAll(List.of(ids));
            return this;
        }

        public TaskBuilder dependsOn(List<String> ids) {
            dependsOn.addAll(ids);
            return this;
        }

        public TaskBuilder triggerRule(TriggerRule r) {
            this.rule = r;
            return this;
        }

        public TaskBuilder retry(RetryPolicy r) {
            this.retry = r;
            return this;
        }

        public TaskBuilder retries(int n, Duration delay) {
            this.retry = new RetryPolicy(n, delay, Duration.ofMinutes(10));
            return this;
        }

        public TaskBuilder timeout(Duration d) {
            this.timeout = d;
            return this;
        }

        public TaskBuilder sla(Duration d) {
            this.sla = d;
            return this;
        }

        public TaskBuilder pool(String name, int slots) {
            this.pool = name;
            this.poolSlots = slots;
            return this;
        }

        public TaskBuilder priority(int p) {
            this.priority = p;
            return this;
        }

        public TaskBuilder mapOver(JsonNode items) {
            this.mapOver = MapOver.ofItems(items);
            return this;
        }

        public TaskBuilder mapOver(List<?> items) {
            this.mapOver = MapOver.ofItems(JSON.valueToTree(items));
            return this;
        }

        public TaskBuilder mapOverOutput(String expression) {
            this.mapOver = MapOver.ofExpression(expression);
            return this;
        }

        /** The assets this task updates. */
        public TaskBuilder outlets(List<String> assets) {
            outlets.addAll(assets);
            return this;
        }

        public TaskBuilder line(int l) {
            this.line = l;
            return this;
        }

        public TaskSpec build() {
            return new TaskSpec(
                    id, action, dependsOn, rule, retry, timeout, sla, pool, poolSlots, priority, mapOver, line,
                    outlets);
        }
    }
}
