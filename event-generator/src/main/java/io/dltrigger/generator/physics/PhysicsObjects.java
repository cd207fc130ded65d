package io.dltrigger.generator.physics;

import io.dltrigger.generator.event.DelphesEvent;
import java.util.Arrays;

/**
 * Reconstructed objects of one collection of one event (electrons, muons or jets), flat: pT, eta, phi and
 * one integer member (charge, or b-tag). Written out sorted by pT, as Delphes does.
 */
final class PhysicsObjects {
    int size;
    float[] pt = new float[8];
    float[] eta = new float[8];
    float[] phi = new float[8];
    int[] tag = new int[8];

    void clear() {
        size = 0;
    }

    void add(float opt, float oeta, float ophi, int otag) {
        if (size == pt.length) {
            pt = Arrays.copyOf(pt, 2 * size);
            eta = Arrays.copyOf(eta, 2 * size);
            phi = Arrays.copyOf(phi, 2 * size);
            tag = Arrays.copyOf(tag, 2 * size);
        }
        pt[size] = opt;
        eta[size] = oeta;
        phi[size] = ophi;
        tag[size] = otag;
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
        int c = tag[a];
        tag[a] = tag[b];
        tag[b] = c;
    }

    /** Puts the objects into the event as {@code collection.PT/Eta/Phi} and {@code collection.tagMember}. */
    void putInto(DelphesEvent e, String collection, String tagMember) {
        e.put(collection, "PT", Arrays.copyOf(pt, size))
                .put(collection, "Eta", Arrays.copyOf(eta, size))
                .put(collection, "Phi", Arrays.copyOf(phi, size))
                .put(collection, tagMember, Arrays.copyOf(tag, size));
    }
}
