package io.dltrigger.generator.validation;

import io.dltrigger.contract.metrics.Roc;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The reference HLF classifier (Dense 50-20-10 ReLU, softmax 3, Adam, cross-entropy), in plain Java and
 * small enough to train in seconds: it tells how separable the generated classes are for a DNN, which is
 * what the generator is tuned against (neither trivial nor hopeless). Not the training stage's model.
 */
public final class MlpProbe {
    private static final int[] LAYERS = {14, 50, 20, 10, 3};
    private static final double LEARNING_RATE = 1e-3;
    private static final int BATCH = 128;

    private final int depth = LAYERS.length - 1;
    private final double[][][] w = new double[depth][][];
    private final double[][] b = new double[depth][];
    private final double[][][] gw = new double[depth][][];
    private final double[][] gb = new double[depth][];
    private final double[][][] mw = new double[depth][][];
    private final double[][][] vw = new double[depth][][];
    private final double[][] mb = new double[depth][];
    private final double[][] vb = new double[depth][];
    private final double[][] act = new double[LAYERS.length][];
    private final double[][] delta = new double[LAYERS.length][];
    private double[] mean;
    private double[] sd;
    private int step;

    /** Per-class one-vs-rest AUC on the test half; {@code auc[1]} is the ttbar selector's. */
    public record Result(double[] auc, double accuracy) {}

    private MlpProbe(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int l = 0; l < depth; l++) {
            int in = LAYERS[l];
            int out = LAYERS[l + 1];
            w[l] = new double[out][in];
            gw[l] = new double[out][in];
            mw[l] = new double[out][in];
            vw[l] = new double[out][in];
            b[l] = new double[out];
            gb[l] = new double[out];
            mb[l] = new double[out];
            vb[l] = new double[out];
            double scale = Math.sqrt(6.0 / (in + out));
            for (double[] row : w[l]) {
                for (int i = 0; i < in; i++) {
                    row[i] = scale * (2 * rng.nextDouble() - 1);
                }
            }
        }
        for (int l = 0; l < LAYERS.length; l++) {
            act[l] = new double[LAYERS[l]];
            delta[l] = new double[LAYERS[l]];
        }
    }

    public static Result trainAndTest(LabelledFeatures train, LabelledFeatures test, int epochs, long seed) {
        MlpProbe net = new MlpProbe(seed);
        double[][] x = net.fitScaler(train);
        int[] order = java.util.stream.IntStream.range(0, x.length).toArray();
        SplittableRandom shuffle = new SplittableRandom(seed + 1);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int k = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            for (int start = 0; start < order.length; start += BATCH) {
                int end = Math.min(order.length, start + BATCH);
                for (int i = start; i < end; i++) {
                    net.forward(x[order[i]]);
                    net.backward(train.labels()[order[i]]);
                }
                net.adam(end - start);
            }
        }
        return net.evaluate(test);
    }

    private double[][] fitScaler(LabelledFeatures train) {
        int n = LAYERS[0];
        mean = new double[n];
        sd = new double[n];
        double[][] x = train.features().stream().map(HighLevelFeatures::toArray).toArray(double[][]::new);
        for (double[] r : x) {
            for (int j = 0; j < n; j++) {
                mean[j] += r[j] / x.length;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < n; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < n; j++) {
            sd[j] = Math.sqrt(sd[j]) + 1e-9;
        }
        for (double[] r : x) {
            scale(r);
        }
        return x;
    }

    private void scale(double[] r) {
        for (int j = 0; j < r.length; j++) {
            r[j] = (r[j] - mean[j]) / sd[j];
        }
    }

    private double[] forward(double[] input) {
        System.arraycopy(input, 0, act[0], 0, input.length);
        for (int l = 0; l < depth; l++) {
            double[] in = act[l];
            double[] out = act[l + 1];
            for (int o = 0; o < out.length; o++) {
                double s = b[l][o];
                double[] row = w[l][o];
                for (int i = 0; i < in.length; i++) {
                    s += row[i] * in[i];
                }
                out[o] = l < depth - 1 ? Math.max(0, s) : s;
            }
        }
        double[] z = act[depth];
        double max = Arrays.stream(z).max().orElse(0);
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        return z;
    }

    /** Accumulates the cross-entropy gradient of the last forward pass. */
    private void backward(int label) {
        double[] d = delta[depth];
        for (int k = 0; k < d.length; k++) {
            d[k] = act[depth][k] - (k == label ? 1 : 0);
        }
        for (int l = depth - 1; l >= 0; l--) {
            double[] in = act[l];
            double[] dOut = delta[l + 1];
            double[] dIn = delta[l];
            Arrays.fill(dIn, 0);
            for (int o = 0; o < dOut.length; o++) {
                double g = dOut[o];
                if (g == 0) {
                    continue;
                }
                gb[l][o] += g;
                double[] row = w[l][o];
                double[] grow = gw[l][o];
                for (int i = 0; i < in.length; i++) {
                    grow[i] += g * in[i];
                }
                if (l > 0) {
                    for (int i = 0; i < in.length; i++) {
                        dIn[i] += g * row[i];
                    }
                }
            }
            if (l > 0) {
                for (int i = 0; i < in.length; i++) {
                    if (in[i] <= 0) {
                        dIn[i] = 0;
                    }
                }
            }
        }
    }

    private void adam(int batch) {
        step++;
        double c1 = 1 - Math.pow(0.9, step);
        double c2 = 1 - Math.pow(0.999, step);
        for (int l = 0; l < depth; l++) {
            for (int o = 0; o < w[l].length; o++) {
                for (int i = 0; i < w[l][o].length; i++) {
                    w[l][o][i] -= update(gw[l][o], mw[l][o], vw[l][o], i, batch, c1, c2);
                }
                b[l][o] -= update(gb[l], mb[l], vb[l], o, batch, c1, c2);
            }
        }
    }

    private static double update(double[] g, double[] m, double[] v, int i, int batch, double c1, double c2) {
        double grad = g[i] / batch;
        g[i] = 0;
        m[i] = 0.9 * m[i] + 0.1 * grad;
        v[i] = 0.999 * v[i] + 0.001 * grad * grad;
        return LEARNING_RATE * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
    }

    private Result evaluate(LabelledFeatures test) {
        int n = test.size();
        double[][] p = new double[n][];
        int correct = 0;
        for (int i = 0; i < n; i++) {
            double[] r = test.features().get(i).toArray();
            scale(r);
            p[i] = forward(r).clone();
            int best = p[i][0] >= p[i][1] && p[i][0] >= p[i][2] ? 0 : p[i][1] >= p[i][2] ? 1 : 2;
            correct += best == test.labels()[i] ? 1 : 0;
        }
        double[] auc = new double[3];
        for (int c = 0; c < 3; c++) {
            final int cls = c;
            double[] scores = Arrays.stream(p).mapToDouble(r -> r[cls]).toArray();
            boolean[] positive = new boolean[n];
            for (int i = 0; i < n; i++) {
                positive[i] = test.labels()[i] == cls;
            }
            auc[c] = Roc.auc(scores, positive);
        }
        return new Result(auc, correct / (double) n);
    }
}
