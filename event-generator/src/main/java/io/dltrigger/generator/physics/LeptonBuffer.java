package io.dltrigger.generator.physics;

import java.util.Arrays;

/** Reconstructed electrons or muons of one event, flat; written out sorted by pT as Delphes does. */
final class LeptonBuffer {
    int size;
    float[] pt = new float[8];
    float[] eta = new float[8];
    float[] phi = new float[8];
    int[] charge = new int[8];

    void clear() {
        size = 0;
    }

    void add(float lpt, float leta, float lphi, int lcharge) {
        if (size == pt.length) {
            pt = Arrays.copyOf(pt, 2 * size);
            eta = Arrays.copyOf(eta, 2 * size);
            phi = Arrays.copyOf(phi, 2 * size);
            charge = Arrays.copyOf(charge, 2 * size);
        }
        pt[size] = lpt;
        eta[size] = leta;
        phi[size] = lphi;
        charge[size] = lcharge;
        size++;
    }

    /** Insertion sort by decreasing pT: a handful of entries. */
    void sortByPt() {
        for (int i = 1; i < size; i++) {
            for (int k = i; k > 0 && pt[k] > pt[k - 1]; k--) {
                swap(k, k - 1);
            }
        }
    }

    private void swap(int a, int b) {
        float t = pt[a];
        pt[a] = pt[b];
        pt[b] = t;
        t = eta[a];
        eta[a] = eta[b];
        eta[b] = t;
        t = phi[a];
        phi[a] = phi[b];
        phi[b] = t;
        int c = charge[a];
        charge[a] = charge[b];
        charge[b] = c;
    }
}
