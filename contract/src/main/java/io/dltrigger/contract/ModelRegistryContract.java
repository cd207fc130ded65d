package io.dltrigger.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The model registry as other stages see it (written by dl4j-training, read by the pipeline's trigger and
 * report): versions under {@code REGISTRY/models/VERSION/}, and per model kind the published one named by
 * {@code REGISTRY/current-KIND.json} ({@link Current}), replaced by an atomic rename. The pointer carries how many
 * events the event table held when the model's features were built, so that "new events since the published
 * models" needs no model to be opened.
 */
public final class ModelRegistryContract {
    public static final String MODELS_DIR = "models";
    /** The model kinds of the paper, as their pointers name them. */
    public static final List<String> KINDS = List.of("HLF", "SEQUENCE", "INCLUSIVE");

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ModelRegistryContract() {}

    /**
     * The published model of one kind.
     *
     * @param ttbarAuc its ttbar AUC on the test set it was published on ({@code testData}, a manifest hash)
     * @param eventTableRows events in the event table when its features were built
     * @param eventTablePerSample the same, per sample
     */
    public record Current(
            String kind,
            String version,
            double ttbarAuc,
            String testData,
            long eventTableRows,
            Map<String, Long> eventTablePerSample,
            String publishedAt) {}

    public static Path currentFile(Path registry, String kind) {
        return registry.resolve("current-" + kind.toLowerCase(Locale.ROOT) + ".json");
    }

    public static Optional<Current> current(Path registry, String kind) {
        Path f = currentFile(registry, kind);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), Current.class));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable model pointer " + f, e);
        }
    }

    /** The published model of every kind that has one. */
    public static List<Current> currents(Path registry) {
        List<Current> out = new ArrayList<>();
        for (String kind : KINDS) {
            current(registry, kind).ifPresent(out::add);
        }
        return out;
    }

    /** Points the kind's pointer at {@code c.version()}: written under a temporary name, then renamed. */
    public static void publish(Path registry, Current c) {
        Path f = currentFile(registry, c.kind());
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        try {
            Files.createDirectories(registry);
            JSON.writeValue(tmp.toFile(), c);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish " + c.version() + " to " + f, e);
        }
    }
}
