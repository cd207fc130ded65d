package io.dltrigger.features.spark;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.contract.Scaler;
import io.dltrigger.features.physics.Features;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;

/**
 * Fits the {@link Scaler} on a set of unscaled feature rows ({@link Extraction#STAGE_SCHEMA}) in one pass:
 * each partition keeps HLF min/max and, per particle feature, Welford's count/mean/M2 over real rows
 * (numerically stable where sum-of-squares is not), merged on the driver with Chan's formula.
 */
public final class ScalerFit {
    private ScalerFit() {}

    /** Fits on {@code rows}; {@code order} and {@code maxParticles} record how their particle lists were made. */
    public static Scaler fit(Dataset<Row> rows, ParticleOrder order, int maxParticles) {
        Dataset<Row> slim = rows.select(
                FeaturesTableContract.HLF, FeaturesTableContract.PARTICLES, FeaturesTableContract.N_PARTICLES);
        List<Stats> parts = slim.queryExecution()
                .toRdd()
                .toJavaRDD()
                .mapPartitions(ScalerFit::partition)
                .collect();
        Stats total = new Stats();
        for (Stats s : parts) {
            total.merge(s);
        }
        return total.toScaler(order, maxParticles);
    }

    private static Iterator<Stats> partition(Iterator<InternalRow> it) {
        Stats s = new Stats();
        while (it.hasNext()) {
            InternalRow r = it.next();
            s.add(r.getArray(0), r.getBinary(1), r.getInt(2));
        }
        return Collections.singletonList(s).iterator();
    }

    /** Partial statistics of a partition. */
    static final class Stats implements Serializable {
        long events;
        final double[] min = new double[Features.N_HLF];
        final double[] max = new double[Features.N_HLF];
        final long[] count = new long[Features.N_PARTICLE];
        final double[] mean = new double[Features.N_PARTICLE];
        final double[] m2 = new double[Features.N_PARTICLE];

        Stats() {
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        void add(ArrayData hlf, byte[] particles, int rows) {
            events++;
            for (int k = 0; k < Features.N_HLF; k++) {
                double x = hlf.getFloat(k);
                min[k] = Math.min(min[k], x);
                max[k] = Math.max(max[k], x);
            }
            for (int r = 0; r < rows; r++) {
                int o = r * Features.N_PARTICLE;
                for (int k = 0; k < Features.N_PARTICLE; k++) {
                    double x = PackedFloats.get(particles, o + k);
                    long n = ++count[k];
                    double d = x - mean[k];
                    mean[k] += d / n;
                    m2[k] += d * (x - mean[k]);
                }
            }
        }

        void merge(Stats o) {
            events += o.events;
            for (int k = 0; k < Features.N_HLF; k++) {
                min[k] = Math.min(min[k], o.min[k]);
                max[k] = Math.max(max[k], o.max[k]);
            }
            for (int k = 0; k < Features.N_PARTICLE; k++) {
                long n = count[k] + o.count[k];
                if (n == 0) {
                    continue;
                }
                double d = o.mean[k] - mean[k];
                mean[k] += d * o.count[k] / n;
                m2[k] += o.m2[k] + d * d * ((double) count[k] * o.count[k] / n);
                count[k] = n;
            }
        }

        Scaler toScaler(ParticleOrder order, int maxParticles) {
            if (events == 0) {
                throw new IllegalStateException("cannot fit the scaler: the training set is empty");
            }
            double[] std = new double[Features.N_PARTICLE];
            for (int k = 0; k < Features.N_PARTICLE; k++) {
                std[k] = count[k] > 0 ? Math.sqrt(m2[k] / count[k]) : 0;
            }
            return new Scaler(
                    Features.HLF,
                    min.clone(),
                    max.clone(),
                    Features.PARTICLE,
                    mean.clone(),
                    std,
                    events,
                    count[0],
                    order,
                    maxParticles);
        }
    }
}
