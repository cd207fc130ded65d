package io.dltrigger.training.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import io.dltrigger.training.model.Models;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Our training step against DL4J's own {@code fit}: the same network, the same minibatches, without dropout
 * (whose random masks differ by construction): after every step the loss, every parameter and Adam's state agree.
 * This pins the gate order and layout of the LSTM, the last-real-step selection, the bias and weight gradients,
 * the division by the minibatch size and the iteration count Adam sees.
 */
class NetworkStepTest {

    static HyperParams params(ModelKind kind) {
        return switch (kind) {
            case HLF -> new HyperParams(kind, List.of(50, 20, 10), 0, 0.0, 1e-2, 16, 1, 42);
            case SEQUENCE -> new HyperParams(kind, List.of(), 8, 0.0, 1e-2, 16, 1, 42);
            case INCLUSIVE -> new HyperParams(kind, List.of(25), 8, 0.0, 1e-2, 16, 1, 42);
        };
    }

    /** Events with 1..maxLength real particles, padding rows filled with {@code padding} (the table has zeros). */
    static EventBlock events(Random r, int n, int maxLength, float padding) {
        EventBlock b = EventBlock.allocate(n, true);
        for (int e = 0; e < n; e++) {
            b.labels()[e] = r.nextInt(3);
            b.nParticles()[e] = 1 + r.nextInt(maxLength);
            for (int f = 0; f < FeaturesTableContract.N_HLF; f++) {
                b.hlf()[e * FeaturesTableContract.N_HLF + f] = r.nextFloat() + 0.3f * b.labels()[e];
            }
            for (int i = 0; i < FeaturesTableContract.PARTICLE_VALUES; i++) {
                boolean real = i < b.nParticles()[e] * FeaturesTableContract.PARTICLE_FEATURES;
                b.particles()[e * FeaturesTableContract.PARTICLE_VALUES + i] =
                        real ? (float) r.nextGaussian() + 0.2f * b.labels()[e] : padding;
            }
        }
        return b;
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void sameLossParametersAndAdamStateAsDl4jFit(ModelKind kind) {
        HyperParams p = params(kind);
        ComputationGraph reference = Models.build(p);
        ComputationGraph ours = Models.build(p);
        assertTrue(NetworkStep.supports(ours, p));
        TrainingStep dl4j = new Dl4jStep(reference, kind);
        TrainingStep step = TrainingStep.of(ours, p);
        assertTrue(step instanceof NetworkStep);
        Random r = new Random(3);
        for (int i = 0; i < 6; i++) {
            EventBlock batch = events(r, i == 5 ? 5 : 16, 30, 0f); // the last batch short, as at the end of an epoch
            double expected = dl4j.fit(batch);
            double actual = step.fit(batch);
            assertEquals(expected, actual, 1e-5, "loss of step " + i);
            assertClose(reference.params(), ours.params(), "parameters after step " + i);
            assertClose(
                    reference.getUpdater().getStateViewArray(),
                    ours.getUpdater().getStateViewArray(),
                    "Adam state after step " + i);
            assertEquals(reference.getIterationCount(), ours.getIterationCount());
        }
    }

    static void assertClose(INDArray expected, INDArray actual, String what) {
        double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
        double diff = expected.sub(actual).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-4 * scale, what + ": max difference " + diff + " (scale " + scale + ")");
    }

    /**
     * Our step cuts each batch at its longest real sequence; DL4J's fit here gets the full 801 steps with the mask.
     * Same loss and same parameters after the step: the trimming changes nothing but the work.
     */
    @ParameterizedTest
    @EnumSource(
            value = ModelKind.class,
            names = {"SEQUENCE", "INCLUSIVE"})
    void trimmedStepEqualsDl4jOnTheFullMaskedSequence(ModelKind kind) {
        HyperParams p = params(kind);
        ComputationGraph reference = Models.build(p);
        ComputationGraph ours = Models.build(p);
        EventBlock batch = events(new Random(5), 8, 40, 0f);
        reference.fit(untrimmed(batch, kind));
        double actual = TrainingStep.of(ours, p).fit(batch);
        assertEquals(reference.score(), actual, 1e-5);
        assertClose(reference.params(), ours.params(), "parameters");
    }

    /** What padding rows hold never matters: garbage there gives the same loss and update as zeros. */
    @ParameterizedTest
    @EnumSource(
            value = ModelKind.class,
            names = {"SEQUENCE", "INCLUSIVE"})
    void paddingContentIsIgnored(ModelKind kind) {
        HyperParams p = params(kind);
        ComputationGraph zeros = Models.build(p);
        ComputationGraph garbage = Models.build(p);
        double a = TrainingStep.of(zeros, p).fit(events(new Random(9), 8, 40, 0f));
        double b = TrainingStep.of(garbage, p).fit(events(new Random(9), 8, 40, Float.NaN));
        assertEquals(a, b, 0.0);
        assertEquals(zeros.params(), garbage.params());
    }

    /** The batch as DL4J takes it without trimming: [n, 19, 801] with a [n, 801] mask of the real steps. */
    static org.nd4j.linalg.dataset.MultiDataSet untrimmed(EventBlock b, ModelKind kind) {
        int n = b.size();
        int f = FeaturesTableContract.PARTICLE_FEATURES;
        int t = FeaturesTableContract.MAX_PARTICLES;
        float[] x = new float[n * f * t];
        float[] mask = new float[n * t];
        float[] labels = new float[n * 3];
        for (int e = 0; e < n; e++) {
            labels[e * 3 + b.labels()[e]] = 1f;
            for (int step = 0; step < b.nParticles()[e]; step++) {
                mask[e * t + step] = 1f;
                for (int k = 0; k < f; k++) {
                    x[(e * f + k) * t + step] = b.particles()[e * FeaturesTableContract.PARTICLE_VALUES + step * f + k];
                }
            }
        }
        INDArray particles = org.nd4j.linalg.factory.Nd4j.create(x, new long[] {n, f, t}, 'c');
        INDArray m = org.nd4j.linalg.factory.Nd4j.create(mask, new long[] {n, t}, 'c');
        INDArray y = org.nd4j.linalg.factory.Nd4j.create(labels, new long[] {n, 3}, 'c');
        INDArray hlf = org.nd4j.linalg.factory.Nd4j.create(
                java.util.Arrays.copyOf(b.hlf(), n * FeaturesTableContract.N_HLF),
                new long[] {n, FeaturesTableContract.N_HLF},
                'c');
        return kind == ModelKind.SEQUENCE
                ? new org.nd4j.linalg.dataset.MultiDataSet(
                        new INDArray[] {particles}, new INDArray[] {y}, new INDArray[] {m}, null)
                : new org.nd4j.linalg.dataset.MultiDataSet(
                        new INDArray[] {particles, hlf}, new INDArray[] {y}, new INDArray[] {m, null}, null);
    }
}
