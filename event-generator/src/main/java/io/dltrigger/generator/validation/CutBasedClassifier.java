package io.dltrigger.generator.validation;

import java.util.Arrays;
import java.util.List;

/**
 * What a physicist would try before a neural network: the best single cut between two classes, and a
 * depth-2 decision tree (two levels of cuts) for all three. Cuts are chosen on one half of the balanced
 * sample and measured on the other. If these separated the classes the generator would be too easy.
 */
public final class CutBasedClassifier {
    private static final int THRESHOLDS = 100;

    private CutBasedClassifier() {
    }

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

    public record PairResult(int signal, int background, Cut cut, double signalEfficiency,
            double backgroundRejection) {
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

    public record TreeResult(Node tree, double accuracy, double ttbarEfficiency, double qcdRejection) {
    }

    /** The single cut that best separates {@code signal} from {@code background} (balanced accuracy). */
    public static PairResult bestCut(LabelledFeatures train, LabelledFeatures test, int signal, int background) {
        Cut best = null;
        double bestScore = -1;
        for (CutVariable v : CutVariable.values()) {
            for (double t : thresholds(train.features(), v)) {
                for (boolean above : new boolean[] {true, false}) {
                    Cut c = new Cut(v, t, above);
                    double score = efficiency(train, signal, c) + 1 - efficiency(train, background, c);
                    if (score > bestScore) {
                        bestScore = score;
                        best = c;
                    }
                }
            }
        }
        return new PairResult(signal, background, best, efficiency(test, signal, best),
                1 - efficiency(test, background, best));
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
        return new TreeResult(tree, correct / (double) test.size(), ttbarKept / (double) ttbarAll,
                qcdRejected / (double) qcdAll);
    }

    private static Node grow(List<HighLevelFeatures> f, int[] y, int depth) {
        int majority = majority(y);
        if (depth == 0 || y.length < 20 || gini(y) == 0) {
            return new Node(null, null, null, majority);
        }
        Cut best = null;
        double bestImpurity = gini(y);
        for (CutVariable v : CutVariable.values()) {
            for (double t : thresholds(f, v)) {
                Cut c = new Cut(v, t, true);
                int[] pass = new int[3];
                int[] fail = new int[3];
                for (int i = 0; i < y.length; i++) {
                    (c.accepts(f.get(i)) ? pass : fail)[y[i]]++;
                }
                int np = Arrays.stream(pass).sum();
                int nf = y.length - np;
                double impurity = (np * gini(pass, np) + nf * gini(fail, nf)) / y.length;
                if (np > 0 && nf > 0 && impurity < bestImpurity - 1e-9) {
                    bestImpurity = impurity;
                    best = c;
                }
            }
        }
        if (best == null) {
            return new Node(null, null, null, majority);
        }
        Cut cut = best;
        int[] passIdx = java.util.stream.IntStream.range(0, y.length).filter(i -> cut.accepts(f.get(i))).toArray();
        int[] failIdx = java.util.stream.IntStream.range(0, y.length).filter(i -> !cut.accepts(f.get(i))).toArray();
        return new Node(cut, grow(pick(f, passIdx), pick(y, passIdx), depth - 1),
                grow(pick(f, failIdx), pick(y, failIdx), depth - 1), majority);
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

    /** Candidate thresholds: the variable's quantiles (all its distinct values when it has few). */
    private static double[] thresholds(List<HighLevelFeatures> f, CutVariable v) {
        double[] values = f.stream().mapToDouble(v::of).sorted().toArray();
        double[] q = new double[THRESHOLDS];
        for (int k = 0; k < THRESHOLDS; k++) {
            q[k] = values[(int) ((long) k * (values.length - 1) / (THRESHOLDS - 1))];
        }
        return Arrays.stream(q).distinct().toArray();
    }
}
