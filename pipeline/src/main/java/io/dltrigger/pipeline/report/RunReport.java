package io.dltrigger.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.ModelRegistryContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of one retrain run, as {@code report.json} holds it, built from what the run's tasks left: their
 * outputs and states (the task's context file, from the engine), the features summary, the grid results and
 * each model's evaluation. Task ids follow the retrain DAG: {@code snapshot}, {@code features}, {@code best},
 * and per model kind {@code train_K}, {@code evaluate_K}, {@code publish_K} ({@code K} = hlf, sequence,
 * inclusive). A model that was not trained or not published says why: the failed task and its last words, or the
 * publish step's comparison.
 *
 * @param json the report; PNG paths in it are relative to the report's folder
 * @param plots each model's plots to copy beside the report: relative path in the report -> source file
 */
public record RunReport(ObjectNode json, Map<String, Path> plots) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param context the report task's context: {@code run_id}, {@code dag_id}, {@code outputs}, {@code upstream}
     * @param features the run's features table (its {@code summary.json}); null if it was never built
     */
    public static RunReport of(JsonNode context, Path features) {
        ObjectNode r = JSON.createObjectNode();
        JsonNode outputs = context.path("outputs");
        JsonNode upstream = context.path("upstream");
        ObjectNode run = r.putObject("dag_run");
        run.put("dag", context.path("dag_id").asText());
        run.put("run_id", context.path("run_id").asText());
        run.put("state", failed(upstream).isEmpty() ? "success" : "failed");
        ArrayNode failedTasks = run.putArray("failed_tasks");
        failed(upstream).forEach(failedTasks::add);
        r.put("generated_at", Instant.now().toString());

        JsonNode snap = outputs.path("snapshot");
        ObjectNode events = r.putObject("events");
        events.put("table", snap.path("table").asText(""));
        events.put("total", snap.path("total").asLong());
        events.put("new", snap.path("new").asLong());
        events.set("per_sample", snap.path("per_sample").deepCopy());
        events.set("new_per_sample", snap.path("new_per_sample").deepCopy());
        events.put("baseline", snap.path("baseline").asLong());

        JsonNode summary = summary(features);
        ObjectNode selection = r.putObject("selection");
        ObjectNode counts = r.putObject("counts");
        for (Iterator<Map.Entry<String, JsonNode>> it = summary.path("classes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = EventClass.ofLabel(Integer.parseInt(e.getKey())).displayName();
            JsonNode c = e.getValue();
            selection.put(name, c.path("efficiency").asDouble());
            counts.putObject(name)
                    .put("sample", c.path("sample").asText())
                    .put("read", c.path("read").asLong())
                    .put("selected", c.path("selected").asLong())
                    .put("balanced", c.path("balanced").asLong())
                    .put("train", c.path("train").asLong())
                    .put("test", c.path("test").asLong());
        }
        r.putObject("totals")
                .put("read", summary.path("events_read").asLong())
                .put("selected", summary.path("events_selected").asLong())
                .put("train", summary.path("train_events").asLong())
                .put("test", summary.path("test_events").asLong());

        JsonNode best = outputs.path("best");
        r.set("grid", best.path("grid").isArray() ? best.get("grid").deepCopy() : JSON.createArrayNode());
        r.set("best", best.path("best").deepCopy());

        ArrayNode models = r.putArray("models");
        Map<String, Path> plots = new java.util.LinkedHashMap<>();
        for (String kind : ModelRegistryContract.KINDS) {
            models.add(model(kind, outputs, upstream, plots));
        }
        return new RunReport(r, plots);
    }

    private static ObjectNode model(String kind, JsonNode outputs, JsonNode upstream, Map<String, Path> plots) {
        String k = kind.toLowerCase(Locale.ROOT);
        JsonNode train = outputs.path("train_" + k);
        JsonNode eval = outputs.path("evaluate_" + k);
        JsonNode publish = outputs.path("publish_" + k);
        ObjectNode m = JSON.createObjectNode();
        m.put("kind", kind);
        m.put("version", train.path("version").asText(null));
        m.set(
                "auc",
                eval.has("auc")
                        ? eval.get("auc").deepCopy()
                        : train.path("test_auc").deepCopy());
        // the order the model read its particle lists in ("none" for HLF), as its train or evaluate task said
        JsonNode order = eval.has("particle_order") ? eval.get("particle_order") : train.get("particle_order");
        m.put("particle_order", order == null ? null : order.asText());
        m.set("accuracy", eval.path("accuracy").deepCopy());
        m.set("confusion", eval.path("confusion").deepCopy());
        m.put("test_events", eval.path("test_events").asLong());
        m.put("training_events_per_second", train.path("events_per_second").asDouble());
        m.put("train_events", train.path("train_events").asLong());
        m.put("epochs_run", train.path("epochs_run").asInt());
        m.put("max_epochs", train.path("max_epochs").asInt());
        m.put("best_epoch", train.path("best_epoch").asInt());
        m.put("stopped_early", train.path("stopped_early").asBoolean());
        m.set("train_loss", eval.path("train_loss").deepCopy());
        m.set("validation_loss", eval.path("validation_loss").deepCopy());
        for (String plot : List.of("roc_png", "loss_png")) {
            if (eval.hasNonNull(plot)) {
                String rel = "report/" + k + "-" + plot.replace("_png", "") + ".png";
                plots.put(rel, Path.of(eval.get(plot).asText()));
                m.put(plot, rel);
            } else {
                m.putNull(plot);
            }
        }
        boolean published = publish.path("published").asBoolean(false);
        m.put("published", published);
        m.put("why", published || publish.has("reason") ? publish.path("reason").asText() : notRun(k, upstream));
        m.set("current_auc", publish.path("current_auc").deepCopy());
        m.set("current_version", publish.path("current_version").deepCopy());
        return m;
    }

    /** Why a model's tasks did not all run: the first of them that failed (with its last words) or did not run. */
    private static String notRun(String k, JsonNode upstream) {
        for (String task : List.of("train_" + k, "evaluate_" + k, "publish_" + k)) {
            JsonNode s = upstream.path(task);
            String state = s.path("state").asText("none");
            if (state.equals("failed")) {
                return task + " failed after " + s.path("try_number").asInt() + " of "
                        + s.path("max_tries").asInt() + " tries: "
                        + s.path("message").asText("");
            }
            if (!state.equals("success")) {
                return task + " did not run (" + state.replace('_', ' ') + ")"
                        + (s.hasNonNull("message") ? ": " + s.get("message").asText() : "");
            }
        }
        return "not published";
    }

    /** The tasks of the run that failed, as the report's upstream states say. */
    private static List<String> failed(JsonNode upstream) {
        List<String> out = new ArrayList<>();
        upstream.fields().forEachRemaining(e -> {
            String state = e.getValue().path("state").asText();
            if (state.equals("failed") || state.equals("upstream_failed")) {
                out.add(e.getKey() + " (" + state.replace('_', ' ') + ")");
            }
        });
        return out;
    }

    private static JsonNode summary(Path features) {
        Path f = features == null ? null : features.resolve(FeaturesTableContract.SUMMARY_FILE);
        if (f == null || !Files.isRegularFile(f)) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    /** A few lines for a terminal: the events, and per model its AUCs and whether it was published. */
    public String summaryText() {
        StringBuilder sb = new StringBuilder();
        JsonNode ev = json.path("events");
        sb.append(String.format(
                "run %s of %s: %s%n",
                json.at("/dag_run/run_id").asText(),
                json.at("/dag_run/dag").asText(),
                json.at("/dag_run/state").asText()));
        sb.append(String.format(
                "events: %,d in the table (%,d new) %s%n",
                ev.path("total").asLong(), ev.path("new").asLong(), ev.path("per_sample")));
        JsonNode sel = json.path("selection");
        if (sel.size() > 0) {
            sb.append("selection efficiency:");
            sel.fields()
                    .forEachRemaining(e -> sb.append(
                            String.format(" %s %.3f", e.getKey(), e.getValue().asDouble())));
            sb.append(String.format(
                    "; train %,d, test %,d events%n",
                    json.at("/totals/train").asLong(), json.at("/totals/test").asLong()));
        }
        for (JsonNode m : json.path("models")) {
            JsonNode auc = m.path("auc");
            sb.append(String.format(
                    "%-9s AUC QCD %s ttbar %s W+jets %s  %d epochs  particle order %s  %s%n",
                    m.path("kind").asText(),
                    num(auc.path("QCD")),
                    num(auc.path("ttbar")),
                    num(auc.path("W+jets")),
                    m.path("epochs_run").asInt(),
                    m.path("particle_order").asText("-"),
                    m.path("published").asBoolean()
                            ? "published (" + m.path("why").asText() + ")"
                            : "not published: " + m.path("why").asText()));
        }
        return sb.toString();
    }

    private static String num(JsonNode n) {
        return n.isNumber() ? String.format("%.4f", n.asDouble()) : "  -   ";
    }
}
