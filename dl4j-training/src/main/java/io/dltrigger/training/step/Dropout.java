package io.dltrigger.training.step;

import java.util.SplittableRandom;

/** Inverted dropout as DL4J's {@code Dropout}: each value kept with probability {@code retain} and scaled by 1/retain. */
final class Dropout {
    private Dropout() {}

    /** A mask of {@code length} values, each 1/retain or 0, drawn in order from {@code random}. */
    static float[] mask(int length, double retain, SplittableRandom random) {
        float[] mask = new float[length];
        float keep = (float) (1 / retain);
        for (int i = 0; i < length; i++) {
            mask[i] = random.nextDouble() < retain ? keep : 0f;
        }
        return mask;
    }
}
