package io.dltrigger.training.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.eval.Metrics;
import io.dltrigger.training.eval.Plots;
import io.dltrigger.training.eval.Predictions;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trained model as a directory: {@code model.zip} (DL4J, without updater state), {@code feature-spec.json}
 * (the inputs it expects), {@code scaler.json} and {@code features-summary.json} (the features stage's scaler and
 * summary with its configuration, copied), {@code config.json},
 * {@code metrics.json}, {@code provenance.json} (data and code versions) and the plots.
 */
public record ModelDir(Path dir) {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    public static final String MODEL = "model.zip";
    public static final String SPEC = "feature-spec.json";
    public static final String SCALER = "scaler.json";
    public static final String CONFIG = "config.json";
    public static final String METRICS = "metrics.json";
    public static final String PROVENANCE = "provenance.json";
    /** The features run's summary.json, copied: the features configuration the model was trained with. */
    public static final String FEATURES_SUMMARY = "features-summary.json";

    /**
     * Data version: manifest hashes of the datasets used; code version: git describe or "unknown"; the events the
     * event table held when the features were built (from their summary; null when unknown), in all and per sample.
     */
    public record Provenance(
            String trainData,
            String testData,
            String codeVersion,
            String createdAt,
            Long eventTableRows,
            Map<String, Long> eventTablePerSample) {}

    public ComputationGraph network() throws IOException {
        return ModelSerializer.restoreComputationGraph(dir.resolve(MODEL).toFile(), false);
    }

    public ModelKind kind() throws IOException {
        return ModelKind.valueOf(
                JSON.readTree(dir.resolve(SPEC).toFile()).get("model").asText());
    }

    public HyperParams hyperParams() throws IOException {
        return JSON.readValue(dir.resolve(CONFIG).toFile(), HyperParams.class);
    }

    public Metrics metrics() throws IOException {
        return JSON.readValue(dir.resolve(METRICS).toFile(), Metrics.class);
    }

    public Provenance provenance() throws IOException {
        return JSON.readValue(dir.resolve(PROVENANCE).toFile(), Provenance.class);
    }

    public String version() {
        return dir.getFileName().toString();
    }

    /** Writes a complete model directory under a temporary name, then renames it to {@code target}. */
    public static ModelDir write(
            Path target,
            ComputationGraph net,
            HyperParams params,
            Metrics metrics,
            Provenance provenance,
            Path scaler,
            Predictions test)
            throws IOException {
        Path tmp = AtomicFiles.tempSibling(target);
        Files.createDirectories(tmp);
        ModelSerializer.writeModel(net, tmp.resolve(MODEL).toFile(), false);
        JSON.writeValue(tmp.resolve(SPEC).toFile(), spec(params.model(), particlePreparation(scaler)));
        JSON.writeValue(tmp.resolve(CONFIG).toFile(), params);
        JSON.writeValue(tmp.resolve(METRICS).toFile(), metrics);
        JSON.writeValue(tmp.resolve(PROVENANCE).toFile(), provenance);
        if (scaler != null && Files.exists(scaler)) {
            Files.copy(scaler, tmp.resolve(SCALER));
            // its summary beside it says how the features were built, for whoever builds them again (the filter)
            Path summary = scaler.resolveSibling("summary.json");
            if (Files.exists(summary)) {
                Files.copy(summary, tmp.resolve(FEATURES_SUMMARY));
            }
        }
        writePlots(tmp, metrics, test);
        Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new ModelDir(target);
    }

    /** loss.png (training and validation loss per epoch) and roc.png (the three one-vs-rest curves). */
    public static void writePlots(Path dir, Metrics metrics, Predictions test) throws IOException {
        Plots.lossCurves(metrics.trainLoss(), metrics.validationLoss(), dir.resolve("loss.png"));
        Plots.rocCurves(test, dir.resolve("roc.png"));
    }

    /**
     * The particle order the model read its particle lists in, as the features stage recorded it in scaler.json;
     * "none" for a model that reads no particles (HLF: the features table's order says nothing about it),
     * "unrecorded" for a features table that does not say. A report names the model's order from it.
     */
    public String particleOrder() throws IOException {
        if (!kind().readsParticles()) {
            return NO_PARTICLES;
        }
        JsonNode order =
                JSON.readTree(dir.resolve(SPEC).toFile()).path("particles").path("order");
        return order.isMissingNode() ? UNRECORDED : order.asText();
    }

    static final String UNRECORDED = "unrecorded";
    static final String NO_PARTICLES = "none";

    /** {order, max_particles} from a features scaler.json, read leniently (older tables lack them). */
    static Map<String, Object> particlePreparation(Path scaler) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        JsonNode s = scaler != null && Files.exists(scaler) ? JSON.readTree(scaler.toFile()) : null;
        JsonNode order = s == null ? null : s.get("particle_order");
        m.put("order", order == null ? UNRECORDED : order.asText());
        JsonNode max = s == null ? null : s.get("max_particles");
        m.put("max_particles", max == null ? FeaturesTableContract.MAX_PARTICLES : max.asInt());
        return m;
    }

    static Map<String, Object> spec(ModelKind kind, Map<String, Object> particlePreparation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", kind.name());
        m.put("inputs", kind.inputs());
        m.put(
                "hlf",
                Map.of(
                        "column",
                        FeaturesTableContract.HLF,
                        "length",
                        FeaturesTableContract.N_HLF,
                        "scaling",
                        "min-max (scaler.json)"));
        Map<String, Object> particles = new LinkedHashMap<>();
        particles.put("column", FeaturesTableContract.PARTICLES);
        particles.put("rows", FeaturesTableContract.MAX_PARTICLES);
        particles.put("features", FeaturesTableContract.PARTICLE_FEATURES);
        particles.put("layout", "row-major, padding rows zero and last");
        particles.put("mask", FeaturesTableContract.N_PARTICLES);
        particles.put("scaling", "standardized (scaler.json)");
        particles.putAll(particlePreparation);
        m.put("particles", particles);
        m.put(
                "label",
                Map.of(
                        "column",
                        FeaturesTableContract.LABEL,
                        "classes",
                        Arrays.stream(EventClass.values())
                                .map(EventClass::displayName)
                                .toList()));
        return m;
    }
}
