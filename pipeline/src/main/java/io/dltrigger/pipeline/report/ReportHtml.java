package io.dltrigger.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * {@code report.html}: the report as one self-contained page (styles inline, plots as PNG data URIs, no script,
 * nothing fetched), readable offline, mailed, or opened from the engine's UI.
 */
public final class ReportHtml {
    private static final List<String> CLASSES = List.of("QCD", "ttbar", "W+jets");
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1700px}"
            + "table{border-collapse:collapse;margin:.6em 0}th,td{border:1px solid #ccc;padding:.25em .6em;"
            + "text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}.ok{color:#1b7f4b}"
            + ".no{color:#b00020}img{max-width:100%;border:1px solid #eee;margin:.3em 0}h2{margin-top:1.6em}"
            + "small{color:#666}";

    private ReportHtml() {}

    /** The page for {@code report} (report.json's tree); {@code folder} holds the plots it names. */
    public static String render(JsonNode r, Path folder) {
        StringBuilder h = new StringBuilder();
        JsonNode run = r.path("dag_run");
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>DLTrigger report ")
                .append(esc(run.path("run_id").asText()))
                .append("</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        h.append("<h1>Retrain report <small>")
                .append(esc(run.path("dag").asText()))
                .append(" run ")
                .append(esc(run.path("run_id").asText()))
                .append("</small></h1>");
        boolean ok = run.path("state").asText().equals("success");
        h.append("<p>Run state: <b class=\"")
                .append(ok ? "ok" : "no")
                .append("\">")
                .append(esc(run.path("state").asText()))
                .append("</b>");
        if (!ok) {
            h.append(" &mdash; failed tasks: ").append(esc(join(run.path("failed_tasks"))));
        }
        h.append(". Generated ").append(esc(r.path("generated_at").asText())).append(".</p>");

        JsonNode ev = r.path("events");
        h.append("<h2>Events</h2><p>The event table <code>")
                .append(esc(ev.path("table").asText()))
                .append("</code> holds ")
                .append(String.format("%,d", ev.path("total").asLong()))
                .append(" events, ")
                .append(String.format("%,d", ev.path("new").asLong()))
                .append(" of them new since the published models were trained (on ")
                .append(String.format("%,d", ev.path("baseline").asLong()))
                .append(").</p><table><tr><th class=\"l\">sample</th><th>events</th><th>new</th></tr>");
        ev.path("per_sample")
                .fields()
                .forEachRemaining(e -> h.append("<tr><td class=\"l\">")
                        .append(esc(e.getKey()))
                        .append("</td><td>")
                        .append(String.format("%,d", e.getValue().asLong()))
                        .append("</td><td>")
                        .append(String.format(
                                "%,d",
                                ev.path("new_per_sample").path(e.getKey()).asLong()))
                        .append("</td></tr>"));
        h.append("</table>");

        h.append("<h2>Selection and samples</h2><table><tr><th class=\"l\">class</th><th>read</th><th>selected</th>"
                + "<th>efficiency</th><th>balanced</th><th>train</th><th>test</th></tr>");
        r.path("counts").fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            h.append("<tr><td class=\"l\">")
                    .append(esc(e.getKey()))
                    .append("</td><td>")
                    .append(String.format("%,d", c.path("read").asLong()))
                    .append("</td><td>")
                    .append(String.format("%,d", c.path("selected").asLong()))
                    .append("</td><td>")
                    .append(String.format(
                            "%.3f", r.path("selection").path(e.getKey()).asDouble()))
                    .append("</td><td>")
                    .append(String.format("%,d", c.path("balanced").asLong()))
                    .append("</td><td>")
                    .append(String.format("%,d", c.path("train").asLong()))
                    .append("</td><td>")
                    .append(String.format("%,d", c.path("test").asLong()))
                    .append("</td></tr>");
        });
        h.append("</table>");

        h.append("<h2>Grid search <small>validation ttbar AUC, best first</small></h2><table><tr>"
                + "<th>#</th><th>batch</th><th>epochs</th><th>widths</th><th>learning rate</th><th>AUC</th>"
                + "<th>&plusmn;</th><th>seconds</th><th class=\"l\">status</th></tr>");
        for (JsonNode g : r.path("grid")) {
            h.append("<tr><td>")
                    .append(g.path("index").asInt())
                    .append("</td><td>")
                    .append(g.path("batch_size").asInt())
                    .append("</td><td>")
                    .append(g.path("epochs").asInt())
                    .append("</td><td>")
                    .append(g.path("h1").asInt())
                    .append('/')
                    .append(g.path("h2").asInt())
                    .append('/')
                    .append(g.path("h3").asInt())
                    .append("</td><td>")
                    .append(g.path("learning_rate").asDouble())
                    .append("</td><td>")
                    .append(num(g.path("val_auc_ttbar_mean")))
                    .append("</td><td>")
                    .append(num(g.path("val_auc_ttbar_std")))
                    .append("</td><td>")
                    .append(String.format("%.1f", g.path("seconds").asDouble()))
                    .append("</td><td class=\"l\">")
                    .append(esc(g.path("status").asText()))
                    .append(g.hasNonNull("error") ? ": " + esc(g.get("error").asText()) : "")
                    .append("</td></tr>");
        }
        h.append("</table>");

        h.append("<h2>Models <small>on this run's test set</small></h2><table><tr><th class=\"l\">model</th>");
        CLASSES.forEach(c -> h.append("<th>AUC ").append(esc(c)).append("</th>"));
        h.append("<th>accuracy</th><th>epochs</th><th class=\"l\">particle order</th><th>train events/s</th>"
                + "<th class=\"l\">published</th></tr>");
        for (JsonNode m : r.path("models")) {
            h.append("<tr><td class=\"l\">")
                    .append(esc(m.path("kind").asText()))
                    .append("</td>");
            CLASSES.forEach(
                    c -> h.append("<td>").append(num(m.path("auc").path(c))).append("</td>"));
            h.append("<td>")
                    .append(num(m.path("accuracy")))
                    .append("</td><td>")
                    .append(m.path("epochs_run").asInt())
                    .append("</td><td class=\"l\">")
                    .append(esc(m.path("particle_order").asText("-")))
                    .append("</td><td>")
                    .append(String.format(
                            "%,.0f", m.path("training_events_per_second").asDouble()))
                    .append("</td><td class=\"l ")
                    .append(m.path("published").asBoolean() ? "ok\">yes" : "no\">no")
                    .append("</td></tr>");
        }
        h.append("</table>");
        for (JsonNode m : r.path("models")) {
            model(h, m, folder);
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void model(StringBuilder h, JsonNode m, Path folder) {
        h.append("<h2>")
                .append(esc(m.path("kind").asText()))
                .append(" <small>")
                .append(esc(m.path("version").asText("not trained")))
                .append("</small></h2><p>");
        h.append(
                        m.path("published").asBoolean()
                                ? "<b class=\"ok\">Published</b>: "
                                : "<b class=\"no\">Not published</b>: ")
                .append(esc(m.path("why").asText()))
                .append("</p>");
        if (m.path("version").isTextual()) {
            h.append(String.format(
                    "<p>%d epochs (at most %d; best validation loss at epoch %d%s), %,d training events per epoch,"
                            + " %,.0f events/s; %,d test events.</p>",
                    m.path("epochs_run").asInt(),
                    m.path("max_epochs").asInt(),
                    m.path("best_epoch").asInt(),
                    m.path("stopped_early").asBoolean() ? ", stopped early" : "",
                    m.path("train_events").asLong(),
                    m.path("training_events_per_second").asDouble(),
                    m.path("test_events").asLong()));
        }
        JsonNode conf = m.path("confusion");
        if (conf.isArray() && conf.size() == CLASSES.size()) {
            h.append("<table><tr><th class=\"l\">true \\ predicted</th>");
            CLASSES.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
            h.append("</tr>");
            for (int i = 0; i < CLASSES.size(); i++) {
                h.append("<tr><th class=\"l\">").append(esc(CLASSES.get(i))).append("</th>");
                for (JsonNode v : conf.get(i)) {
                    h.append("<td>").append(String.format("%,d", v.asLong())).append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</table>");
        }
        for (String plot : List.of("roc_png", "loss_png")) {
            if (m.path(plot).isTextual()) {
                h.append("<img alt=\"")
                        .append(esc(m.path("kind").asText() + " " + plot))
                        .append("\" src=\"data:image/png;base64,")
                        .append(base64(folder.resolve(m.get(plot).asText())))
                        .append("\">");
            }
        }
    }

    private static String base64(Path png) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(png));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plot " + png, e);
        }
    }

    private static String num(JsonNode n) {
        return n.isNumber() ? String.format("%.4f", n.asDouble()) : "&ndash;";
    }

    private static String join(JsonNode list) {
        StringBuilder sb = new StringBuilder();
        list.forEach(x -> sb.append(sb.length() == 0 ? "" : ", ").append(x.asText()));
        return sb.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
