package io.dltrigger.features.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The binned cone sums equal the plain double loop, including at the phi seam and beyond the eta edge. */
class ConeSumTest {
    @Test
    void binnedEqualsPairwiseOnRandomMapsForSeveralCones() {
        SplittableRandom rng = new SplittableRandom(7);
        for (double cone : new double[] {0.05, 0.3, 1.0, 2.5, 4.0}) {
            BinnedConeSum binned = new BinnedConeSum(cone);
            PairwiseConeSum pairwise = new PairwiseConeSum(cone);
            for (int event = 0; event < 50; event++) {
                int n = rng.nextInt(0, 600);
                float[] eta = new float[n];
                float[] phi = new float[n];
                float[] pt = new float[n];
                for (int i = 0; i < n; i++) {
                    eta[i] = (float) rng.nextDouble(-6, 6);
                    // A third of the entries crowd the seam at +-pi, exactly pi included.
                    phi[i] = (float)
                            (i % 3 == 0
                                    ? (i % 2 == 0 ? Math.PI : -Math.PI) - rng.nextDouble(-0.2, 0.2)
                                    : rng.nextDouble(-Math.PI, Math.PI));
                    if (i % 3 == 0 && i % 2 == 0 && phi[i] > Math.PI) {
                        phi[i] = (float) Math.PI;
                    }
                    pt[i] = (float) rng.nextDouble(0, 10);
                }
                binned.load(eta, phi, pt, n, 0.5f);
                pairwise.load(eta, phi, pt, n, 0.5f);
                assertEquals(pairwise.size(), binned.size());
                for (int q = 0; q < 200; q++) {
                    double e = rng.nextDouble(-6, 6);
                    double p = q % 4 == 0 ? Math.PI : rng.nextDouble(-Math.PI, Math.PI);
                    double want = pairwise.sum(e, p);
                    assertEquals(want, binned.sum(e, p), 1e-9 * Math.max(1, want), "cone " + cone);
                }
            }
        }
    }

    @Test
    void seamNeighboursAreFound() {
        BinnedConeSum binned = new BinnedConeSum(0.3);
        binned.load(new float[] {0f, 0f, 0f}, new float[] {3.1f, -3.1f, 0f}, new float[] {1f, 2f, 4f}, 3, 0f);
        assertEquals(3.0, binned.sum(0, Math.PI), 1e-6);
        assertEquals(3.0, binned.sum(0, -Math.PI), 1e-6);
        assertEquals(4.0, binned.sum(0.29, 0), 1e-6);
        assertEquals(0.0, binned.sum(0.31, 0), 1e-6);
        assertTrue(binned.size() == 3);
    }
}
