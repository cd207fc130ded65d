package io.dltrigger.training.registry;

import io.dltrigger.contract.ModelRegistryContract;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.ModelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned models under {@code ROOT/models/VERSION/} and, per model kind, the published one named by
 * {@code ROOT/current-KIND.json} ({@link ModelRegistryContract}), replaced by an atomic rename. A candidate is
 * published only if its ttbar AUC beats the current model of its kind on the same test set, both scored here and
 * now (stored metrics may come from a different test set).
 */
public final class ModelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);
    private final Path root;

    public ModelRegistry(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path newVersionPath(String kind) throws IOException {
        Files.createDirectories(root.resolve(ModelRegistryContract.MODELS_DIR));
        String v = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + kind.toLowerCase()
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        return root.resolve(ModelRegistryContract.MODELS_DIR).resolve(v);
    }

    /** The published model of {@code kind}, if any. */
    public Optional<ModelDir> current(ModelKind kind) {
        return ModelRegistryContract.current(root, kind.name())
                .map(c -> new ModelDir(
                        root.resolve(ModelRegistryContract.MODELS_DIR).resolve(c.version())));
    }

    /**
     * The outcome of a publish step: both AUCs on the test set, whether the kind's pointer moved, and why.
     *
     * @param currentVersion the model it was compared with (null: there was none)
     */
    public record Decision(
            boolean published,
            double candidateAuc,
            Double currentAuc,
            String currentVersion,
            String testData,
            String reason) {}

    public Decision publishIfBetter(ModelDir candidate, List<FeatureSplit> test, String testDataVersion, int poolEvents)
            throws IOException {
        if (!candidate
                .dir()
                .toAbsolutePath()
                .normalize()
                .getParent()
                .equals(root.resolve(ModelRegistryContract.MODELS_DIR)
                        .toAbsolutePath()
                        .normalize())) {
            throw new IllegalArgumentException(candidate.dir() + " is not a version of the registry " + root
                    + " (expected under " + root.resolve(ModelRegistryContract.MODELS_DIR) + ")");
        }
        ModelKind kind = candidate.kind();
        double cand = ttbarAuc(candidate, test, poolEvents);
        Optional<ModelDir> cur = current(kind);
        Double curAuc = cur.isPresent() ? ttbarAuc(cur.get(), test, poolEvents) : null;
        boolean better = curAuc == null || cand > curAuc;
        String reason = curAuc == null
                ? String.format("the first %s model (ttbar AUC %.4f)", kind, cand)
                : String.format(
                        "%s: ttbar AUC %.4f %s %.4f of the current model %s on this test set",
                        better ? "better" : "not better",
                        cand,
                        better ? ">" : "<=",
                        curAuc,
                        cur.get().version());
        if (better) {
            ModelDir.Provenance p = candidate.provenance();
            ModelRegistryContract.publish(
                    root,
                    new ModelRegistryContract.Current(
                            kind.name(),
                            candidate.version(),
                            cand,
                            testDataVersion,
                            p.eventTableRows() == null ? 0 : p.eventTableRows(),
                            p.eventTablePerSample() == null ? Map.of() : p.eventTablePerSample(),
                            Instant.now().toString()));
        }
        LOG.info("publish {}: {} -> {}", candidate.version(), reason, better ? "published" : "kept current");
        return new Decision(better, cand, curAuc, cur.map(ModelDir::version).orElse(null), testDataVersion, reason);
    }

    private static double ttbarAuc(ModelDir m, List<FeatureSplit> test, int poolEvents) throws IOException {
        return Scoring.predict(m.network(), m.kind(), test, Holdout.ALL, poolEvents)
                .roc(1)
                .auc();
    }
}
