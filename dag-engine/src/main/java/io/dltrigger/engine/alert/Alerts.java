package io.dltrigger.engine.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.engine.model.Callback;
import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import java.time.Duration;
import java.time.Instant;

/** The JSON an alert carries: what happened, to which run (and task), when, and how it ended. */
public final class Alerts {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Alerts() {}

    /** A task instance's try ended (success, retry, failure), or it missed its SLA. */
    public static ObjectNode task(Callback.Event event, DagRun run, TaskInstance ti, Instant at) {
        ObjectNode o = base(event, run, at);
        o.put("task_id", ti.taskId())
                .put("map_index", ti.mapIndex())
                .put("task_instance", ti.id())
                .put("try_number", ti.tryNumber())
                .put("max_tries", ti.maxTries())
                .put("state", ti.state().name().toLowerCase())
                .put("message", ti.message());
        if (ti.exitCode() != null) {
            o.put("exit_code", ti.exitCode());
        }
        if (ti.startedAt() != null) {
            o.put("duration_seconds", seconds(ti.startedAt(), ti.endedAt() != null ? ti.endedAt() : at));
        }
        return o;
    }

    /** A run ended, or missed its SLA. */
    public static ObjectNode run(Callback.Event event, DagRun run, String state, Instant at) {
        ObjectNode o = base(event, run, at).put("state", state);
        if (run.startedAt() != null) {
            o.put("duration_seconds", seconds(run.startedAt(), at));
        }
        return o;
    }

    /** The SLA that was missed, on an alert of {@link #task} or {@link #run}. */
    public static ObjectNode missed(ObjectNode alert, Duration sla) {
        return alert.put("sla_seconds", sla.toMillis() / 1000.0);
    }

    private static ObjectNode base(Callback.Event event, DagRun run, Instant at) {
        return JSON.createObjectNode()
                .put("event", event.fileName())
                .put("dag_id", run.dagId())
                .put("run_id", run.runKey())
                .put("run", run.id())
                .put("logical_date", run.logicalDate().toString())
                .put("at", at.toString());
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
