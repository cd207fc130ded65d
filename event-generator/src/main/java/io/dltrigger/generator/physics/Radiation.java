package io.dltrigger.generator.physics;

/**
 * Initial-state radiation: jets with a falling pT spectrum and a constant ratio between successive
 * multiplicities (Berends scaling). The hard system recoils against their sum, which is how W and ttbar
 * acquire transverse momentum. A little heavy flavour comes from gluon splitting.
 */
final class Radiation {
    private static final double RAPIDITY_SIGMA = 1.9;
    private static final double P_BOTTOM = 0.02;
    private static final double P_CHARM = 0.05;
    /**
     * Of the light partons radiated, the share of gluons: initial-state radiation at the LHC is mostly a
     * gluon off an incoming quark or gluon (and the soft unresolved recoil too).
     */
    static final double P_GLUON = 0.75;

    private final double ptMin;
    private final double ptIndex;
    private final double[] p = new double[4];

    /** Jets above {@code ptMin} with dN/dpT ~ pT^-(ptIndex + 1): harder for a heavier hard system. */
    Radiation(double ptMin, double ptIndex) {
        this.ptMin = ptMin;
        this.ptIndex = ptIndex;
    }

    /**
     * Adds ISR jets (their number geometric with the given mean) plus a soft intrinsic-kT recoil, and
     * writes the total transverse momentum the hard system must carry to balance them into {@code recoil}.
     */
    void emit(Rng rng, HardEvent event, double meanJets, double[] recoil) {
        double sx = 0;
        double sy = 0;
        int n = rng.geometric(meanJets);
        for (int i = 0; i <= n; i++) {
            // i == 0 is the soft unresolved radiation every hard process has (a few GeV); the rest are jets.
            double pt = i == 0 ? rng.gamma2(3.0) : rng.powerLaw(ptMin, ptIndex);
            double y = rng.gaussian(0, RAPIDITY_SIGMA);
            Kinematics.fromPtRapidity(p, pt, y, rng.phi(), 0);
            double u = rng.uniform();
            int flavour = i > 0 && u < P_BOTTOM
                    ? HardEvent.BOTTOM
                    : i > 0 && u < P_BOTTOM + P_CHARM ? HardEvent.CHARM : lightOrGluon(rng, P_GLUON);
            event.addJet(p, flavour);
            sx += p[0];
            sy += p[1];
        }
        recoil[0] = -sx;
        recoil[1] = -sy;
    }

    /** A light parton: a gluon with probability {@code gluonFraction}, else a light quark. */
    static int lightOrGluon(Rng rng, double gluonFraction) {
        return rng.chance(gluonFraction) ? HardEvent.GLUON : HardEvent.LIGHT;
    }

    /** The 4-momentum of a system of given mass and rapidity carrying transverse momentum (qx, qy). */
    static void system(double[] out, double mass, double rapidity, double qx, double qy) {
        double mt = Math.sqrt(mass * mass + qx * qx + qy * qy);
        Kinematics.set(out, qx, qy, mt * Math.sinh(rapidity), mt * Math.cosh(rapidity));
    }
}
