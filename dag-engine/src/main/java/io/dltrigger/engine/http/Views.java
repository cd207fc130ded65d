package io.dltrigger.engine.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.dagfile.DagFileException;
import io.dltrigger.engine.model.ApiToken;
import io.dltrigger.engine.model.AssetEvent;
import io.dltrigger.engine.model.AuditEntry;
import io.dltrigger.engine.model.Dag;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.ParamSpec;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskProgress;
import io.dltrigger.engine.model.TaskSpec;
import io.dltrigger.engine.model.TaskTry;
import io.dltrigger.engine.model.TriggerEvaluation;
import io.dltrigger.engine.service.EngineService;
import java.time.Instant;
import java.util.Optional;

/** JSON shapes of the REST API. */
final class Views {
    static final ObjectMapper JSON = new ObjectMapper();

    private Views() {}

    static ObjectNode dag(EngineService.DagView d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id())
                .put("description", d.description())
                .put("schedule", d.schedule())
                .put("catchup", d.catchup())
                .put("paused", d.paused())
                .put("version", d.version())
                .put("tasks", d.tasks())
                .put("source", d.source())
                .put("error", d.error());
        return o;
    }

    static ObjectNode dagDetail(Dag d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", d.id())
                .put("description", d.description())
                .put("schedule", d.schedule() == null ? null : d.schedule().toString())
                .put("source", d.source());
        o.set("params", d.paramDefaults());
        ArrayNode specs = o.putArray("param_specs");
        for (ParamSpec p : d.params().values()) {
            ObjectNode n = specs.addObject()
                    .put("name", p.name())
                    .put("type", p.type().fileName())
                    .put("description", p.description());
            n.set("default", p.defaultValue());
            if (p.pattern() != null) {
                n.put("pattern", p.pattern().pattern());
            }
            if (!p.values().isEmpty()) {
                ArrayNode v = n.putArray("values");
                p.values().forEach(v::add);
            }
            if (p.min() != null) {
                n.put("min", p.min());
            }
            if (p.max() != null) {
                n.put("max", p.max());
            }
            if (p.under() != null) {
                n.put("under", p.under().toString());
            }
        }
        ArrayNode tasks = o.putArray("tasks");
        for (TaskSpec t : d.tasks()) {
            ObjectNode n = tasks.addObject();
            n.put("id", t.id())
                    .put("type", t.action().typeName())
                    .put("trigger_rule", t.triggerRule().fileName())
                    .put("retries", t.retry().retries())
                    .put("pool", t.pool())
                    .put("priority", t.priority())
                    .put("mapped", t.mapped());
            ArrayNode deps = n.putArray("depends_on");
            t.dependsOn().forEach(deps::add);
            ArrayNode outlets = n.putArray("outlets");
            t.outlets().forEach(outlets::add);
        }
        ArrayNode triggers = o.putArray("triggers");
        d.triggers()
                .forEach(t -> triggers.addObject()
                        .put("asset", t.asset())
                        .put("min_interval", t.minInterval().toString())
                        .put("check", t.check() != null));
        return o;
    }

    static ObjectNode error(DagFileException e) {
        ObjectNode o = JSON.createObjectNode();
        return o.put("file", e.file()).put("line", e.line()).put("cause", e.reason());
    }

    static ObjectNode run(DagRun r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", r.id())
                .put("dag_id", r.dagId())
                .put("run_id", r.runKey())
                .put("type", r.type().name().toLowerCase())
                .put("dag_version", r.dagVersion())
                .put("logical_date", text(r.logicalDate()))
                .put("data_interval_start", text(r.intervalStart()))
                .put("data_interval_end", text(r.intervalEnd()))
                .put("state", r.state().name().toLowerCase())
                .put("created_at", text(r.createdAt()))
                .put("started_at", text(r.startedAt()))
                .put("ended_at", text(r.endedAt()));
        o.set("params", r.params());
        return o;
    }

    static ObjectNode task(TaskInstance t, Optional<TaskProgress> progress) {
        ObjectNode o = task(t);
        progress.ifPresentOrElse(
                p -> o.putObject("progress")
                        .put("done", p.done())
                        .put("total", p.total())
                        .put("unit", p.unit())
                        .put("message", p.message())
                        .put("text", p.describe()),
                () -> o.putNull("progress"));
        return o;
    }

    static ObjectNode task(TaskInstance t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", t.id())
                .put("run", t.runId())
                .put("task_id", t.taskId())
                .put("map_index", t.mapIndex())
                .put("label", t.label())
                .put("state", t.state().name().toLowerCase())
                .put("try_number", t.tryNumber())
                .put("max_tries", t.maxTries())
                .put("started_at", text(t.startedAt()))
                .put("ended_at", text(t.endedAt()))
                .put("hostname", t.hostname())
                .put("message", t.message());
        if (t.pid() == null) {
            o.putNull("pid");
        } else {
            o.put("pid", t.pid());
        }
        if (t.exitCode() == null) {
            o.putNull("exit_code");
        } else {
            o.put("exit_code", t.exitCode());
        }
        o.set("output", parse(t.output()));
        return o;
    }

    static ObjectNode tryView(TaskTry t) {
        ObjectNode o = JSON.createObjectNode();
        o.put("task_instance", t.taskInstanceId())
                .put("try_number", t.tryNumber())
                .put("state", t.state().name().toLowerCase())
                .put("started_at", text(t.startedAt()))
                .put("ended_at", text(t.endedAt()))
                .put("hostname", t.hostname())
                .put("log_path", t.logPath());
        if (t.exitCode() != null) {
            o.put("exit_code", t.exitCode());
        }
        return o;
    }

    static ObjectNode asset(EngineService.AssetView a) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", a.name()).put("events", a.events());
        o.set("last_update", a.latest().<JsonNode>map(Views::assetEvent).orElse(JSON.nullNode()));
        ArrayNode producers = o.putArray("updated_by");
        a.producers().forEach(producers::add);
        ArrayNode triggers = o.putArray("triggers");
        for (EngineService.TriggerView t : a.triggers()) {
            ObjectNode n = triggers.addObject();
            n.put("dag_id", t.dagId())
                    .put("min_interval", t.minInterval().toString())
                    .put("check", t.checked());
            n.set(
                    "last_evaluation",
                    t.lastEvaluation().<JsonNode>map(Views::evaluation).orElse(JSON.nullNode()));
        }
        return o;
    }

    static ObjectNode assetDetail(EngineService.AssetDetail d) {
        ObjectNode o = asset(d.asset());
        ArrayNode events = o.putArray("recent_events");
        d.events().forEach(e -> events.add(assetEvent(e)));
        ArrayNode evals = o.putArray("evaluations");
        d.evaluations().forEach(e -> evals.add(evaluation(e)));
        return o;
    }

    static ObjectNode assetEvent(AssetEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id())
                .put("asset", e.asset())
                .put("created_at", text(e.createdAt()))
                .put("kind", e.kind())
                .put("dag_id", e.dagId())
                .put("run_id", e.runKey())
                .put("task_id", e.taskId());
        o.set("metadata", parse(e.metadata()));
        return o;
    }

    static ObjectNode evaluation(TriggerEvaluation e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id())
                .put("dag_id", e.dagId())
                .put("asset", e.asset())
                .put("evaluated_at", text(e.evaluatedAt()))
                .put("event_id", e.eventId())
                .put("fired", e.fired())
                .put("reason", e.reason())
                .put("log_path", e.logPath());
        if (e.runId() == null) {
            o.putNull("run");
        } else {
            o.put("run", e.runId());
        }
        return o;
    }

    static ObjectNode audit(AuditEntry e) {
        ObjectNode o = JSON.createObjectNode();
        return o.put("id", e.id())
                .put("at", text(e.at()))
                .put("actor", e.actor())
                .put("action", e.action())
                .put("target", e.target())
                .put("outcome", e.outcome().name().toLowerCase())
                .put("detail", e.detail())
                .put("remote", e.remote());
    }

    static ObjectNode token(ApiToken t) {
        ObjectNode o = JSON.createObjectNode();
        return o.put("id", t.id())
                .put("name", t.name())
                .put("role", t.role().fileName())
                .put("created_at", text(t.createdAt()))
                .put("created_by", t.createdBy())
                .put("revoked_at", text(t.revokedAt()));
    }

    private static JsonNode parse(String json) {
        if (json == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
