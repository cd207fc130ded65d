package io.dltrigger.generator.physics;

/** W and tau decays with their branching ratios; decay angles isotropic (no spin correlations). */
final class BosonDecays {
    static final double W_MASS = 80.38;
    static final double W_WIDTH = 2.085;
    static final double TAU_MASS = 1.777;
    /** tau -> e nu nu and tau -> mu nu nu, each. */
    private static final double TAU_TO_LEPTON = 0.175;
    /** W -> e nu, mu nu, tau nu, each (the rest is hadronic). */
    static final double W_TO_LEPTON = 0.108;

    private final double[] d1 = new double[4];
    private final double[] d2 = new double[4];
    private final double[] t1 = new double[4];
    private final double[] t2 = new double[4];

    static double wMass(Rng rng) {
        return rng.breitWigner(W_MASS, W_WIDTH, 60.0, 100.0);
    }

    /** Any W decay (top decays): leptonic e, mu, tau with their branching ratios, else two quarks. */
    void decayW(Rng rng, HardEvent event, double[] w, int charge) {
        double u = rng.uniform();
        if (u < 3 * W_TO_LEPTON) {
            decayWToLepton(rng, event, w, charge, (int) (u / W_TO_LEPTON));
        } else {
            Kinematics.twoBodyDecay(rng, w, 0, 0, d1, d2);
            // W -> u d' or c s': half the hadronic decays give a charm jet.
            boolean charm = rng.chance(0.5);
            event.addJet(d1, charm ? HardEvent.CHARM : HardEvent.LIGHT);
            event.addJet(d2, HardEvent.LIGHT);
        }
    }

    /** W -> l nu, with {@code generation} 0 = e, 1 = mu, 2 = tau; the neutrino stays invisible. */
    void decayWToLepton(Rng rng, HardEvent event, double[] w, int charge, int generation) {
        if (generation < 2) {
            Kinematics.twoBodyDecay(rng, w, 0, 0, d1, d2);
            event.addPiece(
                    generation == 0 ? HardEvent.ELECTRON : HardEvent.MUON, -1, d1[0], d1[1], d1[2], 0, charge, true);
            return;
        }
        Kinematics.twoBodyDecay(rng, w, TAU_MASS, 0, d1, d2);
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
}
