package io.dltrigger.generator.physics;

/**
 * pp -> t tbar (+ ISR jets): the pair mass rises from threshold and falls off, each top decays to b W, each
 * W to leptons or quarks with its branching ratios. The one-lepton pre-filter (in {@link EventGenerator})
 * keeps semileptonic and dileptonic events, including leptons from taus and from b decays.
 */
final class TopPairProcess implements HardProcess {
    static final double TOP_MASS = 172.5;
    private static final double TOP_WIDTH = 1.4;
    /** Scale of the pair mass above threshold: Gamma(2) gives the peak near 400 GeV and a mean near 470. */
    private static final double MASS_SCALE = 60.0;

    private static final double MEAN_ISR_JETS = 1.5;
    private static final double RAPIDITY_SIGMA = 0.9;

    private final Radiation radiation = new Radiation(20.0, 1.8);
    private final BosonDecays decays = new BosonDecays();
    private final double[] recoil = new double[2];
    private final double[] pair = new double[4];
    private final double[] top = new double[4];
    private final double[] antitop = new double[4];
    private final double[] b = new double[4];
    private final double[] w = new double[4];

    @Override
    public void generate(Rng rng, HardEvent event) {
        radiation.emit(rng, event, MEAN_ISR_JETS, recoil);
        double m1 = rng.breitWigner(TOP_MASS, TOP_WIDTH, TOP_MASS - 10, TOP_MASS + 10);
        double m2 = rng.breitWigner(TOP_MASS, TOP_WIDTH, TOP_MASS - 10, TOP_MASS + 10);
        double mass = m1 + m2 + rng.gamma2(MASS_SCALE);
        Radiation.system(pair, mass, rng.gaussian(0, RAPIDITY_SIGMA), recoil[0], recoil[1]);
        Kinematics.twoBodyDecay(rng, pair, m1, m2, top, antitop);
        decayTop(rng, event, top, +1);
        decayTop(rng, event, antitop, -1);
    }

    private void decayTop(Rng rng, HardEvent event, double[] t, int charge) {
        double mw = Math.min(BosonDecays.wMass(rng), Kinematics.mass(t) - 5.0);
        Kinematics.twoBodyDecay(rng, t, 4.8, mw, b, w);
        event.addJet(b, HardEvent.BOTTOM);
        decays.decayTopW(rng, event, w, b, charge);
    }
}
