package io.dltrigger.pipeline.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
            atomically(target, Files.readAllBytes(plot.getValue())); // an evaluation wrote it
            artifacts.put(plot.getKey().replace('/', '-'), target.toString());
        }
        atomically(dir.resolve("report.json"), JSON.writeValueAsBytes(report.json()));
        atomically(dir.resolve("report.txt"), report.summaryText().getBytes(StandardCharsets.UTF_8));
        atomically(
                dir.resolve("report.html"),
                ReportHtml.render(report.json(), dir).getBytes(StandardCharsets.UTF_8));
        artifacts.put("report.html", dir.resolve("report.html").toString());
        artifacts.put("report.json", dir.resolve("report.json").toString());
        artifacts.put("report.txt", dir.resolve("report.txt").toString());
        return artifacts;
    }

    private static void atomically(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
