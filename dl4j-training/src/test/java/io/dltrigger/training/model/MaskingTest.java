package io.dltrigger.training.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.eval.Scoring;
import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MaskingTest {

    /** Event 0 has 5 real particles; event 1 has 40, so in a batch event 0 carries 35 padded (masked) steps. */
    private static EventBlock events(float paddingValue) {
        Random r = new Random(1);
        EventBlock b = EventBlock.allocate(2, true);
        int[] n = {5, 40};
        for (int e = 0; e < 2; e++) {
            b.labels()[e] = e;
            b.nParticles()[e] = n[e];
            for (int f = 0; f < FeaturesTableContract.N_HLF; f++) {
                b.hlf()[e * FeaturesTableContract.N_HLF + f] = r.nextFloat();
            }
            for (int i = 0; i < FeaturesTableContract.PARTICLE_VALUES; i++) {
                boolean real = i < n[e] * FeaturesTableContract.PARTICLE_FEATURES;
                b.particles()[e * FeaturesTableContract.PARTICLE_VALUES + i] =
                        real ? (float) r.nextGaussian() : paddingValue;
            }
        }
        return b;
    }

    private static EventBlock first(EventBlock b) {
        EventBlock one = EventBlock.allocate(1, true);
        one.copyEvent(b, 0, 0);
        return one;
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelKind.class,
            names = {"SEQUENCE", "INCLUSIVE"})
    void paddingDoesNotChangeTheOutput(ModelKind kind) {
        ComputationGraph net = Models.build(HyperParams.reference(kind));
        float[] alone = Scoring.probabilities(net, kind, first(events(0f)));
        float[] inBatch = Arrays.copyOf(Scoring.probabilities(net, kind, events(0f)), 3);
        float[] garbagePadding = Arrays.copyOf(Scoring.probabilities(net, kind, events(7.5f)), 3);
        assertArrayEquals(alone, inBatch, 1e-6f);
        assertArrayEquals(alone, garbagePadding, 1e-6f);

        // the check has teeth: counting the padding as real particles does change the output
        EventBlock unmasked = events(7.5f);
        unmasked.nParticles()[0] = 40;
        float[] withPadding = Arrays.copyOf(Scoring.probabilities(net, kind, unmasked), 3);
        assertFalse(Arrays.equals(alone, withPadding));
    }
}
