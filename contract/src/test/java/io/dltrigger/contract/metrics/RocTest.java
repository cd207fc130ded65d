package io.dltrigger.contract.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RocTest {

    /**
     * Scores 0.9(+) 0.8(+) 0.7(-) 0.6(+) 0.55(-) 0.4(-), by hand: 3 positives, 3 negatives; thresholds going down
     * give (FPR, TPR) = (0,0) (0,1/3) (0,2/3) (1/3,2/3) (1/3,1) (2/3,1) (1,1); area = 1/3 * 2/3 + 2/3 * 1 = 8/9.
     */
    @Test
    void matchesHandComputedCurve() {
        float[] s = {0.9f, 0.8f, 0.7f, 0.6f, 0.55f, 0.4f};
        boolean[] pos = {true, true, false, true, false, false};
        Roc roc = Roc.of(s, pos, s.length);
        assertArrayEquals(new double[] {0, 0, 0, 1 / 3.0, 1 / 3.0, 2 / 3.0, 1}, roc.fpr(), 1e-12);
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 1, 1, 1}, roc.tpr(), 1e-12);
        assertEquals(8 / 9.0, roc.auc(), 1e-12);
    }

    /** Tied scores form one diagonal step: one positive and one negative at the same score count half. */
    @Test
    void tiesCountHalf() {
        float[] s = {0.5f, 0.5f, 0.9f, 0.1f};
        boolean[] pos = {true, false, true, false};
        Roc roc = Roc.of(s, pos, s.length);
        // (0,0) -> (0,1/2) -> tie (1/2,1) -> (1,1): area = 1/2 * (1/2+1)/2 + 1/2 * 1 = 0.875
        assertEquals(0.875, roc.auc(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc.fpr(), 1e-12);
    }

    @Test
    void refusesSingleClass() {
        assertThrows(
                IllegalArgumentException.class, () -> Roc.of(new float[] {0.1f, 0.2f}, new boolean[] {true, true}, 2));
    }

    /** The area is the Mann-Whitney statistic: the chance that a positive outscores a negative, ties half. */
    @Test
    void areaIsTheMannWhitneyStatistic() {
        assertEquals(1.0, Roc.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}));
        assertEquals(0.0, Roc.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {true, true, false, false}));
        assertEquals(0.5, Roc.auc(new double[] {0.5, 0.5}, new boolean[] {true, false}));
        // 2 positives x 2 negatives: pairs won (0.7>0.3, 0.7>0.6, 0.4>0.3) = 3, lost 1: 3/4.
        assertEquals(0.75, Roc.auc(new double[] {0.7, 0.4, 0.3, 0.6}, new boolean[] {true, true, false, false}));
    }
}
