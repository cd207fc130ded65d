package io.dltrigger.generator.validation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.List;

/**
 * What a physicist would try before a neural network: the best single cut between two classes, and a
 * depth-2 decision tree (two levels of cuts) for all three. Cuts are chosen on one half of the balanced
 * sample and measured on the other. If these separated the classes the generator would be too easy.
 */
public final class CutBasedClassifier {
    private CutBasedClassifier() {}

    /** Accept events with variable above (or below) the threshold. */
    public record Cut(CutVariable variable, double threshold, boolean above) {
        public boolean accepts(HighLevelFeatures f) {
            double v = variable.of(f);
            return above ? v > threshold : v <= threshold;
        }

        @Override
        public String toString() {
            return variable + (above ? " > " : " <= ") + String.format(java.util.Locale.ROOT, "%.3g", threshold);
        }
    }

    public record PairResult(int signal, int background, Cut cut, double signalEfficiency, double backgroundRejection) {
        @JsonProperty("balancedAccuracy")
        public double balancedAccuracy() {
            return (signalEfficiency + backgroundRejection) / 2;
        }
    }

    /** A node: a leaf predicting {@code label}, or a cut with the subtrees for passing and failing events. */
    public record Node(Cut cut, Node pass, Node fail, int label) {
        public int predict(HighLevelFeatures f) {
            if (cut == null) {
                return label;
            }
            return cut.accepts(f) ? pass.predict(f) : fail.predict(f);
        }

        @Override
        public String toString() {
            return cut == null ? "class " + label : "(" + cut + " ? " + pass + " : " + fail + ")";
        }
    }

    public record TreeResult(Node tree, double accuracy, double ttbarEfficiency, double qcdRejection) {}

    /** The single cut that best separates {@code signal} from {@code background} (balanced accuracy). */
    public static PairResult bestCut(LabelledFeatures train, LabelledFeatures test, int signal, int background) {
        int[] idx = java.util.stream.IntStream.range(0, train.size())
                .filter(i -> train.labels()[i] == signal || train.labels()[i] == background)
                .toArray();
        List<HighLevelFeatures> f = pick(train.features(), idx);
        int[] y =
                Arrays.stream(idx).map(i -> train.labels()[i] == signal ? 1 : 0).toArray();
        Cut best = null;
        double bestScore = -1;
        for (CutVariable v : CutVariable.values()) {
            Sweep sweep = new Sweep(f, y, v, 2);
            while (sweep.next()) {
                // below: the fraction of each class at or under the threshold
                double sigBelow = sweep.below[1] / (double) sweep.total[1];
                double bkgBelow = sweep.below[0] / (double) sweep.total[0];
                double above = (1 - sigBelow) + bkgBelow;
                double below = sigBelow + (1 - bkgBelow);
                if (Math.max(above, below) > bestScore) {
                    bestScore = Math.max(above, below);
                    best = new Cut(v, sweep.threshold(), above >= below);
                }
            }
        }
        return new PairResult(
                signal, background, best, efficiency(test, signal, best), 1 - efficiency(test, background, best));
    }

    /** A depth-2 tree grown greedily by Gini impurity on the train half, measured on the test half. */
    public static TreeResult decisionTree(LabelledFeatures train, LabelledFeatures test, int ttbar, int qcd) {
        Node tree = grow(train.features(), train.labels(), 2);
        int correct = 0;
        int ttbarAll = 0;
        int ttbarKept = 0;
        int qcdAll = 0;
        int qcdRejected = 0;
        for (int i = 0; i < test.size(); i++) {
            int p = tree.predict(test.features().get(i));
            int y = test.labels()[i];
            correct += p == y ? 1 : 0;
            if (y == ttbar) {
                ttbarAll++;
                ttbarKept += p == ttbar ? 1 : 0;
            } else if (y == qcd) {
                qcdAll++;
                qcdRejected += p != ttbar ? 1 : 0;
            }
        }
        return new TreeResult(
                tree, correct / (double) test.size(), ttbarKept / (double) ttbarAll, qcdRejected / (double) qcdAll);
    }

    private static Node grow(List<HighLevelFeatures> f, int[] y, int depth) {
        int majority = majority(y);
        if (depth == 0 || y.length < 20 || gini(y) == 0) {
            return new Node(null, null, null, majority);
        }
        Cut best = null;
        double bestImpurity = gini(y);
        for (CutVariable v : CutVariable.values()) {
            Sweep sweep = new Sweep(f, y, v, 3);
            while (sweep.next()) {
                int nb = Arrays.stream(sweep.below).sum();
                int na = y.length - nb;
                int[] above = new int[3];
                for (int k = 0; k < 3; k++) {
                    above[k] = sweep.total[k] - sweep.below[k];
                }
                double impurity = (nb * gini(sweep.below, nb) + na * gini(above, na)) / y.length;
                if (impurity < bestImpurity - 1e-9) {
                    bestImpurity = impurity;
                    best = new Cut(v, sweep.threshold(), true);
                }
            }
        }
        if (best == null) {
            return new Node(null, null, null, majority);
        }
        Cut cut = best;
        int[] passIdx = java.util.stream.IntStream.range(0, y.length)
                .filter(i -> cut.accepts(f.get(i)))
                .toArray();
        int[] failIdx = java.util.stream.IntStream.range(0, y.length)
                .filter(i -> !cut.accepts(f.get(i)))
                .toArray();
        return new Node(
                cut,
                grow(pick(f, passIdx), pick(y, passIdx), depth - 1),
                grow(pick(f, failIdx), pick(y, failIdx), depth - 1),
                majority);
    }

    /**
     * Walks the events in increasing order of a variable and stops between distinct values, with the
     * per-class counts at or below the threshold: every distinct cut in one sorted pass.
     */
    private static final class Sweep {
        private final double[] values;
        private final int[] labels;
        final int[] below;
        final int[] total;
        private int i;

        Sweep(List<HighLevelFeatures> f, int[] y, CutVariable v, int classes) {
            double[] raw = f.stream().mapToDouble(v::of).toArray();
            Integer[] order = new Integer[raw.length];
            Arrays.setAll(order, k -> k);
            Arrays.sort(order, java.util.Comparator.comparingDouble(k -> raw[k]));
            values = Arrays.stream(order).mapToDouble(k -> raw[k]).toArray();
            labels = Arrays.stream(order).mapToInt(k -> y[k]).toArray();
            below = new int[classes];
            total = new int[classes];
            for (int l : labels) {
                total[l]++;
            }
        }

        /** Advances to the next boundary between distinct values; false when none is left. */
        boolean next() {
            while (i < values.length - 1) {
                below[labels[i]]++;
                i++;
                if (values[i] != values[i - 1]) {
                    return true;
                }
            }
            return false;
        }

        double threshold() {
            return (values[i - 1] + values[i]) / 2;
        }
    }

    private static List<HighLevelFeatures> pick(List<HighLevelFeatures> f, int[] idx) {
        return Arrays.stream(idx).mapToObj(f::get).toList();
    }

    private static int[] pick(int[] y, int[] idx) {
        return Arrays.stream(idx).map(i -> y[i]).toArray();
    }

    private static int majority(int[] y) {
        int[] count = new int[3];
        for (int l : y) {
            count[l]++;
        }
        return count[0] >= count[1] && count[0] >= count[2] ? 0 : count[1] >= count[2] ? 1 : 2;
    }

    private static double gini(int[] y) {
        int[] count = new int[3];
        for (int l : y) {
            count[l]++;
        }
        return gini(count, y.length);
    }

    private static double gini(int[] count, int n) {
        if (n == 0) {
            return 0;
        }
        double g = 1;
        for (int c : count) {
            g -= (c / (double) n) * (c / (double) n);
        }
        return g;
    }

    private static double efficiency(LabelledFeatures s, int label, Cut c) {
        int all = 0;
        int pass = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.labels()[i] == label) {
                all++;
                pass += c.accepts(s.features().get(i)) ? 1 : 0;
            }
        }
        return pass / (double) all;
    }
}
