package io.dltrigger.training.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.eval.Scoring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned models under {@code ROOT/models/VERSION/} and the published one named by {@code ROOT/current.json},
 * replaced by an atomic rename. A candidate is published only if its ttbar AUC beats the current model's on the
 * same test set, both scored here and now (stored metrics may come from a different test set).
 */
public final class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private static final String CURRENT = "current.json";
    private final Path root;

    public ModelRegistry(Path root) {
        this.root = root;
    }

    public Path newVersionPath(String kind) throws IOException {
        Files.createDirectories(root.resolve("models"));
        String v = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + kind.toLowerCase()
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        return root.resolve("models").resolve(v);
    }

    public Optional<ModelDir> current() throws IOException {
        Path p = root.resolve(CURRENT);
        if (!Files.exists(p)) {
            return Optional.empty();
        }
        JsonNode n = ModelDir.JSON.readTree(p.toFile());
        return Optional.of(
                new ModelDir(root.resolve("models").resolve(n.get("version").asText())));
    }

    /** The outcome of a publish step: both AUCs on the test set, and whether the pointer moved. */
    public record Decision(boolean published, double candidateAuc, Double currentAuc, String testData) {}

    public Decision publishIfBetter(ModelDir candidate, List<FeatureSplit> test, String testDataVersion, int poolEvents)
            throws IOException {
        if (!candidate
                .dir()
                .toAbsolutePath()
                .normalize()
                .getParent()
                .equals(root.resolve("models").toAbsolutePath().normalize())) {
            throw new IllegalArgumentException(candidate.dir() + " is not a version of the registry " + root
                    + " (expected under " + root.resolve("models") + ")");
        }
        double cand = ttbarAuc(candidate, test, poolEvents);
        Optional<ModelDir> cur = current();
        Double curAuc = cur.isPresent() ? ttbarAuc(cur.get(), test, poolEvents) : null;
        boolean better = curAuc == null || cand > curAuc;
        if (better) {
            AtomicFiles.writeString(
                    root.resolve(CURRENT),
                    ModelDir.JSON.writeValueAsString(
                            Map.of("version", candidate.version(), "ttbarAuc", cand, "testData", testDataVersion)));
        }
        LOG.info(
                "publish {}: candidate ttbar AUC {}, current {} -> {}",
                candidate.version(),
                cand,
                curAuc == null ? "none" : curAuc,
                better ? "published" : "kept current");
        return new Decision(better, cand, curAuc, testDataVersion);
    }

    private static double ttbarAuc(ModelDir m, List<FeatureSplit> test, int poolEvents) throws IOException {
        return Scoring.predict(m.network(), m.kind(), test, Holdout.ALL, poolEvents)
                .roc(1)
                .auc();
    }
}
