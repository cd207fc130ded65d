package io.dltrigger.generator.physics;

import java.util.Arrays;

/**
 * The energy-flow particles of one event in growable flat arrays (tracks, photons, neutral hadrons), and
 * the running vector sum of everything visible, whose negative is the missing transverse energy.
 */
final class EFlowBuffer {
    int tracks;
    float[] trackPt = new float[1024];
    float[] trackEta = new float[1024];
    float[] trackPhi = new float[1024];
    int[] trackPid = new int[1024];
    float[] trackX = new float[1024];
    float[] trackY = new float[1024];
    float[] trackZ = new float[1024];

    int photons;
    float[] photonEt = new float[512];
    float[] photonEta = new float[512];
    float[] photonPhi = new float[512];

    int neutrals;
    float[] neutralEt = new float[512];
    float[] neutralEta = new float[512];
    float[] neutralPhi = new float[512];

    double visibleX;
    double visibleY;

    void clear() {
        tracks = 0;
        photons = 0;
        neutrals = 0;
        visibleX = 0;
        visibleY = 0;
    }

    void addTrack(float pt, float eta, float phi, int pid, float x, float y, float z) {
        if (tracks == trackPt.length) {
            int n = 2 * tracks;
            trackPt = Arrays.copyOf(trackPt, n);
            trackEta = Arrays.copyOf(trackEta, n);
            trackPhi = Arrays.copyOf(trackPhi, n);
            trackPid = Arrays.copyOf(trackPid, n);
            trackX = Arrays.copyOf(trackX, n);
            trackY = Arrays.copyOf(trackY, n);
            trackZ = Arrays.copyOf(trackZ, n);
        }
        int i = tracks++;
        trackPt[i] = pt;
        trackEta[i] = eta;
        trackPhi[i] = phi;
        trackPid[i] = pid;
        trackX[i] = x;
        trackY[i] = y;
        trackZ[i] = z;
    }

    void addPhoton(float et, float eta, float phi) {
        if (photons == photonEt.length) {
            int n = 2 * photons;
            photonEt = Arrays.copyOf(photonEt, n);
            photonEta = Arrays.copyOf(photonEta, n);
            photonPhi = Arrays.copyOf(photonPhi, n);
        }
        int i = photons++;
        photonEt[i] = et;
        photonEta[i] = eta;
        photonPhi[i] = phi;
    }

    void addNeutral(float et, float eta, float phi) {
        if (neutrals == neutralEt.length) {
            int n = 2 * neutrals;
            neutralEt = Arrays.copyOf(neutralEt, n);
            neutralEta = Arrays.copyOf(neutralEta, n);
            neutralPhi = Arrays.copyOf(neutralPhi, n);
        }
        int i = neutrals++;
        neutralEt[i] = et;
        neutralEta[i] = eta;
        neutralPhi[i] = phi;
    }
}
