package io.dltrigger.training.eval;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.metrics.Roc;
import java.util.Arrays;

/** Class probabilities and true labels of a set of events, grown as batches are scored. */
public final class Predictions {
    private float[] probs = new float[1024 * EventClass.COUNT];
    private int[] labels = new int[1024];
    private int size;

    public void add(float[] batchProbs, int[] batchLabels, int n) {
        if (size + n > labels.length) {
            int cap = Math.max(labels.length * 2, size + n);
            labels = Arrays.copyOf(labels, cap);
            probs = Arrays.copyOf(probs, cap * EventClass.COUNT);
        }
        System.arraycopy(batchProbs, 0, probs, size * EventClass.COUNT, n * EventClass.COUNT);
        System.arraycopy(batchLabels, 0, labels, size, n);
        size += n;
    }

    public int size() {
        return size;
    }

    public int label(int i) {
        return labels[i];
    }

    public float prob(int i, int cls) {
        return probs[i * EventClass.COUNT + cls];
    }

    public int predicted(int i) {
        int best = 0;
        for (int c = 1; c < EventClass.COUNT; c++) {
            if (prob(i, c) > prob(i, best)) {
                best = c;
            }
        }
        return best;
    }

    /** One-vs-rest ROC of class {@code cls}. */
    public Roc roc(int cls) {
        float[] s = new float[size];
        boolean[] pos = new boolean[size];
        for (int i = 0; i < size; i++) {
            s[i] = prob(i, cls);
            pos[i] = labels[i] == cls;
        }
        return Roc.of(s, pos, size);
    }

    /** Mean categorical cross-entropy (the training loss, without regularization). */
    public double crossEntropy() {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum -= Math.log(Math.max(prob(i, labels[i]), 1e-7f));
        }
        return sum / size;
    }
}
