package io.dltrigger.engine.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.engine.model.TaskAction;
import io.dltrigger.engine.template.Template;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One poke of a sensor: is its file there (a path or a glob), or does the upstream output hold the value? */
public final class SensorCheck {
    private SensorCheck() {}

    public static boolean satisfied(TaskAction.Sensor s, JsonNode ctx) {
        if (s.file() != null) {
            return fileExists(Template.render(s.file(), ctx));
        }
        List<String> path = new ArrayList<>(List.of("outputs", s.outputTask()));
        for (String seg : s.outputPath().split("\\.")) {
            if (!seg.isEmpty()) {
                path.add(seg);
            }
        }
        try {
            return Template.resolve(path, ctx).asText().equals(s.equals());
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
