package io.dltrigger.pipeline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a run's report into its run folder: the plots under {@code report/}, then {@code report.json},
 * {@code report.txt} and {@code report.html}, each under a temporary name and renamed, so a reader never sees
 * half a report. Returns the files as artifacts (name -> absolute path) for the engine's UI.
 */
public final class ReportWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    public static Map<String, String> write(RunReport report, Path runDir) throws IOException {
        Path dir = runDir.toAbsolutePath();
        Files.createDirectories(dir.resolve("report"));
        Map<String, String> artifacts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> plot : report.plots().entrySet()) {
            Path target = dir.resolve(plot.getKey());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
            Files.copy(plot.getValue(), tmp, StandardCopyOption.REPLACE_EXISTING); // an evaluation wrote it
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            artifacts.put(plot.getKey().replace('/', '-'), target.toString());
        }
        atomically(dir.resolve("report.json"), JSON.writeValueAsString(report.json()));
        atomically(dir.resolve("report.txt"), report.summaryText());
        atomically(dir.resolve("report.html"), ReportHtml.render(report.json(), dir));
        artifacts.put("report.html", dir.resolve("report.html").toString());
        artifacts.put("report.json", dir.resolve("report.json").toString());
        artifacts.put("report.txt", dir.resolve("report.txt").toString());
        return artifacts;
    }

    private static void atomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
