package io.dltrigger.generator.validation;

import io.dltrigger.generator.event.DelphesEvent;

/**
 * PFIso as PHYSICS.md defines it: the sum of pT of the entries of a map within Delta R < 0.3 of a particle,
 * divided by the particle's pT. Maps: tracks with PT > 0.5, neutral hadrons and photons with ET > 1.
 */
public final class Isolation {
    static final double CONE = 0.3;
    static final float TRACK_PT_MIN = 0.5f;
    static final float NEUTRAL_ET_MIN = 1.0f;

    private final float[] trackPt;
    private final float[] trackEta;
    private final float[] trackPhi;
    private final float[] photonEt;
    private final float[] photonEta;
    private final float[] photonPhi;
    private final float[] neutralEt;
    private final float[] neutralEta;
    private final float[] neutralPhi;

    public Isolation(DelphesEvent e) {
        trackPt = e.floats("EFlowTrack", "PT");
        trackEta = e.floats("EFlowTrack", "Eta");
        trackPhi = e.floats("EFlowTrack", "Phi");
        photonEt = e.floats("EFlowPhoton", "ET");
        photonEta = e.floats("EFlowPhoton", "Eta");
        photonPhi = e.floats("EFlowPhoton", "Phi");
        neutralEt = e.floats("EFlowNeutralHadron", "ET");
        neutralEta = e.floats("EFlowNeutralHadron", "Eta");
        neutralPhi = e.floats("EFlowNeutralHadron", "Phi");
    }

    /** The reference drops events where any of the three maps is empty. */
    public boolean mapsNonEmpty() {
        return count(trackPt, TRACK_PT_MIN) > 0
                && count(photonEt, NEUTRAL_ET_MIN) > 0
                && count(neutralEt, NEUTRAL_ET_MIN) > 0;
    }

    /** Charged isolation, minus 1: the particle's own track is in the map. */
    public double charged(double pt, double eta, double phi) {
        return sum(trackPt, trackEta, trackPhi, TRACK_PT_MIN, eta, phi) / pt - 1.0;
    }

    public double photon(double pt, double eta, double phi) {
        return sum(photonEt, photonEta, photonPhi, NEUTRAL_ET_MIN, eta, phi) / pt;
    }

    public double neutral(double pt, double eta, double phi) {
        return sum(neutralEt, neutralEta, neutralPhi, NEUTRAL_ET_MIN, eta, phi) / pt;
    }

    private static double sum(float[] pt, float[] eta, float[] phi, float min, double e, double p) {
        double s = 0;
        for (int i = 0; i < pt.length; i++) {
            if (pt[i] > min && deltaR2(eta[i], phi[i], e, p) < CONE * CONE) {
                s += pt[i];
            }
        }
        return s;
    }

    static double deltaR2(double eta1, double phi1, double eta2, double phi2) {
        double deta = eta1 - eta2;
        double dphi = phi1 - phi2;
        while (dphi > Math.PI) {
            dphi -= 2 * Math.PI;
        }
        while (dphi < -Math.PI) {
            dphi += 2 * Math.PI;
        }
        return deta * deta + dphi * dphi;
    }

    private static int count(float[] v, float min) {
        int n = 0;
        for (float x : v) {
            if (x > min) {
                n++;
            }
        }
        return n;
    }
}
