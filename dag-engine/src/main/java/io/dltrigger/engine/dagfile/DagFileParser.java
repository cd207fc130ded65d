package io.dltrigger.engine.dagfile;

import io.dltrigger.engine.model.AssetTrigger;
import io.dltrigger.engine.model.Callback;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagBuilder;
import io.dltrigger.engine.model.DagException;
import io.dltrigger.engine.model.Durations;
import io.dltrigger.engine.model.ParamSpec;
import io.dltrigger.engine.model.RetryPolicy;
import io.dltrigger.engine.model.Schedule;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.model.TemplateSafety;
import io.dltrigger.engine.model.TriggerRule;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a DAG file into a validated {@link Dag}, or refuses it with a {@link DagFileException} giving
 * file, line and cause. The format is documented in dag-engine/README.md.
 */
public final class DagFileParser {
    private static final Set<String> DAG_KEYS = Set.of(
            "id",
            "description",
            "schedule",
            "timezone",
            "catchup",
            "start_date",
            "max_active_runs",
            "run_timeout",
            "sla",
            "callbacks",
            "params",
            "defaults",
            "triggers",
            "tasks");
    private static final Set<String> PARAM_KEYS =
            Set.of("type", "default", "description", "pattern", "values", "min", "max", "under");
    private static final Set<String> DEFAULT_KEYS =
            Set.of("retries", "retry_delay", "max_retry_delay", "timeout", "sla", "pool", "priority", "trigger_rule");
    private static final Set<String> CALLBACK_KEYS =
            Set.of("events", "webhook", "webhook_env", "command", "retries", "retry_delay");
    private static final Set<String> COMMON_TASK_KEYS = Set.of(
            "id",
            "type",
            "depends_on",
            "trigger_rule",
            "retries",
            "retry_delay",
            "max_retry_delay",
            "timeout",
            "sla",
            "pool",
            "pool_slots",
            "priority",
            "map_over",
            "outlets");
    private static final Map<String, Set<String>> TYPE_KEYS = Map.of(
            "shell", Set.of("command", "env"),
            "branch", Set.of("command", "env"),
            "java", Set.of("module", "main_class", "args", "jvm_opts", "env"),
            "spark", Set.of("module", "main_class", "args", "master", "deploy_mode", "conf", "driver_memory", "env"),
            "flink",
                    Set.of(
                            "module",
                            "main_class",
                            "args",
                            "target",
                            "parallelism",
                            "env",
                            "streaming",
                            "running_after",
                            "checkpoint_dir",
                            "restore_arg",
                            "max_restarts"),
            "kubernetes",
                    Set.of("manifest", "args", "output", "namespace", "poll_interval", "running_after", "max_restarts"),
            "sensor", Set.of("file", "output", "poke_interval"),
            "noop", Set.of());

    private DagFileParser() {}

    /** A DAG file as written, each task's {@code profiles} variants checked but none chosen. */
    public static Dag parse(String file, String text) {
        return parse(file, text, null);
    }

    /** A DAG file under the deployment profile {@code profile}: a task's variant for it replaces the task. */
    public static Dag parse(String file, String text, String profile) {
        Fields top = new Fields(file, YamlReader.read(file, text), "DAG");
        top.allowOnly(DAG_KEYS);
        String id = top.required("id");
        Fields defaults = top.has("defaults") ? top.sub("defaults") : null;
        if (defaults != null) {
            defaults.allowOnly(DEFAULT_KEYS);
        }
        DagBuilder b = DagBuilder.dag(id)
                .source(file)
                .description(top.string("description", ""))
                .catchup(top.bool("catchup", false))
                .maxActiveRuns(top.integer("max_active_runs", 16));
        ZoneId zone = zone(top);
        if (top.has("schedule") && top.string("schedule", null) != null) {
            try {
                b.schedule(new Schedule(top.string("schedule", null), zone));
            } catch (IllegalArgumentException e) {
                throw top.error("schedule", e.getMessage());
            }
        }
        if (top.has("start_date")) {
            b.startDate(instant(top, "start_date", zone));
        }
        if (top.has("run_timeout")) {
            b.runTimeout(duration(top, "run_timeout"));
        }
        if (top.has("sla")) {
            b.sla(duration(top, "sla"));
        }
        if (top.has("callbacks")) {
            if (!(top.node("callbacks") instanceof YamlNode.Sequence callbacks)) {
                throw top.error("callbacks", "'callbacks' must be a list");
            }
            for (YamlNode node : callbacks.items()) {
                b.callback(callback(new Fields(file, node, "callback")));
            }
        }
        if (top.has("params")) {
            Fields params = top.sub("params");
            for (String name : params.keys()) {
                try {
                    b.param(
                            params.node(name) instanceof YamlNode.Mapping
                                    ? param(params.sub(name), name)
                                    : ParamSpec.inferred(name, Fields.toJson(params.node(name))));
                } catch (IllegalArgumentException e) {
                    throw params.error(name, e.getMessage());
                }
            }
        }
        if (!(top.node("tasks") instanceof YamlNode.Sequence tasks)) {
            throw top.has("tasks")
                    ? top.error("tasks", "'tasks' must be a list of tasks")
                    : new DagFileException(file, 1, "DAG " + id + ": missing required key 'tasks'");
        }
        if (top.has("triggers")) {
            if (!(top.node("triggers") instanceof YamlNode.Sequence triggers)) {
                throw top.error("triggers", "'triggers' must be a list of {asset, check, min_interval}");
            }
            for (YamlNode node : triggers.items()) {
                b.trigger(trigger(new Fields(file, node, "trigger")));
            }
        }
        Set<String> seen = new HashSet<>();
        for (YamlNode node : tasks.items()) {
            Fields t = new Fields(file, node, "task");
            String taskId = t.required("id");
            if (!seen.add(taskId)) {
                throw t.error("id", "duplicate task id '" + taskId + "'");
            }
            b.task(taskUnder(profile, t, taskId, defaults).build());
        }
        try {
            return b.build();
        } catch (DagException e) {
            int line =
                    e.line() > 0 ? e.line() : top.lineOf(e.getMessage().startsWith("parameter '") ? "params" : "tasks");
            throw new DagFileException(file, line, e.getMessage());
        }
    }

    private static AssetTrigger trigger(Fields tf) {
        tf.allowOnly(Set.of("asset", "check", "min_interval"));
        String asset = tf.required("asset");
        Duration minInterval = tf.has("min_interval") ? duration(tf, "min_interval") : Duration.ofSeconds(30);
        TaskAction check = null;
        if (tf.has("check")) {
            Fields c = tf.sub("check");
            String type = c.required("type");
            if (!type.equals("java") && !type.equals("shell")) {
                throw c.error("type", "trigger on " + asset + ": a check is of type java or shell, not '" + type + "'");
            }
            Set<String> allowed = new HashSet<>(TYPE_KEYS.get(type));
            allowed.add("type");
            c.allowOnly(allowed);
            check = action(c, "check of the trigger on " + asset, type);
        }
        return new AssetTrigger(asset, check, minInterval, tf.line());
    }

    /**
     * {@code {events: [task_failure, sla_miss], webhook: URL}}, or {@code webhook_env: VARIABLE} (a URL holding a
     * secret), or {@code command: [program, args...]}; {@code retries} (3) and {@code retry_delay} (10s, doubling).
     */
    private static Callback callback(Fields c) {
        c.allowOnly(CALLBACK_KEYS);
        Set<Callback.Event> events = new java.util.LinkedHashSet<>();
        if (!(c.node("events") instanceof YamlNode.Sequence)) {
            throw c.has("events")
                    ? c.error("events", "'events' must be a list")
                    : c.error("events", "missing required key 'events'");
        }
        for (String e : c.strings("events")) {
            try {
                events.add(Callback.Event.parse(e));
            } catch (IllegalArgumentException bad) {
                throw c.error("events", bad.getMessage());
            }
        }
        int targets = (c.has("webhook") ? 1 : 0) + (c.has("webhook_env") ? 1 : 0) + (c.has("command") ? 1 : 0);
        if (targets != 1) {
            throw c.error("events", "a callback needs exactly one of webhook, webhook_env or command");
        }
        Callback.Target target;
        try {
            if (c.has("command")) {
                if (!(c.node("command") instanceof YamlNode.Sequence)) {
                    throw c.error("command", "'command' is a list: [program, arguments...] (no shell)");
                }
                target = new Callback.Target.Command(c.strings("command"));
            } else if (c.has("webhook")) {
                target = new Callback.Target.Webhook(java.net.URI.create(c.string("webhook", null)), null);
            } else {
                target = new Callback.Target.Webhook(null, c.string("webhook_env", null));
            }
        } catch (IllegalArgumentException e) {
            throw c.error(c.has("command") ? "command" : c.has("webhook") ? "webhook" : "webhook_env", e.getMessage());
        }
        int retries = c.integer("retries", 3);
        if (retries < 0) {
            throw c.error("retries", "retries must be >= 0");
        }
        return new Callback(
                events, target, retries, c.has("retry_delay") ? duration(c, "retry_delay") : Duration.ofSeconds(10));
    }

    /** {@code name: {type: int, default: 5, min: 1, max: 10, description: ...}} and the like. */
    private static ParamSpec param(Fields p, String name) {
        p.allowOnly(PARAM_KEYS);
        ParamSpec.Type type;
        try {
            type = ParamSpec.Type.parse(p.required("type"));
        } catch (IllegalArgumentException e) {
            throw p.error("type", e.getMessage());
        }
        if (!p.has("default")) {
            throw p.error("type", "parameter " + name + " needs a default (scheduled runs use it)");
        }
        Pattern pattern = null;
        if (p.has("pattern")) {
            try {
                pattern = Pattern.compile(p.string("pattern", null));
            } catch (PatternSyntaxException e) {
                throw p.error("pattern", "bad pattern: " + e.getDescription());
            }
        }
        try {
            return new ParamSpec(
                    name,
                    type,
                    Fields.toJson(p.node("default")),
                    pattern,
                    p.has("values") ? p.strings("values") : null,
                    p.decimal("min"),
                    p.decimal("max"),
                    p.has("under") ? Path.of(p.string("under", null)) : null,
                    p.string("description", null));
        } catch (IllegalArgumentException e) { // a bad value, or an invalid path (InvalidPathException)
            throw p.error("default", e.getMessage());
        }
    }

    /**
     * A task as the deployment profile runs it. {@code profiles: {k8s: {type: kubernetes, manifest: ...}}} runs the
     * task as that mapping says under the profile {@code k8s}: its keys replace the task's, and the keys of the
     * task's own type that the variant's type does not take are dropped, so that what both types take ({@code
     * args}, {@code running_after}...) and every common key (dependencies, retries, pool, outlets) carry over. Every
     * variant is checked, whichever profile is selected.
     */
    private static DagBuilder.TaskBuilder taskUnder(String profile, Fields t, String taskId, Fields defaults) {
        if (!t.has("profiles")) {
            return task(t, taskId, defaults);
        }
        Fields plain = t.merged(Set.of("profiles"), null);
        DagBuilder.TaskBuilder chosen = task(plain, taskId, defaults);
        Fields variants = t.sub("profiles");
        for (String name : variants.keys()) {
            Fields v = variants.sub(name);
            for (String fixed : List.of("id", "depends_on", "profiles")) {
                if (v.has(fixed)) {
                    throw v.error(fixed, "task " + taskId + ": a profile's variant cannot change '" + fixed + "'");
                }
            }
            String type = v.string("type", plain.string("type", ""));
            Set<String> dropped = new HashSet<>(TYPE_KEYS.getOrDefault(plain.string("type", ""), Set.of()));
            dropped.removeAll(TYPE_KEYS.getOrDefault(type, Set.of()));
            DagBuilder.TaskBuilder variant = task(plain.merged(dropped, v), taskId, defaults);
            if (name.equals(profile)) {
                chosen = variant;
            }
        }
        return chosen;
    }

    private static DagBuilder.TaskBuilder task(Fields t, String taskId, Fields defaults) {
        String type = t.required("type");
        Set<String> typeKeys = TYPE_KEYS.get(type);
        if (typeKeys == null) {
            throw t.error(
                    "type",
                    "task " + taskId + ": unknown task type '" + type + "' (one of: "
                            + String.join(", ", new java.util.TreeSet<>(TYPE_KEYS.keySet()))
                            + ")");
        }
        Set<String> allowed = new HashSet<>(COMMON_TASK_KEYS);
        allowed.addAll(typeKeys);
        t.allowOnly(allowed);
        TaskAction action = action(t, taskId, type);
        TemplateSafety.check(taskId, action).ifPresent(r -> {
            throw t.error(r.key(), r.message());
        });
        DagBuilder.TaskBuilder tb = new DagBuilder.TaskBuilder(taskId, action).line(t.line());
        tb.dependsOn(t.strings("depends_on"));
        tb.outlets(t.strings("outlets"));
        Fields d = defaults;
        String rule = setting(t, d, "trigger_rule", "all_success");
        try {
            tb.triggerRule(TriggerRule.parse(rule));
        } catch (IllegalArgumentException e) {
            throw err(t, d, "trigger_rule", e.getMessage());
        }
        int retries = t.has("retries") ? t.integer("retries", 0) : d == null ? 0 : d.integer("retries", 0);
        Duration delay = durationSetting(t, d, "retry_delay", Duration.ofSeconds(10));
        Duration cap = durationSetting(t, d, "max_retry_delay", Duration.ofMinutes(10));
        try {
            tb.retry(new RetryPolicy(retries, delay, cap));
        } catch (IllegalArgumentException e) {
            throw err(t, d, "retries", e.getMessage());
        }
        if (t.has("timeout") || (d != null && d.has("timeout"))) {
            tb.timeout(durationSetting(t, d, "timeout", null));
        }
        if (t.has("sla") || (d != null && d.has("sla"))) {
            tb.sla(durationSetting(t, d, "sla", null));
        }
        tb.pool(setting(t, d, "pool", "default"), t.integer("pool_slots", 1));
        if (t.integer("pool_slots", 1) < 1) {
            throw t.error("pool_slots", "pool_slots must be >= 1");
        }
        tb.priority(t.has("priority") ? t.integer("priority", 0) : d == null ? 0 : d.integer("priority", 0));
        if (t.has("map_over")) {
            YamlNode m = t.node("map_over");
            if (m instanceof YamlNode.Sequence) {
                tb.mapOver(Fields.toJson(m));
            } else if (m instanceof YamlNode.Scalar s && s.value() instanceof String expr) {
                tb.mapOverOutput(expr);
            } else {
                throw t.error("map_over", "map_over must be a list or a {{ outputs.TASK.path }} reference");
            }
        }
        return tb;
    }

    private static TaskAction action(Fields t, String taskId, String type) {
        Map<String, String> env = Set.of("sensor", "noop", "kubernetes").contains(type) ? Map.of() : t.stringMap("env");
        return switch (type) {
            case "shell" -> new TaskAction.Shell(t.required("command"), env);
            case "branch" -> new TaskAction.Branch(t.required("command"), env);
            case "java" ->
                new TaskAction.Java(
                        t.required("module"),
                        t.string("main_class", null),
                        t.strings("args"),
                        t.strings("jvm_opts"),
                        env);
            case "spark" -> {
                String mode = t.string("deploy_mode", "client");
                if (!mode.equals("client") && !mode.equals("cluster")) {
                    throw t.error("deploy_mode", "task " + taskId + ": deploy_mode must be client or cluster");
                }
                yield new TaskAction.Spark(
                        t.required("module"),
                        t.string("main_class", null),
                        t.strings("args"),
                        t.string("master", "local[*]"),
                        mode,
                        t.stringMap("conf"),
                        t.string("driver_memory", null),
                        env);
            }
            case "flink" ->
                new TaskAction.Flink(
                        t.required("module"),
                        t.string("main_class", null),
                        t.strings("args"),
                        t.string("target", "local"),
                        t.integer("parallelism", 0),
                        env,
                        streaming(t, taskId));
            case "kubernetes" -> kubernetes(t, taskId);
            case "sensor" -> sensor(t, taskId);
            default -> new TaskAction.Noop();
        };
    }

    private static TaskAction.Streaming streaming(Fields t, String taskId) {
        if (!t.bool("streaming", false)) {
            for (String k : List.of("running_after", "checkpoint_dir", "restore_arg", "max_restarts")) {
                if (t.has(k)) {
                    throw t.error(k, "task " + taskId + ": '" + k + "' needs 'streaming: true'");
                }
            }
            return null;
        }
        return new TaskAction.Streaming(
                t.has("running_after") ? duration(t, "running_after") : Duration.ofSeconds(30),
                t.string("checkpoint_dir", null),
                t.string("restore_arg", "--from-checkpoint"),
                t.integer("max_restarts", 10));
    }

    private static TaskAction kubernetes(Fields t, String taskId) {
        Duration poll = t.has("poll_interval") ? duration(t, "poll_interval") : Duration.ofSeconds(5);
        int maxRestarts = t.integer("max_restarts", 10);
        if (maxRestarts < 0) {
            throw t.error("max_restarts", "task " + taskId + ": max_restarts must be >= 0");
        }
        return new TaskAction.Kubernetes(
                t.required("manifest"),
                t.strings("args"),
                t.string("output", null),
                t.string("namespace", null),
                poll,
                t.has("running_after") ? duration(t, "running_after") : Duration.ofSeconds(30),
                maxRestarts);
    }

    private static TaskAction sensor(Fields t, String taskId) {
        Duration poke = t.has("poke_interval") ? duration(t, "poke_interval") : Duration.ofSeconds(30);
        if (t.has("file") == t.has("output")) {
            throw t.error("type", "task " + taskId + ": a sensor needs exactly one of 'file' or 'output'");
        }
        if (t.has("file")) {
            return new TaskAction.Sensor(t.string("file", null), null, null, null, poke);
        }
        Fields o = t.sub("output");
        o.allowOnly(Set.of("task", "path", "equals"));
        return new TaskAction.Sensor(null, o.required("task"), o.string("path", ""), o.required("equals"), poke);
    }

    private static String setting(Fields t, Fields d, String key, String dflt) {
        return t.has(key) ? t.string(key, dflt) : d == null ? dflt : d.string(key, dflt);
    }

    private static Duration durationSetting(Fields t, Fields d, String key, Duration dflt) {
        if (t.has(key)) {
            return duration(t, key);
        }
        return d != null && d.has(key) ? duration(d, key) : dflt;
    }

    private static DagFileException err(Fields t, Fields d, String key, String message) {
        return (t.has(key) || d == null ? t : d).error(key, message);
    }

    private static Duration duration(Fields f, String key) {
        try {
            return Durations.parse(f.string(key, ""));
        } catch (IllegalArgumentException e) {
            throw f.error(key, e.getMessage());
        }
    }

    private static ZoneId zone(Fields top) {
        try {
            return ZoneId.of(top.string("timezone", "UTC"));
        } catch (DateTimeException e) {
            throw top.error("timezone", "unknown time zone '" + top.string("timezone", "") + "'");
        }
    }

    private static Instant instant(Fields top, String key, ZoneId zone) {
        String text = top.string(key, "");
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw top.error(
                        key,
                        "'" + key + "' must be a date (2026-01-31) or a date-time with offset, got '" + text + "'");
            }
        }
    }
}
