package io.dltrigger.features.spark;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.Scaler;
import io.dltrigger.features.physics.Features;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns unscaled stage rows ({@link Extraction#STAGE_SCHEMA}) into features-table rows ({@link #SCHEMA}): HLF min-max scaled, the real
 * particle rows standardized and followed by zero padding up to the fixed row count. Reuses two float
 * buffers per partition; the output arrays are the only allocation.
 */
public final class FinalRows implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
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

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> input) {
        float[] hlf = new float[Features.N_HLF];
        float[] particles = new float[particleRows * Features.N_PARTICLE];
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public InternalRow next() {
                return scale(input.next(), hlf, particles);
            }
        };
    }

    private InternalRow scale(InternalRow row, float[] hlf, float[] particles) {
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
        return new GenericInternalRow(new Object[] {
            row.getUTF8String(0).clone(),
            row.getLong(1),
            row.getInt(2),
            UnsafeArrayData.fromPrimitiveArray(hlf),
            UnsafeArrayData.fromPrimitiveArray(particles),
            n
        });
    }
}
