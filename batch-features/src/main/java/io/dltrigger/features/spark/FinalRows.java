package io.dltrigger.features.spark;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.Scaler;
import io.dltrigger.features.physics.Features;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns unscaled stage rows ({@link Extraction#STAGE_SCHEMA}) into features-table values ({@link #SCHEMA}):
 * HLF min-max scaled, the real particle rows standardized and followed by zero padding up to the fixed row
 * count, into two float arrays that the caller reuses for every row (and {@link FeaturesFileWriter} writes).
 */
public final class FinalRows implements Serializable {
    /** The features table (README, "Data contracts"). */
    public static final StructType SCHEMA = DataTypes.createStructType(new org.apache.spark.sql.types.StructField[] {
        EventTableReader.field(FeaturesTableContract.SOURCE_FILE, DataTypes.StringType),
        EventTableReader.field(FeaturesTableContract.ENTRY, DataTypes.LongType),
        EventTableReader.field(FeaturesTableContract.LABEL, DataTypes.IntegerType),
        EventTableReader.field(FeaturesTableContract.HLF, DataTypes.createArrayType(DataTypes.FloatType, false)),
        EventTableReader.field(FeaturesTableContract.PARTICLES, DataTypes.createArrayType(DataTypes.FloatType, false)),
        EventTableReader.field(FeaturesTableContract.N_PARTICLES, DataTypes.IntegerType)
    });

    private final Scaler scaler;
    private final int particleRows;

    public FinalRows(Scaler scaler, int particleRows) {
        this.scaler = scaler;
        this.particleRows = particleRows;
    }

    float[] newHlf() {
        return new float[Features.N_HLF];
    }

    float[] newParticles() {
        return new float[particleRows * Features.N_PARTICLE];
    }

    /**
     * Scales the HLF (column 3 of a stage row) and particles (columns 4 and 5) into {@code hlf} and
     * {@code particles}; returns the number of real particle rows.
     */
    int scale(InternalRow row, float[] hlf, float[] particles) {
        ArrayData h = row.getArray(3);
        for (int k = 0; k < Features.N_HLF; k++) {
            hlf[k] = scaler.scaleHlf(k, h.getFloat(k));
        }
        byte[] p = row.getBinary(4);
        int n = row.getInt(5);
        if (n > particleRows) {
            throw new IllegalStateException(
                    "event has " + n + " particle rows, more than the " + particleRows + " of the particle list");
        }
        int real = n * Features.N_PARTICLE;
        for (int i = 0; i < real; i++) {
            particles[i] = scaler.scaleParticle(i % Features.N_PARTICLE, PackedFloats.get(p, i));
        }
        Arrays.fill(particles, real, particles.length, 0f);
        return n;
    }
}
