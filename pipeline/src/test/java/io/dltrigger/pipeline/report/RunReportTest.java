package io.dltrigger.pipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's report from what its tasks left, in the shapes the stages write them: the report.json fields the issue
 * asks for, a model that failed to train saying why (the failed task and its last words), plots copied beside the
 * report and embedded in a page that fetches nothing.
 */
class RunReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path png(String name) throws Exception {
        Path p = dir.resolve("eval").resolve(name);
        Files.createDirectories(p.getParent());
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
        return p;
    }

    private JsonNode context() throws Exception {
        String roc = png("roc.png").toString();
        String loss = png("loss.png").toString();
        return JSON.readTree(("""
                {"run_id": "manual__1", "dag_id": "retrain",
                 "outputs": {
                   "snapshot": {"table": "/w/events", "total": 28000, "per_sample": {"qcd": 20000, "ttbar": 4000, "wjets": 4000},
                                "new": 28000, "new_per_sample": {"qcd": 20000, "ttbar": 4000, "wjets": 4000}, "baseline": 0},
                   "best": {"best": {"model": "HLF"}, "grid": [
                     {"index": 1, "batch_size": 64, "epochs": 5, "h1": 150, "h2": 20, "h3": 10, "learning_rate": 0.001,
                      "val_auc_ttbar_mean": 0.95, "val_auc_ttbar_std": 0.01, "seconds": 3.0, "status": "ok", "error": null},
                     {"index": 0, "batch_size": 64, "epochs": 5, "h1": 50, "h2": 20, "h3": 10, "learning_rate": 0.001,
                      "val_auc_ttbar_mean": 0.94, "val_auc_ttbar_std": 0.01, "seconds": 2.0, "status": "ok", "error": null}]},
                   "train_hlf": {"kind": "HLF", "version": "v-hlf", "epochs_run": 31, "max_epochs": 100, "best_epoch": 21,
                                 "stopped_early": true, "train_events": 5000, "events_per_second": 12000.5,
                                 "particle_order": "none"},
                   "train_inclusive": {"kind": "INCLUSIVE", "version": "v-incl", "epochs_run": 12, "max_epochs": 50,
                                       "best_epoch": 10, "stopped_early": true, "train_events": 5000,
                                       "events_per_second": 900.0, "particle_order": "DELTA_R_DESCENDING_CLOSEST_LAST"},
                   "evaluate_hlf": {"auc": {"QCD": 0.95, "ttbar": 0.963, "W+jets": 0.95}, "accuracy": 0.86,
                                    "confusion": [[400, 40, 30], [20, 440, 10], [35, 15, 420]], "test_events": 1410,
                                    "roc_png": "ROC", "loss_png": "LOSS", "train_loss": [0.9, 0.5], "validation_loss": [0.8, 0.6]},
                   "publish_hlf": {"published": true, "reason": "the first HLF model (ttbar AUC 0.9630)"}
                 },
                 "upstream": {
                   "snapshot": {"state": "success", "try_number": 1, "max_tries": 1},
                   "train_hlf": {"state": "success", "try_number": 1, "max_tries": 2},
                   "train_sequence": {"state": "failed", "try_number": 2, "max_tries": 2,
                                      "message": "exit code 1: dltrigger train: learning rate must be > 0, got -1.0"},
                   "evaluate_sequence": {"state": "upstream_failed", "try_number": 0, "max_tries": 2},
                   "train_inclusive": {"state": "success", "try_number": 1, "max_tries": 2},
                   "evaluate_inclusive": {"state": "success", "try_number": 1, "max_tries": 2}
                 }}
                """)
                .replace("\"ROC\"", JSON.writeValueAsString(roc))
                .replace("\"LOSS\"", JSON.writeValueAsString(loss)));
    }

    private Path features() throws Exception {
        Path f = dir.resolve("features");
        Files.createDirectories(f);
        Files.writeString(f.resolve("summary.json"), """
                {"events_read": 28000, "events_selected": 7000, "train_events": 4600, "test_events": 1150,
                 "classes": {"0": {"sample": "qcd", "read": 20000, "selected": 2400, "efficiency": 0.12, "balanced": 1900, "train": 1530, "test": 370},
                             "1": {"sample": "ttbar", "read": 4000, "selected": 2320, "efficiency": 0.58, "balanced": 1900, "train": 1520, "test": 380},
                             "2": {"sample": "wjets", "read": 4000, "selected": 2920, "efficiency": 0.73, "balanced": 1900, "train": 1550, "test": 350}}}
                """);
        return f;
    }

    @Test
    void theReportHasWhatTheIssueAsksAndSaysWhyAModelWasNotPublished() throws Exception {
        RunReport report = RunReport.of(context(), features());
        Map<String, String> files = ReportWriter.write(report, dir.resolve("run"));

        JsonNode r = JSON.readTree(dir.resolve("run/report.json").toFile());
        assertEquals("retrain", r.at("/dag_run/dag").asText());
        assertEquals("manual__1", r.at("/dag_run/run_id").asText());
        assertEquals("failed", r.at("/dag_run/state").asText(), "a task failed");
        assertEquals(28000, r.at("/events/total").asLong());
        assertEquals(28000, r.at("/events/new").asLong());
        assertEquals(4000, r.at("/events/per_sample/ttbar").asLong());
        assertEquals(0.58, r.at("/selection/ttbar").asDouble());
        assertEquals(1900, r.at("/counts/QCD/balanced").asLong());
        assertEquals(2, r.at("/grid").size());
        assertEquals(3, r.at("/models").size());

        JsonNode hlf = r.at("/models/0");
        assertEquals("HLF", hlf.get("kind").asText());
        assertEquals("v-hlf", hlf.get("version").asText());
        assertEquals(0.963, hlf.at("/auc/ttbar").asDouble());
        assertTrue(hlf.get("published").asBoolean());
        assertEquals("report/hlf-roc.png", hlf.get("roc_png").asText(), "relative to the report's folder");
        assertTrue(Files.isRegularFile(
                dir.resolve("run").resolve(hlf.get("loss_png").asText())));
        assertEquals(31, hlf.get("epochs_run").asInt());
        assertEquals(12000.5, hlf.get("training_events_per_second").asDouble());
        assertEquals("none", hlf.get("particle_order").asText(), "HLF reads no particles");
        assertEquals(
                "DELTA_R_DESCENDING_CLOSEST_LAST",
                r.at("/models/2/particle_order").asText(),
                "the order the inclusive model's training said it read");
        assertTrue(r.at("/models/1/particle_order").isNull(), "a model that was not trained read nothing");

        JsonNode seq = r.at("/models/1");
        assertFalse(seq.get("published").asBoolean());
        assertEquals(
                "train_sequence failed after 2 of 2 tries: exit code 1: dltrigger train: learning rate must be > 0,"
                        + " got -1.0",
                seq.get("why").asText());
        assertTrue(
                r.at("/models/2/why").asText().startsWith("publish_inclusive did not run"),
                r.at("/models/2/why").asText());

        String html = Files.readString(dir.resolve("run/report.html"));
        assertTrue(html.contains("data:image/png;base64,"), "plots embedded");
        assertFalse(
                html.contains("src=\"http") || html.contains("href=") || html.contains("<script"),
                "nothing fetched, no script");
        assertTrue(html.contains("learning rate must be &gt; 0"), "the reason, escaped");
        assertTrue(html.contains("<td class=\"l\">DELTA_R_DESCENDING_CLOSEST_LAST</td>"), "the order in the table");
        assertEquals(dir.resolve("run/report.html").toAbsolutePath().toString(), files.get("report.html"));
        assertTrue(files.containsKey("report-hlf-roc.png"), files.keySet().toString());
        assertTrue(report.summaryText().contains("not published: train_sequence failed"), report.summaryText());
        assertTrue(
                report.summaryText().contains("particle order DELTA_R_DESCENDING_CLOSEST_LAST"), report.summaryText());
    }
}
