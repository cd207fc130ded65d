package io.dltrigger.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.template.Template;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code sensor}: pokes on a timer, without holding a worker, until its file exists (a path or a glob) or
 * an upstream output holds the value. A sensor left RUNNING by a dead engine is re-queued.
 */
public final class SensorLauncher implements Launcher<TaskAction.Sensor> {
    private static final Logger LOG = LoggerFactory.getLogger(SensorLauncher.class);

    @Override
    public Class<TaskAction.Sensor> type() {
        return TaskAction.Sensor.class;
    }

    @Override
    public Work prepare(TaskAction.Sensor s, TryStart start) {
        JsonNode vars = start.vars();
        try {
            ProcessRunner.appendLog(
                    start.files(),
                    "[engine] " + Instant.now() + " sensor " + start.files().label() + " poking every "
                            + s.pokeInterval() + "\n");
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("cannot write sensor log {}", start.files().logFile(), e); // the sensor works without it
        }
        return new Work.Polling(s.pokeInterval(), () -> {
            try {
                return satisfied(s, vars) ? Optional.of(Outcome.succeeded(null, null)) : Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(Outcome.fatal("sensor: " + e.getMessage()));
            }
        });
    }

    /** One poke: is the file there, or does the upstream output hold the value? */
    static boolean satisfied(TaskAction.Sensor s, JsonNode vars) {
        if (s.file() != null) {
            return fileExists(Template.render(s.file(), vars));
        }
        List<String> path = new ArrayList<>(List.of("outputs", s.outputTask()));
        for (String seg : s.outputPath().split("\\.")) {
            if (!seg.isEmpty()) {
                path.add(seg);
            }
        }
        try {
            return Template.resolve(path, vars).asText().equals(s.equals());
        } catch (RuntimeException absent) {
            return false; // the output doesn't hold the value (yet)
        }
    }

    static boolean fileExists(String pattern) {
        if (!pattern.matches(".*[*?\\[{].*")) {
            return Files.exists(Path.of(pattern));
        }
        Path base = Path.of(pattern.startsWith("/") ? "/" : "");
        for (String part : pattern.split("/")) {
            if (part.matches(".*[*?\\[{].*")) {
                break;
            }
            if (!part.isEmpty()) {
                base = base.resolve(part);
            }
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        if (!Files.isDirectory(base)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(base, 16)) {
            return s.anyMatch(m::matches);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
