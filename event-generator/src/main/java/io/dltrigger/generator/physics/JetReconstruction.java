package io.dltrigger.generator.physics;

/**
 * Jets from the constituent sums the detector accumulated per seed: seeds closer than the cone radius merge
 * (what anti-kT does to a boosted top's decay products), jets below 20 GeV are dropped as in Delphes, and
 * b-tagging is an efficiency by flavour inside the tracker. Prompt leptons are not clustered into jets
 * (Delphes would, leaving the overlap removal to the analysis).
 */
final class JetReconstruction {
    static final double PT_MIN = 20.0;
    /** Jet energy scale correction: undoes the mean loss to neutrinos, thresholds and out-of-cone radiation. */
    private static final double ENERGY_SCALE = 1.06;

    private static final double B_EFFICIENCY = 0.65;
    private static final double C_MISTAG = 0.2;
    private static final double LIGHT_MISTAG = 0.02;

    private final Rng rng;
    final PhysicsObjects reconstructed = new PhysicsObjects();
    private double[] px = new double[16];
    private double[] py = new double[16];
    private double[] pz = new double[16];
    private int[] flavour = new int[16];
    private boolean[] alive = new boolean[16];
    private double[] jetEta = new double[16];
    private double[] jetPhi = new double[16];

    JetReconstruction(Rng rng) {
        this.rng = rng;
    }

    void apply(HardEvent event) {
        int n = event.jets;
        ensure(n);
        for (int j = 0; j < n; j++) {
            px[j] = event.sumPx[j];
            py[j] = event.sumPy[j];
            pz[j] = event.sumPz[j];
            flavour[j] = event.jetFlavour[j];
            alive[j] = Kinematics.pt(px[j], py[j]) > 1.0;
            direction(j);
        }
        merge(n);
        reconstructed.clear();
        for (int j = 0; j < n; j++) {
            double jpt = ENERGY_SCALE * Kinematics.pt(px[j], py[j]);
            if (!alive[j] || jpt < PT_MIN || Math.abs(jetEta[j]) > Detector.CALO_ETA) {
                continue;
            }
            int btag =
                    Math.abs(jetEta[j]) < Detector.TRACKER_ETA && rng.chance(tagProbability(flavour[j], jpt)) ? 1 : 0;
            reconstructed.add((float) jpt, (float) jetEta[j], (float) jetPhi[j], btag);
        }
        reconstructed.sortByPt();
    }

    private void merge(int n) {
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int a = 0; a < n && !merged; a++) {
                for (int b = a + 1; b < n && !merged; b++) {
                    if (alive[a]
                            && alive[b]
                            && Kinematics.deltaR2(jetEta[a], jetPhi[a], jetEta[b], jetPhi[b])
                                    < Detector.JET_RADIUS * Detector.JET_RADIUS) {
                        px[a] += px[b];
                        py[a] += py[b];
                        pz[a] += pz[b];
                        flavour[a] = HardEvent.merged(flavour[a], flavour[b]);
                        alive[b] = false;
                        direction(a);
                        merged = true;
                    }
                }
            }
        }
    }

    private void direction(int j) {
        jetEta[j] = Kinematics.eta(px[j], py[j], pz[j]);
        jetPhi[j] = Kinematics.phi(px[j], py[j]);
    }

    private static double tagProbability(int flavour, double pt) {
        return switch (flavour) {
            case HardEvent.BOTTOM -> pt < 30 ? B_EFFICIENCY - 0.1 : B_EFFICIENCY;
            case HardEvent.CHARM -> C_MISTAG;
            default -> LIGHT_MISTAG;
        };
    }

    private void ensure(int n) {
        if (px.length < n) {
            int m = 2 * n;
            px = new double[m];
            py = new double[m];
            pz = new double[m];
            flavour = new int[m];
            alive = new boolean[m];
            jetEta = new double[m];
            jetPhi = new double[m];
        }
    }
}
