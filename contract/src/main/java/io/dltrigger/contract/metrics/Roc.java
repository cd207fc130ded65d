package io.dltrigger.contract.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A binary ROC curve and its area, the figure by which every stage reports class separation (the generator's
 * validation, the trained models' metrics, the reports). Points (false-positive rate, true-positive rate) run
 * from the highest threshold down, tied scores taken together (one diagonal step), and the area is the trapezoid
 * rule over them, which equals the Mann-Whitney statistic with ties counted half. Exact: no threshold binning.
 */
public record Roc(double[] fpr, double[] tpr, double auc) {

    /** {@code scores[i]} of event i for the positive class; {@code positive[i]} whether it is one. */
    public static Roc of(double[] scores, boolean[] positive, int n) {
        Integer[] order = new Integer[n];
        long pos = 0;
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (positive[i]) {
                pos++;
            }
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException(
                    "ROC needs both classes; got " + pos + " positive, " + neg + " negative");
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        double area = 0;
        int i = 0;
        while (i < n) {
            double s = scores[order[i]];
            long tp0 = tp;
            long fp0 = fp;
            while (i < n && scores[order[i]] == s) {
                if (positive[order[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                i++;
            }
            area += (double) (fp - fp0) / neg * ((double) (tp + tp0) / 2 / pos);
            points.add(new double[] {(double) fp / neg, (double) tp / pos});
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = points.get(k)[0];
            y[k] = points.get(k)[1];
        }
        return new Roc(x, y, area);
    }

    public static Roc of(float[] scores, boolean[] positive, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = scores[i];
        }
        return of(d, positive, n);
    }

    /** The area alone, over every element of the arrays. */
    public static double auc(double[] scores, boolean[] positive) {
        return of(scores, positive, scores.length).auc();
    }
}
