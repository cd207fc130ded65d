package io.dltrigger.generator.physics;

/**
 * W and tau decays with their branching ratios. The W of a top decay is polarised as the V-A coupling
 * makes it (helicity fractions F0 = 0.69, FL = 0.31, FR = 0, measured at the LHC as predicted): its charged
 * lepton, or down-type quark, goes backwards along the W's flight in the top frame more often than
 * forwards, which shapes the lepton's momentum and its angle to the b. Other decays (the W of W+jets, the
 * tau) are isotropic: their polarisation depends on the production kinematics and is not modelled.
 */
final class BosonDecays {
    static final double W_MASS = 80.38;
    static final double W_WIDTH = 2.085;
    static final double TAU_MASS = 1.777;
    /** tau -> e nu nu and tau -> mu nu nu, each. */
    private static final double TAU_TO_LEPTON = 0.175;
    /** W -> e nu, mu nu, tau nu, each (the rest is hadronic). */
    static final double W_TO_LEPTON = 0.108;
    /** W helicity fractions in top decays: longitudinal, left-handed (right-handed: 0). */
    static final double TOP_W_F0 = 0.69;

    static final double TOP_W_FL = 0.31;

    private final double[] d1 = new double[4];
    private final double[] d2 = new double[4];
    private final double[] t1 = new double[4];
    private final double[] t2 = new double[4];

    static double wMass(Rng rng) {
        return rng.breitWigner(W_MASS, W_WIDTH, 60.0, 100.0);
    }

    /**
     * The W of a top decay (its sister b quark in {@code b}, lab frame): leptonic e, mu, tau with their
     * branching ratios, else two quarks; polarised (class comment).
     */
    void decayTopW(Rng rng, HardEvent event, double[] w, double[] b, int charge) {
        double u = rng.uniform();
        if (u < 3 * W_TO_LEPTON) {
            decayWToLepton(rng, event, w, b, charge, (int) (u / W_TO_LEPTON));
        } else {
            // W+ -> u dbar or c sbar: the down-type antiquark takes the charged lepton's angle; half the
            // hadronic decays give a charm jet (the up-type quark).
            Kinematics.twoBodyDecayAlong(rng, w, b, helicityCos(rng), 0, 0, d1, d2);
            event.addJet(d1, HardEvent.LIGHT);
            event.addJet(d2, rng.chance(0.5) ? HardEvent.CHARM : HardEvent.LIGHT);
        }
    }

    /**
     * W -> l nu, with {@code generation} 0 = e, 1 = mu, 2 = tau; the neutrino stays invisible. {@code sister}:
     * the b quark of a top decay (the W is polarised), or null (isotropic).
     */
    void decayWToLepton(Rng rng, HardEvent event, double[] w, double[] sister, int charge, int generation) {
        double m1 = generation < 2 ? 0 : TAU_MASS;
        if (sister == null) {
            Kinematics.twoBodyDecay(rng, w, m1, 0, d1, d2);
        } else {
            Kinematics.twoBodyDecayAlong(rng, w, sister, helicityCos(rng), m1, 0, d1, d2);
        }
        if (generation < 2) {
            event.addPiece(
                    generation == 0 ? HardEvent.ELECTRON : HardEvent.MUON, -1, d1[0], d1[1], d1[2], 0, charge, true);
            return;
        }
        double u = rng.uniform();
        if (u < 2 * TAU_TO_LEPTON) {
            // tau -> l (nu nu): the neutrino pair has a mass between 0 and m_tau.
            Kinematics.twoBodyDecay(rng, d1, 0, rng.uniform(0.0, 1.6), t1, t2);
            event.addPiece(
                    u < TAU_TO_LEPTON ? HardEvent.ELECTRON : HardEvent.MUON, -1, t1[0], t1[1], t1[2], 0, charge, true);
        } else {
            // tau -> hadrons nu: a narrow jet of one or three charged pions and photons.
            double mh = rng.uniform(0.14, 1.3);
            Kinematics.twoBodyDecay(rng, d1, mh, 0, t1, t2);
            int j = event.newJet(t1[0], t1[1], t1[2], HardEvent.TAU);
            event.addPiece(HardEvent.CLUSTER, j, t1[0], t1[1], t1[2], mh, charge, true);
        }
    }

    /**
     * cos theta* of the charged lepton (or down-type quark) in the W rest frame, from the W's flight in the
     * top frame: 3/8 FL (1 - c)^2 + 3/4 F0 (1 - c^2) + 3/8 FR (1 + c)^2, by acceptance-rejection.
     */
    static double helicityCos(Rng rng) {
        // The density is at most 0.67 (at c = -0.27); 0.7 bounds it.
        while (true) {
            double c = rng.uniform(-1, 1);
            double f = 0.375 * TOP_W_FL * (1 - c) * (1 - c) + 0.75 * TOP_W_F0 * (1 - c * c);
            if (rng.uniform() * 0.7 < f) {
                return c;
            }
        }
    }
}
