package io.dltrigger.filter.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.registry.ModelDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which version of a kind the registry publishes: the version named by the registry's pointer, which the registry
 * replaces by an atomic rename after the version's folder is complete. Reading the pointer and then loading that
 * version's folder never sees a half-published model.
 */
public final class PublishedModels {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String POINTER = "current.json";

    private PublishedModels() {}

    /** The published version of {@code kind}, if the registry publishes one. */
    public static Optional<String> current(Path registry, ModelKind kind) throws IOException {
        Path pointer = registry.resolve(POINTER);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        JsonNode n = JSON.readTree(pointer.toFile());
        JsonNode version = n == null ? null : n.get("version");
        if (version == null || !version.isTextual()) {
            throw new IOException(pointer + " names no version");
        }
        ModelDir dir = FilterModel.versionDir(registry, version.asText());
        return dir.kind() == kind ? Optional.of(version.asText()) : Optional.empty();
    }
}
