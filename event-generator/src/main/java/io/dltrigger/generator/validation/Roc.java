package io.dltrigger.generator.validation;

import java.util.Arrays;
import java.util.Comparator;

/** Area under the ROC curve as the Mann-Whitney statistic, ties counted half. */
final class Roc {
    private Roc() {}

    static double auc(double[] score, boolean[] positive) {
        Integer[] idx = new Integer[score.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, Comparator.comparingDouble(i -> score[i]));
        double rankSumPositive = 0;
        long nPos = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && score[idx[j + 1]] == score[idx[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[idx[k]]) {
                    rankSumPositive += rank;
                    nPos++;
                }
            }
            i = j + 1;
        }
        long nNeg = score.length - nPos;
        return (rankSumPositive - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }
}
