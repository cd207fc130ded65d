package io.dltrigger.features.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.contract.config.ConfigFile;
import io.dltrigger.features.physics.Collection;
import io.dltrigger.features.physics.ConeSum;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        @JsonProperty("particle_order") ParticleOrder particleOrder,
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
        if (particleOrder == null) {
            particleOrder = ParticleOrder.AS_READ;
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
        return new FeaturesConfig(null, null, null, null, null, null, null, true, 0.2, 20181212L, 50_000);
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
                particleOrder,
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
                particleOrder,
                isolation,
                labels,
                balanceClasses,
                fraction,
                seed,
                maxRecordsPerFile);
    }

    public FeaturesConfig withOptions(LeptonChoice choice, MtForm form, ParticleOrder order) {
        return new FeaturesConfig(
                collections,
                cuts,
                choice,
                form,
                order,
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
                particleOrder,
                isolation,
                labels,
                balance,
                testFraction,
                seed,
                maxRecordsPerFile);
    }

    /**
     * Reads a YAML file; keys it leaves out keep their defaults, at any depth ({@code labels} is replaced as a
     * whole). Enum values are upper case (PT, ETA, SQUARED, TRANSVERSE_MASS, AS_READ, DELTA_R_ASCENDING,
     * DELTA_R_DESCENDING_CLOSEST_LAST, BINNED, PAIRWISE). An unknown key or
     * a bad value is an error naming the file and line.
     */
    public static FeaturesConfig load(Path file) {
        return ConfigFile.load(file, FeaturesConfig.class, defaults(), REPLACED);
    }

    static FeaturesConfig read(String yaml, String name) {
        return ConfigFile.read(yaml, name, FeaturesConfig.class, defaults(), REPLACED);
    }

    private static final Set<String> REPLACED = Set.of("labels");
}
