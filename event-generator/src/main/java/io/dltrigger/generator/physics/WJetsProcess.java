package io.dltrigger.generator.physics;

/**
 * pp -> W + jet(s) -> l nu + jets: like a generator's W+jets sample, a W recoiling against a hard parton
 * (pT above 20 GeV, steeply falling) plus further radiation; W+ outnumbers W- as at the LHC, and l is e,
 * mu or tau (tau decaying to a lighter lepton or to a narrow hadronic jet).
 */
final class WJetsProcess implements HardProcess {
    private static final double MEAN_ISR_JETS = 0.8;
    private static final double PT_HAT_MIN = 25.0;
    private static final double PT_HAT_INDEX = 1.7;
    private static final double RAPIDITY_SIGMA = 1.7;
    private static final double W_PLUS_FRACTION = 0.58;
    /** The recoiling light parton is mostly a quark: q g -> W q dominates q qbar -> W g at the LHC. */
    private static final double P_GLUON = 0.2;

    private final Radiation radiation = new Radiation(15.0, 2.4);
    private final BosonDecays decays = new BosonDecays();
    private final double[] recoil = new double[2];
    private final double[] w = new double[4];
    private final double[] parton = new double[4];

    @Override
    public void generate(Rng rng, HardEvent event) {
        radiation.emit(rng, event, MEAN_ISR_JETS, recoil);
        // The hard parton the W recoils against (quark or gluon; sometimes charm as in W + c, or b from W + bb).
        double pt = rng.powerLaw(PT_HAT_MIN, PT_HAT_INDEX);
        double phi = rng.phi();
        Kinematics.fromPtRapidity(parton, pt, rng.gaussian(0, RAPIDITY_SIGMA), phi, 0);
        double u = rng.uniform();
        event.addJet(
                parton,
                u < 0.03 ? HardEvent.BOTTOM : u < 0.13 ? HardEvent.CHARM : Radiation.lightOrGluon(rng, P_GLUON));
        recoil[0] -= parton[0];
        recoil[1] -= parton[1];
        Radiation.system(w, BosonDecays.wMass(rng), rng.gaussian(0, RAPIDITY_SIGMA), recoil[0], recoil[1]);
        int charge = rng.chance(W_PLUS_FRACTION) ? +1 : -1;
        decays.decayWToLepton(rng, event, w, null, charge, rng.nextInt(3));
    }
}
