package io.dltrigger.generator.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The W of a top decay is polarised: decay angles along the helicity axis, V-A helicity fractions. */
class PolarisedDecayTest {
    @Test
    void theDaughterLeavesAtTheRequestedAngleToTheHelicityAxisAndMomentumIsConserved() {
        Rng rng = new Rng(5);
        double[] top = new double[4];
        double[] b = new double[4];
        double[] w = new double[4];
        double[] d1 = new double[4];
        double[] d2 = new double[4];
        for (int i = 0; i < 200; i++) {
            Kinematics.fromPtRapidity(top, rng.uniform(0, 300), rng.uniform(-2, 2), rng.phi(), 172.5);
            Kinematics.twoBodyDecay(rng, top, 4.8, 80.4, b, w);
            double cos = rng.uniform(-1, 1);
            Kinematics.twoBodyDecayAlong(rng, w, b, cos, 0, 0, d1, d2);
            for (int k = 0; k < 4; k++) {
                assertEquals(w[k], d1[k] + d2[k], 1e-9 * (1 + Math.abs(w[k])), "component " + k);
            }
            assertEquals(0, Kinematics.mass(d1), 1e-3);
            // In the W rest frame, the angle of d1 to minus the b direction is the requested one.
            double[] l = d1.clone();
            double[] bb = b.clone();
            double m = Kinematics.mass(w);
            Kinematics.boost(l, -w[0] / w[3], -w[1] / w[3], -w[2] / w[3], w[3] / m);
            Kinematics.boost(bb, -w[0] / w[3], -w[1] / w[3], -w[2] / w[3], w[3] / m);
            double dot = -(l[0] * bb[0] + l[1] * bb[1] + l[2] * bb[2]);
            double norm = Math.sqrt(l[0] * l[0] + l[1] * l[1] + l[2] * l[2])
                    * Math.sqrt(bb[0] * bb[0] + bb[1] * bb[1] + bb[2] * bb[2]);
            assertEquals(cos, dot / norm, 1e-6);
        }
    }

    @Test
    void helicityAnglesFollowTheVMinusAFractions() {
        // <cos> = (FR - FL) / 2 and <cos^2> = 2/5 (FL + FR) + 1/5 F0 for the V-A density.
        Rng rng = new Rng(9);
        int n = 200_000;
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < n; i++) {
            double c = BosonDecays.helicityCos(rng);
            sum += c;
            sum2 += c * c;
        }
        assertEquals(-BosonDecays.TOP_W_FL / 2, sum / n, 0.005);
        assertEquals(0.4 * BosonDecays.TOP_W_FL + 0.2 * BosonDecays.TOP_W_F0, sum2 / n, 0.005);
    }
}
