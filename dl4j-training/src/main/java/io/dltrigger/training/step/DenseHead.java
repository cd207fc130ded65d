package io.dltrigger.training.step;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dense ReLU layers and the softmax output layer, trained with categorical cross-entropy. Gradients are written
 * unscaled (summed over the minibatch) into the network's gradient views, as DL4J's layers do; DL4J's updater
 * divides them by the minibatch size. Optional inverted dropout on the output layer's input (the reference's HLF
 * and particle-sequence models), with the same semantics as DL4J's {@code Dropout}.
 *
 * <p>Why OpenBLAS and loops rather than ND4J ops: at the reference's sizes (14-50-20-10-3, minibatch 128) an ND4J
 * op costs more in its own overhead than in arithmetic (an op object, shape buffers, a native allocation per
 * result, and the work these leave to ND4J's deallocator and the GC; bench/RESULTS.md has the profile). Here each
 * matrix product is one OpenBLAS call (the library ND4J calls too) straight on the network's parameter and gradient
 * memory and on buffers kept between minibatches, and the element-wise work of a layer (bias and ReLU, softmax, the
 * derivatives, the bias gradient, dropout) is one loop. Host memory only: {@link TrainingStep#of} uses it on ND4J's
 * CPU backend.
 */
final class DenseHead {
    private final List<Dense> layers = new ArrayList<>();
    private final double retain;

    private int capacity;
    private int n;
    private HostMatrix input; // [n, inputWidth]
    private HostMatrix dropped; // the output layer's input after dropout
    private float[] dropMask;
    private HostMatrix[] act; // per layer: the output after the activation
    private HostMatrix[] delta; // per layer: the loss gradient before the activation
    private HostMatrix inputDelta;

    private record Dense(HostMatrix w, HostMatrix b, HostMatrix gw, HostMatrix gb, boolean relu) {}

    /** {@code names}: dense layers in order, the last one the softmax output layer. */
    DenseHead(ParamViews p, List<String> names, double dropout) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            layers.add(new Dense(
                    HostMatrix.of(p.param(name + "_W")),
                    HostMatrix.of(p.param(name + "_b")),
                    HostMatrix.of(p.gradient(name + "_W")),
                    HostMatrix.of(p.gradient(name + "_b")),
                    i < names.size() - 1));
        }
        this.retain = 1 - dropout;
    }

    int inputWidth() {
        return layers.get(0).w().rows();
    }

    /** The input rows of a minibatch of {@code events}, [events, inputWidth] row-major: fill, then {@link #forward}. */
    FloatBuffer input(int events) {
        allocate(events);
        n = events;
        return input.values();
    }

    /** Class probabilities [n, classes] row-major of the inputs; valid until the next minibatch. */
    FloatBuffer forward(SplittableRandom random) {
        HostMatrix in = input.top(n);
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            if (l == layers.size() - 1 && retain < 1) {
                in = dropout(in, random);
            }
            HostMatrix out = act[l].top(n);
            HostMatrix.gemm(in, false, d.w(), false, out);
            if (d.relu()) {
                biasRelu(out, d.b().values());
            } else {
                biasSoftmax(out, d.b().values());
            }
            in = out;
        }
        return act[layers.size() - 1].values();
    }

    /**
     * Writes the gradients of the summed loss given each event's class; returns the gradient with respect to the
     * input [n, inputWidth] row-major when {@code inputGradient}, else null. Call after {@link #forward}.
     */
    FloatBuffer backward(int[] labels, boolean inputGradient) {
        int last = layers.size() - 1;
        FloatBuffer p = act[last].values();
        FloatBuffer dz = delta[last].values();
        int classes = act[last].cols();
        for (int e = 0; e < n; e++) { // softmax + cross-entropy: p - y
            for (int c = 0; c < classes; c++) {
                int i = e * classes + c;
                dz.put(i, p.get(i) - (labels[e] == c ? 1f : 0f));
            }
        }
        for (int l = last; l >= 0; l--) {
            Dense d = layers.get(l);
            HostMatrix dl = delta[l].top(n);
            HostMatrix in = l == last && retain < 1 ? dropped.top(n) : l == 0 ? input.top(n) : act[l - 1].top(n);
            HostMatrix.gemm(in, true, dl, false, d.gw());
            columnSums(dl, d.gb().values());
            if (l == 0 && !inputGradient) {
                return null;
            }
            HostMatrix down = (l == 0 ? inputDelta : delta[l - 1]).top(n);
            HostMatrix.gemm(dl, false, d.w(), true, down);
            if (l == last && retain < 1) {
                scale(down.values(), dropMask, n * down.cols());
            }
            if (l > 0) {
                reluDerivative(down.values(), act[l - 1].values(), n * down.cols());
            }
        }
        return inputDelta.values();
    }

    private HostMatrix dropout(HostMatrix in, SplittableRandom random) {
        int len = n * in.cols();
        dropMask = Dropout.mask(len, retain, random);
        FloatBuffer src = in.values();
        FloatBuffer dst = dropped.values();
        for (int i = 0; i < len; i++) {
            dst.put(i, src.get(i) * dropMask[i]);
        }
        return dropped.top(n);
    }

    private void biasRelu(HostMatrix out, FloatBuffer bias) {
        FloatBuffer v = out.values();
        int cols = out.cols();
        for (int e = 0; e < n; e++) {
            for (int c = 0; c < cols; c++) {
                int i = e * cols + c;
                float x = v.get(i) + bias.get(c);
                v.put(i, x > 0 ? x : 0f);
            }
        }
    }

    private void biasSoftmax(HostMatrix out, FloatBuffer bias) {
        FloatBuffer v = out.values();
        int cols = out.cols();
        for (int e = 0; e < n; e++) {
            int row = e * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                float x = v.get(row + c) + bias.get(c);
                v.put(row + c, x);
                max = Math.max(max, x);
            }
            float sum = 0;
            for (int c = 0; c < cols; c++) {
                float x = (float) Math.exp(v.get(row + c) - max);
                v.put(row + c, x);
                sum += x;
            }
            for (int c = 0; c < cols; c++) {
                v.put(row + c, v.get(row + c) / sum);
            }
        }
    }

    private void columnSums(HostMatrix m, FloatBuffer into) {
        FloatBuffer v = m.values();
        int cols = m.cols();
        for (int c = 0; c < cols; c++) {
            into.put(c, 0f);
        }
        for (int e = 0; e < n; e++) {
            for (int c = 0; c < cols; c++) {
                into.put(c, into.get(c) + v.get(e * cols + c));
            }
        }
    }

    private static void scale(FloatBuffer v, float[] by, int len) {
        for (int i = 0; i < len; i++) {
            v.put(i, v.get(i) * by[i]);
        }
    }

    /** ReLU's derivative: the gradient passes where the layer's output is positive. */
    private static void reluDerivative(FloatBuffer v, FloatBuffer out, int len) {
        for (int i = 0; i < len; i++) {
            if (!(out.get(i) > 0)) {
                v.put(i, 0f);
            }
        }
    }

    /** Buffers for up to {@code events} rows, kept for smaller minibatches (row-major: a prefix of the rows). */
    private void allocate(int events) {
        if (events <= capacity) {
            return;
        }
        capacity = events;
        act = new HostMatrix[layers.size()];
        delta = new HostMatrix[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            act[l] = HostMatrix.allocate(events, layers.get(l).w().cols());
            delta[l] = HostMatrix.allocate(events, layers.get(l).w().cols());
        }
        input = HostMatrix.allocate(events, inputWidth());
        dropped = HostMatrix.allocate(events, layers.get(layers.size() - 1).w().rows());
        inputDelta = HostMatrix.allocate(events, inputWidth());
    }
}
