package io.dltrigger.features.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dltrigger.features.physics.Collection;
import io.dltrigger.features.physics.ConeSum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the features job can be told: branch names, cuts, options, sample labels and the
 * preparation (balance, split). {@link #defaults()} is the reference; a YAML file overrides any part
 * (see conf/features.yaml).
 */
public record FeaturesConfig(
        @JsonProperty("collections") Map<String, String> collections,
        @JsonProperty("cuts") Cuts cuts,
        @JsonProperty("lepton_choice") LeptonChoice leptonChoice,
        @JsonProperty("mt_form") MtForm mtForm,
        @JsonProperty("sort_by_delta_r") boolean sortByDeltaR,
        @JsonProperty("isolation") ConeSum.Kind isolation,
        @JsonProperty("labels") Map<String, Integer> labels,
        @JsonProperty("balance") boolean balance,
        @JsonProperty("test_fraction") double testFraction,
        @JsonProperty("seed") long seed,
        @JsonProperty("max_records_per_file") long maxRecordsPerFile)
        implements java.io.Serializable {

    public FeaturesConfig {
        Map<String, String> names = new LinkedHashMap<>();
        for (Collection c : Collection.values()) {
            names.put(key(c), c.defaultBranch());
        }
        if (collections != null) {
            for (Map.Entry<String, String> e : collections.entrySet()) {
                if (!names.containsKey(e.getKey())) {
                    throw new IllegalArgumentException(
                            "unknown collection role '" + e.getKey() + "' (expected one of " + names.keySet() + ")");
                }
                names.put(e.getKey(), e.getValue());
            }
        }
        collections = Map.copyOf(names);
        labels = labels == null ? Map.of("qcd", 0, "ttbar", 1, "wjets", 2) : Map.copyOf(labels);
        if (cuts == null) {
            cuts = Cuts.REFERENCE;
        }
        if (leptonChoice == null) {
            leptonChoice = LeptonChoice.PT;
        }
        if (mtForm == null) {
            mtForm = MtForm.SQUARED;
        }
        if (isolation == null) {
            isolation = ConeSum.Kind.BINNED;
        }
        if (testFraction < 0 || testFraction > 1) {
            throw new IllegalArgumentException("test_fraction must be in [0, 1], got " + testFraction);
        }
        if (maxRecordsPerFile <= 0) {
            maxRecordsPerFile = 50_000;
        }
    }

    public static FeaturesConfig defaults() {
        return new FeaturesConfig(null, null, null, null, false, null, null, true, 0.2, 20181212L, 50_000);
    }

    /** YAML key of a collection role: electron, muon, jet, missing_et, track, photon, neutral_hadron. */
    public static String key(Collection c) {
        return c.name().toLowerCase(Locale.ROOT);
    }

    public String branch(Collection c) {
        return collections.get(key(c));
    }

    public FeaturesConfig with(ConeSum.Kind kind) {
        return new FeaturesConfig(
                collections,
                cuts,
                leptonChoice,
                mtForm,
                sortByDeltaR,
                kind,
                labels,
                balance,
                testFraction,
                seed,
                maxRecordsPerFile);
    }

    public FeaturesConfig withPreparation(boolean balanceClasses, double fraction) {
        return new FeaturesConfig(
                collections,
                cuts,
                leptonChoice,
                mtForm,
                sortByDeltaR,
                isolation,
                labels,
                balanceClasses,
                fraction,
                seed,
                maxRecordsPerFile);
    }

    public FeaturesConfig withOptions(LeptonChoice choice, MtForm form, boolean sort) {
        return new FeaturesConfig(
                collections,
                cuts,
                choice,
                form,
                sort,
                isolation,
                labels,
                balance,
                testFraction,
                seed,
                maxRecordsPerFile);
    }

    public FeaturesConfig withBranch(Collection c, String branch) {
        Map<String, String> names = new LinkedHashMap<>(collections);
        names.put(key(c), branch);
        return new FeaturesConfig(
                names,
                cuts,
                leptonChoice,
                mtForm,
                sortByDeltaR,
                isolation,
                labels,
                balance,
                testFraction,
                seed,
                maxRecordsPerFile);
    }

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * Reads a YAML file; keys it leaves out keep their defaults, at any depth. Enum values are upper
     * case (PT, ETA, SQUARED, TRANSVERSE_MASS, BINNED, PAIRWISE). An unknown key is an error naming it.
     */
    public static FeaturesConfig load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    static FeaturesConfig read(InputStream in, String name) throws IOException {
        JsonNode user = YAML.readTree(in);
        ObjectNode merged = YAML.valueToTree(defaults());
        if (user != null && !user.isMissingNode() && !user.isNull()) {
            if (!user.isObject()) {
                throw new IOException(name + ": expected a mapping at the top level");
            }
            merge(merged, (ObjectNode) user, name, "");
        }
        try {
            return YAML.treeToValue(merged, FeaturesConfig.class);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
    }

    /** Deep merge of the user's keys into the defaults; free-form maps (collections, labels) are replaced. */
    private static void merge(ObjectNode base, ObjectNode user, String file, String path) throws IOException {
        for (Iterator<Map.Entry<String, JsonNode>> it = user.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode old = base.get(key);
            if (old == null && !path.equals("collections.") && !path.equals("labels.")) {
                throw new IOException(file + ": unknown key '" + path + key + "'");
            }
            if (old != null && old.isObject() && e.getValue().isObject() && !key.equals("labels")) {
                merge((ObjectNode) old, (ObjectNode) e.getValue(), file, path + key + ".");
            } else {
                base.set(key, e.getValue());
            }
        }
    }
}
