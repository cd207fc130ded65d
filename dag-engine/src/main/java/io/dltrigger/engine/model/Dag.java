package io.dltrigger.engine.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated DAG: tasks are in a topological order (every task after its upstreams).
 *
 * @param schedule null when the DAG only runs on triggers and backfills
 * @param runTimeout null for none; a run past it is failed and its running tasks are killed
 * @param sla null for none; a run longer than this raises an {@code sla_miss} alert (it goes on)
 * @param callbacks where its alerts go
 * @param source where it came from: a file path, or "java" for DAGs built in code
 * @param triggers runs started by updates of assets, besides the schedule
 */
public record Dag(
        String id,
        String description,
        Schedule schedule,
        boolean catchup,
        Instant startDate,
        int maxActiveRuns,
        Duration runTimeout,
        Duration sla,
        List<Callback> callbacks,
        Map<String, ParamSpec> params,
        List<TaskSpec> tasks,
        String source,
        List<AssetTrigger> triggers) {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public Dag {
        tasks = List.copyOf(tasks);
        triggers = List.copyOf(triggers);
        callbacks = List.copyOf(callbacks);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public Optional<TaskSpec> task(String taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst();
    }

    public List<TaskSpec> downstream(String taskId) {
        return tasks.stream().filter(t -> t.dependsOn().contains(taskId)).toList();
    }

    /** Every parameter at its default: the parameters of a scheduled run. */
    public ObjectNode paramDefaults() {
        ObjectNode o = JSON.objectNode();
        params.forEach((name, spec) -> o.set(name, spec.defaultValue().deepCopy()));
        return o;
    }
}
