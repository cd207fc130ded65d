package io.dltrigger.engine.executor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import io.dltrigger.engine.model.TaskState;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The template variables of one task try: run_id, dag_id, task_id, logical_date, ds, data_interval_start,
 * data_interval_end, try_number, map_index, home, params, item, and outputs of the upstream tasks (a
 * mapped upstream's outputs as a list, in map order: the fan-in). Besides these, {@code upstream} holds each
 * upstream task's state, tries and message, for the task's context file (a report after failed tasks).
 */
final class TaskContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskContext() {}

    static ObjectNode of(DagRun run, RunInstances instances, TaskInstance ti, Path home) {
        return of(run, instances, ti, home, JSON.createObjectNode());
    }

    /** With the deployment profile's values as {@code profile}. */
    static ObjectNode of(DagRun run, RunInstances instances, TaskInstance ti, Path home, ObjectNode profile) {
        ObjectNode ctx = JSON.createObjectNode();
        ZoneId zone = instances.dag().schedule() == null
                ? ZoneOffset.UTC
                : instances.dag().schedule().zone();
        ctx.put("run_id", run.runKey());
        ctx.put("dag_id", run.dagId());
        ctx.put("task_id", ti.taskId());
        ctx.put("logical_date", run.logicalDate().toString());
        ctx.put("ds", run.logicalDate().atZone(zone).toLocalDate().toString());
        ctx.put("data_interval_start", run.intervalStart().toString());
        ctx.put("data_interval_end", run.intervalEnd().toString());
        ctx.put("try_number", ti.tryNumber());
        ctx.put("map_index", ti.mapIndex());
        ctx.put("home", home.toString());
        ctx.set("params", run.params().deepCopy());
        ctx.set("profile", profile.deepCopy());
        ObjectNode outputs = ctx.putObject("outputs");
        ObjectNode states = ctx.putObject("upstream");
        for (String up : instances.ancestorsOf(ti.taskId())) {
            TaskInstance p = instances.parent(up);
            ObjectNode st = states.putObject(up);
            describe(st, p);
            if (p.state() == TaskState.MAPPED) {
                ArrayNode each = st.putArray("instances");
                instances.mapped(up).forEach(c -> describe(each.addObject(), c));
            }
            if (p.state() == TaskState.MAPPED) {
                ArrayNode list = outputs.putArray(up);
                instances.mapped(up).forEach(c -> list.add(parse(c.output())));
            } else if (p.output() != null) {
                outputs.set(up, parse(p.output()));
            }
        }
        if (ti.mapItem() != null) {
            ctx.set("item", parse(ti.mapItem()));
        }
        return ctx;
    }

    /** An upstream task's state as a task sees it in its context file (not a template variable). */
    private static void describe(ObjectNode o, TaskInstance t) {
        o.put("state", t.state().name().toLowerCase());
        o.put("try_number", t.tryNumber());
        o.put("max_tries", t.maxTries());
        if (t.message() != null) {
            o.put("message", t.message());
        }
    }

    static JsonNode parse(String json) {
        if (json == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getMessage(), e);
        }
    }
}
