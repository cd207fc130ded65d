package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code assets [NAME]}: the assets, their last update and what their triggers did (asked of the running engine). */
@Command(
        name = "assets",
        mixinStandardHelpOptions = true,
        description = "Assets: who updates them, their last update and what it triggered; with NAME, its events"
                + " and trigger evaluations.")
public final class AssetsCommand implements Callable<Integer> {
    @Mixin
    Remote remote;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(
            names = "--limit",
            defaultValue = "20",
            description = "events and evaluations shown (default: ${DEFAULT-VALUE})")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EngineClient client = remote.client();
        if (name == null) {
            Tables.print(
                    out,
                    List.of("ASSET", "UPDATED BY", "EVENTS", "LAST UPDATE", "TRIGGERS"),
                    Tables.rows(client.get("/api/assets"), AssetsCommand::row));
            return 0;
        }
        JsonNode a = client.get("/api/assets/" + EngineClient.q(name));
        out.println("asset " + name + ": " + a.path("events").asLong() + " events, updated by "
                + join(a.path("updated_by")));
        Tables.print(
                out,
                List.of("EVENT", "AT", "KIND", "BY", "METADATA"),
                take(a.path("recent_events")).stream()
                        .map(e -> List.of(
                                e.path("id").asText(),
                                e.path("created_at").asText(),
                                e.path("kind").asText(),
                                by(e),
                                e.path("metadata").toString()))
                        .toList());
        Tables.print(
                out,
                List.of("EVALUATED", "DAG", "EVENT", "RESULT", "REASON"),
                take(a.path("evaluations")).stream()
                        .map(e -> List.of(
                                e.path("evaluated_at").asText(),
                                e.path("dag_id").asText(),
                                e.path("event_id").asText(),
                                result(e),
                                e.path("reason").asText("")))
                        .toList());
        return 0;
    }

    private List<JsonNode> take(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(x -> {
            if (out.size() < limit) {
                out.add(x);
            }
        });
        return out;
    }

    private static List<String> row(JsonNode a) {
        List<String> triggers = new ArrayList<>();
        a.path("triggers")
                .forEach(t -> triggers.add(t.path("dag_id").asText() + ": "
                        + (t.path("last_evaluation").isNull()
                                ? "not evaluated yet"
                                : result(t.get("last_evaluation")))));
        JsonNode last = a.path("last_update");
        return List.of(
                a.path("name").asText(),
                a.path("updated_by").isEmpty() ? "-" : join(a.path("updated_by")),
                a.path("events").asText(),
                last.isNull() ? "never" : last.path("created_at").asText() + " " + by(last),
                triggers.isEmpty() ? "-" : String.join("; ", triggers));
    }

    private static String result(JsonNode e) {
        return e.path("fired").asBoolean()
                ? "run " + e.path("run").asText()
                : "no run (" + e.path("reason").asText() + ")";
    }

    private static String by(JsonNode e) {
        return e.path("kind").asText() + " of " + e.path("dag_id").asText() + "."
                + e.path("task_id").asText();
    }

    private static String join(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add(x.asText()));
        return String.join(", ", out);
    }
}
