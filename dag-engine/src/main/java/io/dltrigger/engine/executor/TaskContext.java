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
 * mapped upstream's outputs as a list, in map order: the fan-in).
 */
final class TaskContext {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskContext() {}

    static ObjectNode of(DagRun run, RunInstances instances, TaskInstance ti, Path home) {
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
        ObjectNode outputs = ctx.putObject("outputs");
        for (String up : instances.ancestorsOf(ti.taskId())) {
            TaskInstance p = instances.parent(up);
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
