package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.engine.model.TaskProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The progress file of a try: the task writes {@code {"done": n, "total": m, "unit": "events", "message": "..."}}
 * to {@code $DLTRIGGER_PROGRESS} (whole, by a rename) as often as it likes; the engine reads it when asked (the
 * CLI's live lines, the REST API, the UI). A missing or half-written file is simply no progress.
 */
public final class ProgressFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProgressFile() {}

    public static Optional<TaskProgress> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            if (n == null || !n.path("done").isNumber()) {
                return Optional.empty();
            }
            return Optional.of(new TaskProgress(
                    n.get("done").asLong(),
                    n.path("total").asLong(0),
                    n.path("unit").asText(""),
                    n.path("message").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The progress file beside a try's log. */
    public static Path of(String logPath) {
        return new TryFiles(0, 0, "", Path.of(logPath)).progressFile();
    }
}
