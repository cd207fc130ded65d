package io.dltrigger.training.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A thinned selection keeps about one event in n of its side, and never one of the other side. */
class HoldoutThinningTest {
    @Test
    void aThinnedTrainingSideIsASubsampleOfTheTrainingSide() {
        String file = "file:/data/incoming/qcd_seed1_0000.root";
        Holdout train = Holdout.training(10, 0);
        Holdout thinned = train.thinned(8);
        Holdout validation = Holdout.validation(10, 0);
        int kept = 0;
        int trainSide = 0;
        for (int row = 0; row < 100_000; row++) {
            boolean t = thinned.accepts(file, row);
            if (train.accepts(file, row)) {
                trainSide++;
            }
            if (t) {
                kept++;
                assertTrue(train.accepts(file, row), "a thinned event is a training event");
                assertFalse(validation.accepts(file, row), "never a validation event");
            }
        }
        assertEquals(trainSide / 8.0, kept, trainSide / 8.0 * 0.05, "about one in 8 of " + trainSide);
        assertEquals(train, train.thinned(1), "one in one is the side itself");
    }
}
