package io.dltrigger.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dltrigger.contract.ScoredTableContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether the stream filter uses a published model: its adoption log ({@code SCORED/_models/*.json}, one record per
 * model the stream started using, written once the checkpoint of the switch completed) names the version, the Flink
 * job and the checkpoint from which the stream scored with it.
 */
final class StreamAdoptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamAdoptions() {}

    /** The adoptions recorded under the scored table; none when there is no table. */
    static List<ScoredTableContract.Adoption> read(Path scored) {
        List<ScoredTableContract.Adoption> out = new ArrayList<>();
        Path dir = scored == null ? null : scored.resolve(ScoredTableContract.ADOPTIONS_FOLDER);
        if (dir == null || !Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(".") && name.endsWith(".json")) {
                    out.add(ScoredTableContract.decodeAdoption(Files.readString(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stream filter's adoptions in " + dir, e);
        }
        return out;
    }

    /**
     * The stream's use of the report's model {@code m}: for a published model, the first adoption of its version
     * (by completion time), or that it has not been adopted yet; null for a model not published.
     */
    static JsonNode of(JsonNode m, List<ScoredTableContract.Adoption> adoptions, Path scored) {
        if (!m.path("published").asBoolean() || !m.path("version").isTextual()) {
            return null;
        }
        String version = m.get("version").asText();
        Optional<ScoredTableContract.Adoption> first = adoptions.stream()
                .filter(a -> a.version().equals(version))
                .min(Comparator.comparing(ScoredTableContract.Adoption::completedAt));
        ObjectNode s = JSON.createObjectNode();
        s.put("scored_table", scored == null ? null : scored.toString());
        s.put("adopted", first.isPresent());
        if (first.isPresent()) {
            ScoredTableContract.Adoption a = first.get();
            s.put("checkpoint", a.checkpoint());
            s.put("job_id", a.jobId());
            s.put("previous_version", a.previousVersion());
            s.put("completed_at", a.completedAt());
            s.put(
                    "text",
                    a.checkpoint() == 0
                            ? "the stream filter scored with it from the start of Flink job " + a.jobId() + " ("
                                    + a.completedAt() + ")"
                            : "the stream filter scored with it from checkpoint " + a.checkpoint() + " of Flink job "
                                    + a.jobId() + " on (completed " + a.completedAt() + "; before it: "
                                    + a.previousVersion() + ")");
        } else {
            s.put(
                    "text",
                    "not adopted by the stream filter yet"
                            + (scored == null || !Files.isDirectory(scored)
                                    ? " (no scored table" + (scored == null ? "" : " at " + scored) + ")"
                                    : " (no record of it in " + scored.resolve(ScoredTableContract.ADOPTIONS_FOLDER)
                                            + ")"));
        }
        return s;
    }
}
