package io.dltrigger.filter.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dltrigger.contract.KeepThreshold;
import io.dltrigger.contract.ModelRegistryContract;
import io.dltrigger.contract.Scaler;
import io.dltrigger.features.config.FeaturesConfig;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.registry.ModelDir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * One registry version, loaded for scoring: the network, the scaler and the features configuration it was trained
 * with (the features run's summary, copied into the version folder), and the keep threshold chosen when it was
 * published. Whatever is missing or unreadable fails the load naming the file: a model is used whole or not at all.
 */
public record FilterModel(
        String version,
        ModelKind kind,
        ComputationGraph network,
        Scaler scaler,
        FeaturesConfig features,
        KeepThreshold threshold) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ModelDir versionDir(Path registry, String version) {
        if (version.isBlank() || version.contains("/") || version.startsWith(".")) {
            throw new IllegalArgumentException("not a registry version: '" + version + "'");
        }
        return new ModelDir(registry.resolve(ModelRegistryContract.MODELS_DIR).resolve(version));
    }

    public static FilterModel load(Path registry, String version) throws IOException {
        ModelDir dir = versionDir(registry, version);
        if (!Files.isDirectory(dir.dir())) {
            throw new IOException("model " + version + ": no folder " + dir.dir());
        }
        Path scaler = require(dir, ModelDir.SCALER);
        Path features = require(dir, ModelDir.FEATURES_SUMMARY);
        Path threshold = require(dir, KeepThreshold.FILE);
        Scaler s;
        try (InputStream in = Files.newInputStream(scaler)) {
            s = Scaler.read(in, scaler.toString());
        }
        FeaturesConfig f = featuresConfig(features);
        if (s.particleOrder() != f.particleOrder() || s.maxParticles() != f.cuts().maxParticles()) {
            throw new IOException("model " + version + ": its scaler was fitted on particles in order "
                    + s.particleOrder() + " (at most " + s.maxParticles() + ") but its features summary says "
                    + f.particleOrder() + " (at most " + f.cuts().maxParticles() + ")");
        }
        return new FilterModel(version, dir.kind(), dir.network(), s, f, KeepThreshold.read(threshold));
    }

    /** The configuration the features stage recorded in its summary: every option, read strictly. */
    static FeaturesConfig featuresConfig(Path summary) throws IOException {
        JsonNode config = JSON.readTree(summary.toFile()).get("config");
        if (config == null) {
            throw new IOException(summary + " has no 'config': the features configuration the model was trained with");
        }
        try {
            return JSON.treeToValue(config, FeaturesConfig.class);
        } catch (IOException | IllegalArgumentException e) {
            // an option this filter does not know would change the features: refuse rather than ignore it
            throw new IOException("cannot use the features configuration in " + summary + ": " + e.getMessage(), e);
        }
    }

    private static Path require(ModelDir dir, String name) throws IOException {
        Path p = dir.dir().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IOException("model " + dir.version() + " has no " + name + " (" + p + ")"
                    + (name.equals(KeepThreshold.FILE) ? ": publish it to choose its threshold" : ""));
        }
        return p;
    }
}
