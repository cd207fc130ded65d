package io.dltrigger.features.spark;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dltrigger.features.physics.Features;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The feature scaling saved as {@code scaler.json}: HLF min-max (x - min) / (max - min), particle
 * standardization (x - mean) / std over real rows. A feature constant on the training set (max == min,
 * std == 0) maps to 0 rather than dividing by zero. Test data are not clipped to [0, 1].
 */
public record Scaler(
        @JsonProperty("hlf_names") List<String> hlfNames,
        @JsonProperty("hlf_min") double[] hlfMin,
        @JsonProperty("hlf_max") double[] hlfMax,
        @JsonProperty("particle_names") List<String> particleNames,
        @JsonProperty("particle_mean") double[] particleMean,
        @JsonProperty("particle_std") double[] particleStd,
        @JsonProperty("fitted_events") long fittedEvents,
        @JsonProperty("fitted_particles") long fittedParticles)
        implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Scaler {
        if (hlfMin.length != Features.N_HLF
                || hlfMax.length != Features.N_HLF
                || particleMean.length != Features.N_PARTICLE
                || particleStd.length != Features.N_PARTICLE) {
            throw new IllegalArgumentException("scaler needs " + Features.N_HLF + " HLF min/max and "
                    + Features.N_PARTICLE + " particle mean/std values");
        }
        if (!Features.HLF.equals(hlfNames) || !Features.PARTICLE.equals(particleNames)) {
            throw new IllegalArgumentException("scaler feature names " + hlfNames + " / " + particleNames
                    + " differ from this job's " + Features.HLF + " / " + Features.PARTICLE);
        }
    }

    public float scaleHlf(int k, float x) {
        double range = hlfMax[k] - hlfMin[k];
        return range > 0 ? (float) ((x - hlfMin[k]) / range) : 0f;
    }

    public float scaleParticle(int k, float x) {
        return particleStd[k] > 0 ? (float) ((x - particleMean[k]) / particleStd[k]) : 0f;
    }

    public void write(Path file, Configuration conf) throws IOException {
        try (OutputStream out = file.getFileSystem(conf).create(file, false)) {
            JSON.writeValue(out, this);
        }
    }

    public static Scaler read(Path file, Configuration conf) throws IOException {
        FileSystem fs = file.getFileSystem(conf);
        try (InputStream in = fs.open(file)) {
            return JSON.readValue(in, Scaler.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read scaler " + file + ": " + e.getMessage(), e);
        }
    }
}
