package io.dltrigger.generator.physics;

/**
 * QCD 2 -> 2 with a steeply falling pT spectrum plus radiation. The sample is lepton-filtered, so one jet
 * is made to yield a lepton: a semileptonic b or c hadron decay (mostly), or a light-hadron decay in flight
 * or photon conversion; the lepton then sits inside its jet, usually non-isolated. Heavy flavour comes in
 * pairs more often than not (gluon splitting, flavour creation), so lepton-filtered QCD is b-rich.
 */
final class QcdProcess implements HardProcess {
    private static final double PT_HAT_MIN = 30.0;
    private static final double PT_HAT_INDEX = 3.0;
    private static final double RAPIDITY_SIGMA = 1.5;
    private static final double MEAN_EXTRA_JETS = 2.5;
    private static final double P_BOTTOM = 0.6;
    private static final double P_CHARM = 0.2;
    /** Light partons of 2 -> 2 QCD at pT 30-100 GeV are mostly gluons (gg -> gg and qg -> qg dominate). */
    private static final double P_GLUON = 0.6;

    private final Radiation radiation = new Radiation(18.0, 2.0);
    private final double[] recoil = new double[2];
    private final double[] p = new double[4];

    @Override
    public void generate(Rng rng, HardEvent event) {
        radiation.emit(rng, event, MEAN_EXTRA_JETS, recoil);
        double ptHat = rng.powerLaw(PT_HAT_MIN, PT_HAT_INDEX);
        double phi = rng.phi();
        double u = rng.uniform();
        int leptonFlavour = u < P_BOTTOM
                ? HardEvent.BOTTOM
                : u < P_BOTTOM + P_CHARM ? HardEvent.CHARM : Radiation.lightOrGluon(rng, P_GLUON);
        int partnerFlavour = switch (leptonFlavour) {
            case HardEvent.BOTTOM -> rng.chance(0.7) ? HardEvent.BOTTOM : Radiation.lightOrGluon(rng, P_GLUON);
            case HardEvent.CHARM -> rng.chance(0.5) ? HardEvent.CHARM : Radiation.lightOrGluon(rng, P_GLUON);
            default -> Radiation.lightOrGluon(rng, P_GLUON);
        };
        // The dijet shares the recoil against the extra radiation.
        int lepJet = addParton(rng, event, ptHat, phi, leptonFlavour);
        addParton(rng, event, ptHat, phi + Math.PI, partnerFlavour);
        event.jetForceLepton[lepJet] = true;
    }

    private int addParton(Rng rng, HardEvent event, double pt, double phi, int flavour) {
        double x = pt * Math.cos(phi) + 0.5 * recoil[0];
        double y = pt * Math.sin(phi) + 0.5 * recoil[1];
        double ptNew = Kinematics.pt(x, y);
        Kinematics.set(p, x, y, ptNew * Math.sinh(rng.gaussian(0, RAPIDITY_SIGMA)), 0);
        return event.addJet(p, flavour);
    }
}
