package io.dltrigger.ingest.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The committed dead-letter records (visible {@code quarantine-*.jsonl} files). */
public final class Quarantine {
    private Quarantine() {}

    public static List<JsonNode> read(Path dir) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return records;
        }
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("quarantine-"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(p)) {
                    records.add(json.readTree(line));
                }
            }
        }
        return records;
    }
}
