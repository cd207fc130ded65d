package io.dltrigger.generator.physics;

/**
 * Charged leptons, prompt or not: final-state radiation, a track (so the lepton is in its own charged
 * isolation sum, as in Delphes), and reconstruction with an efficiency into the Electron or MuonTight
 * collection, sharing the track's pT, eta and phi. Isolation is not decided here: it follows from the
 * particles that happen to lie around the lepton.
 */
final class LeptonReconstruction {
    static final double PT_MIN = 10.0;
    private static final double MUON_ETA = 2.4;
    private static final double ELECTRON_FSR = 0.12;
    private static final double MUON_FSR = 0.06;

    private final Rng rng;
    private final Detector detector;
    final PhysicsObjects electrons = new PhysicsObjects();
    final PhysicsObjects muons = new PhysicsObjects();

    LeptonReconstruction(Rng rng, Detector detector) {
        this.rng = rng;
        this.detector = detector;
    }

    void apply(HardEvent event) {
        electrons.clear();
        muons.clear();
        for (int i = 0; i < event.pieces; i++) {
            if (event.isLepton(i)) {
                lepton(event, i);
            }
        }
        electrons.sortByPt();
        muons.sortByPt();
    }

    private void lepton(HardEvent event, int i) {
        boolean electron = event.kind[i] == HardEvent.ELECTRON;
        double pt = event.pt(i);
        double eta = event.eta(i);
        double phi = Kinematics.phi(event.px[i], event.py[i]);
        int jet = event.jetOf[i];
        if (event.prompt[i] && rng.chance(electron ? ELECTRON_FSR : MUON_FSR)) {
            // A collinear photon takes a share of the momentum; it usually lands inside the isolation cone.
            double y = rng.uniform(0.05, 0.5);
            double dr = rng.exponential(0.08);
            double alpha = rng.phi();
            detector.photon(y * pt, eta + dr * Math.cos(alpha), Kinematics.wrap(phi + dr * Math.sin(alpha)), jet);
            pt *= 1 - y;
        }
        double abs = Math.abs(eta);
        if (abs >= Detector.TRACKER_ETA) {
            // Beyond the tracker an electron is a calorimeter deposit; a muon leaves nothing.
            if (electron) {
                detector.photon(pt, eta, phi, jet);
            }
            return;
        }
        double resolution = electron ? 0.02 : 0.01 + 1e-4 * pt;
        double smeared = pt * (1 + resolution * rng.gaussian());
        if (smeared < Detector.TRACK_PT_MIN) {
            return;
        }
        int pid = (electron ? 11 : 13) * -event.charge[i];
        float stored = detector.track(
                smeared,
                eta,
                phi,
                pid,
                detector.vertexX + event.dx[i],
                detector.vertexY + event.dy[i],
                detector.vertexZ + event.dz[i],
                jet);
        if (stored < PT_MIN || !rng.chance(efficiency(electron, abs))) {
            return;
        }
        (electron ? electrons : muons).add(stored, (float) eta, (float) phi, event.charge[i]);
    }

    private static double efficiency(boolean electron, double absEta) {
        if (electron) {
            return absEta < 1.5 ? 0.90 : 0.80;
        }
        return absEta < MUON_ETA ? 0.95 : 0.0;
    }
}
