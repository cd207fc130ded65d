package io.dltrigger.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plain aligned text tables for the terminal, from the REST API's JSON. */
final class Tables {
    private Tables() {}

    static void print(PrintWriter out, List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> r : all) {
            for (int i = 0; i < r.size(); i++) {
                w[i] = Math.max(w[i], r.get(i) == null ? 1 : r.get(i).length());
            }
        }
        for (List<String> r : all) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String v = r.get(i) == null ? "-" : r.get(i);
                sb.append(i == r.size() - 1 ? v : String.format("%-" + w[i] + "s  ", v));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }

    static final List<String> RUN_HEADER = List.of("ID", "DAG", "RUN", "TYPE", "LOGICAL DATE", "STATE", "TOOK");

    static List<String> run(JsonNode r) {
        return List.of(
                r.path("id").asText(),
                r.path("dag_id").asText(),
                r.path("run_id").asText(),
                r.path("type").asText(),
                r.path("logical_date").asText(),
                r.path("state").asText(),
                took(r));
    }

    static final List<String> TASK_HEADER = List.of("ID", "TASK", "STATE", "TRY", "EXIT", "TOOK", "MESSAGE");

    static List<String> task(JsonNode t) {
        return List.of(
                t.path("id").asText(),
                t.path("label").asText(),
                t.path("state").asText(),
                t.path("try_number").asText(),
                t.path("exit_code").isNull() ? "-" : t.path("exit_code").asText(),
                took(t),
                t.path("message").isNull() ? "" : t.path("message").asText());
    }

    static List<List<String>> rows(JsonNode array, java.util.function.Function<JsonNode, List<String>> row) {
        List<List<String>> out = new ArrayList<>();
        array.forEach(x -> out.add(row.apply(x)));
        return out;
    }

    /** From a JSON object's {@code started_at} to its {@code ended_at} (or now). */
    static String took(JsonNode o) {
        return took(instant(o.path("started_at")), instant(o.path("ended_at")));
    }

    static String took(Instant start, Instant end) {
        if (start == null) {
            return "-";
        }
        Duration d = Duration.between(start, end == null ? Instant.now() : end);
        if (d.toMillis() < 10_000) {
            return String.format("%.2fs", d.toMillis() / 1000.0);
        }
        return d.toSeconds() < 120 ? d.toSeconds() + "s" : String.format("%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }

    private static Instant instant(JsonNode n) {
        return n.isTextual() ? Instant.parse(n.asText()) : null;
    }
}
