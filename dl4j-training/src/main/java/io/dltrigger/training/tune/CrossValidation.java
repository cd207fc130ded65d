package io.dltrigger.training.tune;

import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.eval.Predictions;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.Models;
import io.dltrigger.training.step.TrainingStep;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * k-fold cross-validation of one configuration on an in-memory sample (a grid search runs on a small sample):
 * event i belongs to fold i mod k of a seeded permutation; with k = 1, a single 80/20 validation split.
 */
public final class CrossValidation {
    private static final int SCORE_BATCH = 1024;

    private CrossValidation() {}

    public static FitResult run(GridPoint point, EventBlock sample, int folds) {
        long t0 = System.nanoTime();
        try {
            HyperParams p = point.hyperParams();
            int k = Math.max(1, folds);
            int parts = k == 1 ? 5 : k;
            int[] fold = new int[sample.size()];
            int[] perm = permutation(sample.size(), new Random(p.seed()));
            for (int i = 0; i < perm.length; i++) {
                fold[perm[i]] = i % parts;
            }
            double[] auc = new double[k];
            double loss = 0;
            for (int f = 0; f < k; f++) {
                EventBlock train = select(sample, fold, f, false);
                EventBlock val = select(sample, fold, f, true);
                ComputationGraph net = Models.build(p);
                TrainingStep step = TrainingStep.of(net, p);
                Random r = new Random(p.seed() + f);
                for (int e = 0; e < p.epochs(); e++) {
                    int[] order = permutation(train.size(), r);
                    for (int s = 0; s < order.length; s += p.batchSize()) {
                        step.fit(slice(train, order, s, Math.min(order.length, s + p.batchSize())));
                    }
                }
                Predictions pred = new Predictions();
                int[] all = permutation(val.size(), null);
                for (int s = 0; s < all.length; s += SCORE_BATCH) {
                    EventBlock b = slice(val, all, s, Math.min(all.length, s + SCORE_BATCH));
                    pred.add(Scoring.probabilities(net, p.model(), b), b.labels(), b.size());
                }
                auc[f] = pred.roc(1).auc();
                loss += pred.crossEntropy() / k;
            }
            double mean = java.util.Arrays.stream(auc).average().orElse(Double.NaN);
            double var = java.util.Arrays.stream(auc)
                            .map(a -> (a - mean) * (a - mean))
                            .sum()
                    / Math.max(1, k - 1);
            return new FitResult(point, FitResult.OK, mean, Math.sqrt(var), loss, seconds(t0), k, "");
        } catch (Throwable e) { // a failing combination is recorded, the others go on
            return new FitResult(
                    point,
                    FitResult.FAILED,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    seconds(t0),
                    folds,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** A seeded permutation of 0..n-1, or the identity when {@code r} is null. */
    private static int[] permutation(int n, Random r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        if (r != null) {
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
        return a;
    }

    private static EventBlock select(EventBlock all, int[] fold, int f, boolean inFold) {
        int n = 0;
        for (int x : fold) {
            if ((x == f) == inFold) {
                n++;
            }
        }
        EventBlock out = EventBlock.allocate(n, all.hasParticles());
        int j = 0;
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == f) == inFold) {
                out.copyEvent(all, i, j++);
            }
        }
        return out;
    }

    private static EventBlock slice(EventBlock all, int[] order, int from, int to) {
        EventBlock out = EventBlock.allocate(to - from, all.hasParticles());
        for (int i = from; i < to; i++) {
            out.copyEvent(all, order[i], i - from);
        }
        return out;
    }
}
