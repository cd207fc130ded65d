package io.dltrigger.engine.cli;

import io.dltrigger.engine.model.DagRun;
import io.dltrigger.engine.model.TaskInstance;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plain aligned text tables for the terminal. */
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

    static List<String> run(DagRun r) {
        return List.of(
                String.valueOf(r.id()),
                r.dagId(),
                r.runKey(),
                r.type().name().toLowerCase(),
                r.logicalDate().toString(),
                r.state().name().toLowerCase(),
                took(r.startedAt(), r.endedAt()));
    }

    static final List<String> RUN_HEADER = List.of("ID", "DAG", "RUN", "TYPE", "LOGICAL DATE", "STATE", "TOOK");

    static List<String> task(TaskInstance t) {
        return List.of(
                String.valueOf(t.id()),
                t.label(),
                t.state().name().toLowerCase(),
                String.valueOf(t.tryNumber()),
                t.exitCode() == null ? "-" : String.valueOf(t.exitCode()),
                took(t.startedAt(), t.endedAt()),
                t.message() == null ? "" : t.message());
    }

    static final List<String> TASK_HEADER = List.of("ID", "TASK", "STATE", "TRY", "EXIT", "TOOK", "MESSAGE");

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
}
