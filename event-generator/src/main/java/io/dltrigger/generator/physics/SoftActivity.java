package io.dltrigger.generator.physics;

/**
 * Soft particles in every event: the underlying event of the hard collision (from its vertex) and
 * pile-up collisions (a Poisson number, each from its own vertex elsewhere along the beam). Flat in
 * pseudorapidity over the tracker (charged) or the central calorimeters (photons, neutral hadrons), with
 * pT spectra p exp(-p / T); now and then a pile-up collision makes a jet of its own.
 */
final class SoftActivity {
    static final double MEAN_PILE_UP = 30;
    private static final double SOFT_ETA = 3.0;
    private static final double UE_CHARGED = 40;
    private static final double UE_PHOTONS = 20;
    private static final double UE_NEUTRALS = 10;
    private static final double PU_CHARGED = 16;
    private static final double PU_PHOTONS = 7;
    private static final double PU_NEUTRALS = 4;

    /** Chance that a pile-up collision makes a jet above 20 GeV (no pile-up jet suppression is modelled). */
    private static final double PU_JET = 0.02;

    private final Rng rng;
    private final Detector detector;
    private final Fragmentation fragmentation;
    private final HardEvent event;
    private final double[] p = new double[4];

    SoftActivity(Rng rng, Detector detector, Fragmentation fragmentation, HardEvent event) {
        this.rng = rng;
        this.detector = detector;
        this.fragmentation = fragmentation;
        this.event = event;
    }

    void apply() {
        interaction(detector.vertexX, detector.vertexY, detector.vertexZ, UE_CHARGED, UE_PHOTONS, UE_NEUTRALS);
        int pileUp = rng.poisson(MEAN_PILE_UP);
        for (int k = 0; k < pileUp; k++) {
            double vx = detector.beamSpotXY();
            double vy = detector.beamSpotXY();
            double vz = detector.beamSpotZ();
            interaction(vx, vy, vz, PU_CHARGED, PU_PHOTONS, PU_NEUTRALS);
            if (rng.chance(PU_JET)) {
                pileUpJet(vx, vy, vz);
            }
        }
    }

    private void pileUpJet(double vx, double vy, double vz) {
        Kinematics.fromPtRapidity(p, rng.powerLaw(20, 3.0), rng.uniform(-4, 4), rng.phi(), 0);
        int j = event.newJet(p[0], p[1], p[2], Radiation.lightOrGluon(rng, Radiation.P_GLUON));
        int i = event.addPiece(HardEvent.SHOWER, j, p[0], p[1], p[2], 0, 0, false);
        event.displace(i, vx - detector.vertexX, vy - detector.vertexY, vz - detector.vertexZ);
        fragmentation.fragment(event, i);
    }

    private void interaction(double vx, double vy, double vz, double charged, double photons, double neutrals) {
        for (int n = rng.poisson(charged); n > 0; n--) {
            detector.charged(
                    rng.gamma2(0.3),
                    rng.uniform(-Detector.TRACKER_ETA, Detector.TRACKER_ETA),
                    rng.phi(),
                    fragmentation.chargedPid(),
                    vx,
                    vy,
                    vz,
                    -1);
        }
        for (int n = rng.poisson(photons); n > 0; n--) {
            detector.photon(rng.gamma2(0.35), rng.uniform(-SOFT_ETA, SOFT_ETA), rng.phi(), -1);
        }
        for (int n = rng.poisson(neutrals); n > 0; n--) {
            detector.neutralHadron(rng.gamma2(0.6), rng.uniform(-SOFT_ETA, SOFT_ETA), rng.phi(), -1);
        }
    }
}
