package io.dltrigger.generator.physics;

/**
 * A CMS-like detector in a few numbers: tracker acceptance and resolution, electromagnetic and hadronic
 * calorimeter resolutions and thresholds, track-vertex resolution. Every particle goes through here: it
 * is smeared, thresholded, stored in the energy flow, added to the visible sum (hence MET), and added to
 * its jet when it falls inside the jet cone.
 */
final class Detector {
    static final double TRACKER_ETA = 2.5;
    static final double CALO_ETA = 4.9;
    static final double JET_RADIUS = 0.4;
    static final double TRACK_PT_MIN = 0.3;
    private static final double PHOTON_E_MIN = 0.5;
    private static final double NEUTRAL_E_MIN = 1.0;
    private static final double BEAM_SPOT_XY_MM = 0.015;
    private static final double BEAM_SPOT_Z_MM = 50.0;

    private final Rng rng;
    private final EFlowBuffer eflow;
    private final HardEvent hard;
    /** The hard interaction's vertex (mm): every pile-up vertex is elsewhere along z. */
    double vertexX;

    double vertexY;
    double vertexZ;

    Detector(Rng rng, EFlowBuffer eflow, HardEvent hard) {
        this.rng = rng;
        this.eflow = eflow;
        this.hard = hard;
    }

    void newEvent() {
        eflow.clear();
        vertexX = beamSpotXY();
        vertexY = beamSpotXY();
        vertexZ = beamSpotZ();
    }

    double beamSpotXY() {
        return rng.gaussian(0, BEAM_SPOT_XY_MM);
    }

    double beamSpotZ() {
        return rng.gaussian(0, BEAM_SPOT_Z_MM);
    }

    /**
     * A charged hadron from vertex (vx, vy, vz): a track inside the tracker, a calorimeter deposit beyond it.
     * Returns nothing: it lands in the energy flow, the visible sum and jet {@code jet} (-1: none).
     */
    void charged(double pt, double eta, double phi, int pid, double vx, double vy, double vz, int jet) {
        double abs = Math.abs(eta);
        if (abs < TRACKER_ETA) {
            if (pt < TRACK_PT_MIN) {
                return;
            }
            track(pt * (1 + rng.gaussian() * (0.01 + 2e-4 * pt)), eta, phi, pid, vx, vy, vz, jet);
        } else if (abs < CALO_ETA) {
            neutralHadron(pt, eta, phi, jet);
        }
    }

    /** Stores a track with an already smeared pT and returns the float pT it was stored with. */
    float track(double pt, double eta, double phi, int pid, double vx, double vy, double vz, int jet) {
        double sxy = 0.01 + 0.03 / pt;
        double sz = 0.02 + 0.06 / pt;
        float fpt = (float) pt;
        eflow.addTrack(
                fpt,
                (float) eta,
                (float) phi,
                pid,
                (float) (vx + sxy * rng.gaussian()),
                (float) (vy + sxy * rng.gaussian()),
                (float) (vz + sz * rng.gaussian()));
        visible(pt, eta, phi, jet);
        return fpt;
    }

    void photon(double et, double eta, double phi, int jet) {
        if (Math.abs(eta) >= CALO_ETA) {
            return;
        }
        double cosh = Math.cosh(eta);
        double e = et * cosh;
        // ECAL: 5%/sqrt(E) stochastic, 1% constant.
        e *= 1 + rng.gaussian() * Math.sqrt(0.0025 / e + 1e-4);
        if (e > PHOTON_E_MIN) {
            eflow.addPhoton((float) (e / cosh), (float) eta, (float) phi);
            visible(e / cosh, eta, phi, jet);
        }
    }

    void neutralHadron(double et, double eta, double phi, int jet) {
        if (Math.abs(eta) >= CALO_ETA) {
            return;
        }
        double cosh = Math.cosh(eta);
        double e = et * cosh;
        // HCAL: 100%/sqrt(E) stochastic, 5% constant.
        e *= 1 + rng.gaussian() * Math.sqrt(1.0 / e + 0.0025);
        if (e > NEUTRAL_E_MIN) {
            eflow.addNeutral((float) (e / cosh), (float) eta, (float) phi);
            visible(e / cosh, eta, phi, jet);
        }
    }

    private void visible(double pt, double eta, double phi, int jet) {
        double px = pt * Math.cos(phi);
        double py = pt * Math.sin(phi);
        eflow.visibleX += px;
        eflow.visibleY += py;
        if (jet >= 0 && Kinematics.deltaR2(eta, phi, hard.axisEta[jet], hard.axisPhi[jet]) < JET_RADIUS * JET_RADIUS) {
            hard.sumPx[jet] += px;
            hard.sumPy[jet] += py;
            hard.sumPz[jet] += pt * Math.sinh(eta);
        }
    }
}
