package io.dltrigger.contract;

import static io.dltrigger.contract.FeaturesTableContract.HLF_NAMES;
import static io.dltrigger.contract.FeaturesTableContract.N_HLF;
import static io.dltrigger.contract.FeaturesTableContract.PARTICLE_FEATURES;
import static io.dltrigger.contract.FeaturesTableContract.PARTICLE_NAMES;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;

/**
 * The feature scaling saved as {@code scaler.json} beside the features table and with every model: HLF min-max
 * (x - min) / (max - min), particle standardization (x - mean) / std over real rows. A feature constant on the
 * training set (max == min, std == 0) maps to 0 rather than dividing by zero. Test data are not clipped to [0, 1].
 * It also records how the particle list was prepared ({@code particle_order}, {@code max_particles}): a model
 * trained on it needs its particles in that order. Whoever scores new events (the batch score, the stream
 * filter) applies the same object.
 */
public record Scaler(
        @JsonProperty("hlf_names") List<String> hlfNames,
        @JsonProperty("hlf_min") double[] hlfMin,
        @JsonProperty("hlf_max") double[] hlfMax,
        @JsonProperty("particle_names") List<String> particleNames,
        @JsonProperty("particle_mean") double[] particleMean,
        @JsonProperty("particle_std") double[] particleStd,
        @JsonProperty("fitted_events") long fittedEvents,
        @JsonProperty("fitted_particles") long fittedParticles,
        @JsonProperty("particle_order") ParticleOrder particleOrder,
        @JsonProperty("max_particles") int maxParticles)
        implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Scaler {
        if (hlfMin.length != N_HLF
                || hlfMax.length != N_HLF
                || particleMean.length != PARTICLE_FEATURES
                || particleStd.length != PARTICLE_FEATURES) {
            throw new IllegalArgumentException(
                    "scaler needs " + N_HLF + " HLF min/max and " + PARTICLE_FEATURES + " particle mean/std values");
        }
        if (!HLF_NAMES.equals(hlfNames) || !PARTICLE_NAMES.equals(particleNames)) {
            throw new IllegalArgumentException("scaler feature names " + hlfNames + " / " + particleNames
                    + " differ from the features table's " + HLF_NAMES + " / " + PARTICLE_NAMES);
        }
        if (particleOrder == null) {
            throw new IllegalArgumentException("scaler has no particle_order (the order its particle rows were"
                    + " prepared in): re-run the features stage that wrote it");
        }
        if (maxParticles < 1 || maxParticles > FeaturesTableContract.MAX_PARTICLES) {
            throw new IllegalArgumentException("scaler max_particles must be in [1, "
                    + FeaturesTableContract.MAX_PARTICLES + "], got " + maxParticles);
        }
    }

    public float scaleHlf(int k, float x) {
        double range = hlfMax[k] - hlfMin[k];
        return range > 0 ? (float) ((x - hlfMin[k]) / range) : 0f;
    }

    public float scaleParticle(int k, float x) {
        return particleStd[k] > 0 ? (float) ((x - particleMean[k]) / particleStd[k]) : 0f;
    }

    public void write(OutputStream out) throws IOException {
        JSON.writeValue(out, this);
    }

    /** Reads a scaler; {@code source} names where it came from in the error of a bad file. */
    public static Scaler read(InputStream in, String source) throws IOException {
        try {
            return JSON.readValue(in, Scaler.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read scaler " + source + ": " + e.getMessage(), e);
        }
    }
}
