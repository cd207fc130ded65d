package io.dltrigger.training.data;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.model.ModelKind;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns an {@link EventBlock} into one MultiDataSet for a model: inputs in {@link ModelKind#inputs()} order,
 * one-hot labels, and for the particle list a [batch, 19, T] array (DL4J's NCW layout) with a [batch, T]
 * mask. T is the longest real sequence in the batch: padding rows sit at the end and are masked, so trimming
 * them changes nothing but the work done.
 */
public final class BatchBuilder {
    private static final int F = FeaturesTableContract.PARTICLE_FEATURES;

    private BatchBuilder() {}

    public static MultiDataSet build(EventBlock block, ModelKind kind) {
        int n = block.size();
        INDArray[] features = new INDArray[kind.inputs().size()];
        INDArray[] masks = new INDArray[features.length];
        for (int i = 0; i < features.length; i++) {
            switch (kind.inputs().get(i)) {
                case "hlf" -> features[i] = hlf(block);
                case "particles" -> {
                    int t = longestSequence(block);
                    features[i] = particles(block, t);
                    masks[i] = mask(block, t);
                }
                default -> throw new IllegalStateException(kind.inputs().get(i));
            }
        }
        INDArray labels = Nd4j.create(oneHot(block), new long[] {n, EventClass.COUNT}, 'c');
        boolean anyMask = kind.readsParticles();
        return new MultiDataSet(features, new INDArray[] {labels}, anyMask ? masks : null, null);
    }

    private static INDArray hlf(EventBlock block) {
        int n = block.size();
        float[] buf = block.hlf().length == n * FeaturesTableContract.N_HLF
                ? block.hlf()
                : java.util.Arrays.copyOf(block.hlf(), n * FeaturesTableContract.N_HLF);
        return Nd4j.create(buf, new long[] {n, FeaturesTableContract.N_HLF}, 'c');
    }

    /** An event always has its lepton row: a zero count (bad input upstream) still gets one step so LastTimeStep has one. */
    static int realRows(EventBlock block, int event) {
        return Math.max(1, block.nParticles()[event]);
    }

    private static int longestSequence(EventBlock block) {
        int t = 1;
        for (int i = 0; i < block.size(); i++) {
            t = Math.max(t, realRows(block, i));
        }
        return t;
    }

    /** Transposes each event's row-major [T][19] prefix into the [19][T] layout DL4J's recurrent layers take. */
    private static INDArray particles(EventBlock block, int t) {
        int n = block.size();
        float[] src = block.particles();
        float[] buf = new float[n * F * t];
        for (int e = 0; e < n; e++) {
            int in = e * FeaturesTableContract.PARTICLE_VALUES;
            int out = e * F * t;
            for (int step = 0; step < t; step++) {
                for (int f = 0; f < F; f++) {
                    buf[out + f * t + step] = src[in + step * F + f];
                }
            }
        }
        return Nd4j.create(buf, new long[] {n, F, t}, 'c');
    }

    private static INDArray mask(EventBlock block, int t) {
        int n = block.size();
        float[] buf = new float[n * t];
        for (int e = 0; e < n; e++) {
            java.util.Arrays.fill(buf, e * t, e * t + Math.min(t, realRows(block, e)), 1f);
        }
        return Nd4j.create(buf, new long[] {n, t}, 'c');
    }

    private static float[] oneHot(EventBlock block) {
        float[] buf = new float[block.size() * EventClass.COUNT];
        for (int e = 0; e < block.size(); e++) {
            buf[e * EventClass.COUNT + block.labels()[e]] = 1f;
        }
        return buf;
    }
}
