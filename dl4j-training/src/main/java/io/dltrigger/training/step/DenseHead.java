package io.dltrigger.training.step;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Dense ReLU layers and the softmax output layer, trained with categorical cross-entropy: forward and backward
 * with one ND4J op per matrix product, bias or activation, into buffers kept from one minibatch to the next.
 * Gradients are written unscaled (summed over the minibatch) into the network's gradient views, as DL4J's layers
 * do; DL4J's updater divides them by the minibatch size. Optional inverted dropout on the output layer's input
 * (the reference's HLF and particle-sequence models), with the same semantics as DL4J's {@code Dropout}.
 */
final class DenseHead {
    /** {@code names}: dense layers in order, the last one the softmax output layer. */
    private final List<Dense> layers = new ArrayList<>();

    private final double retain;
    private int batch = -1;
    private INDArray[] act;
    private INDArray[] delta;
    private INDArray dropMask;
    private INDArray dropped;
    private INDArray input;
    private INDArray inputDelta;

    private record Dense(INDArray w, INDArray b, INDArray gw, INDArray gb, boolean relu) {
        long nIn() {
            return w.size(0);
        }

        long nOut() {
            return w.size(1);
        }
    }

    DenseHead(ParamViews p, List<String> names, double dropout) {
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            layers.add(new Dense(
                    p.param(n + "_W"),
                    p.param(n + "_b"),
                    p.gradient(n + "_W"),
                    p.gradient(n + "_b"),
                    i < names.size() - 1));
        }
        this.retain = 1 - dropout;
    }

    long inputWidth() {
        return layers.get(0).nIn();
    }

    /** Class probabilities [n, classes] of the inputs [n, inputWidth]; {@code x} is not changed. */
    INDArray forward(INDArray x, SplittableRandom random) {
        allocate((int) x.size(0));
        input = x;
        INDArray in = x;
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            if (l == layers.size() - 1 && retain < 1) {
                in = dropout(in, random);
            }
            Nd4j.gemm(in, d.w(), act[l], false, false, 1.0, 0.0);
            act[l].addiRowVector(d.b());
            if (d.relu()) {
                Nd4j.exec(new RectifiedLinear(act[l], act[l]));
            } else {
                Nd4j.exec(new SoftMax(act[l], act[l], -1));
            }
            in = act[l];
        }
        return act[layers.size() - 1];
    }

    /**
     * Writes the gradients of the summed loss given one-hot {@code labels}; returns the gradient with respect to
     * the input [n, inputWidth] when {@code inputGradient}, else null. Call after {@link #forward}.
     */
    INDArray backward(INDArray labels, boolean inputGradient) {
        int last = layers.size() - 1;
        Nd4j.exec(new SubOp(act[last], labels, delta[last])); // softmax + cross-entropy: p - y
        for (int l = last; l >= 0; l--) {
            Dense d = layers.get(l);
            INDArray in = l == 0 ? input : act[l - 1];
            if (l == last && retain < 1) {
                in = dropped;
            }
            Nd4j.gemm(in, delta[l], d.gw(), true, false, 1.0, 0.0);
            delta[l].sum(d.gb(), true, 0);
            if (l == 0 && !inputGradient) {
                return null;
            }
            INDArray down = l == 0 ? inputDelta : delta[l - 1];
            Nd4j.gemm(delta[l], d.w(), down, false, true, 1.0, 0.0);
            if (l == last && retain < 1) {
                Nd4j.exec(new MulOp(down, dropMask, down));
            }
            if (l > 0) {
                Nd4j.exec(new RectifiedLinearDerivative(act[l - 1], down, down));
            }
        }
        return inputDelta;
    }

    /** Inverted dropout: each value kept with probability {@code retain} and scaled by 1/retain. */
    private INDArray dropout(INDArray in, SplittableRandom random) {
        float[] mask = new float[(int) in.length()];
        float keep = (float) (1 / retain);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextDouble() < retain ? keep : 0f;
        }
        dropMask = Nd4j.create(mask, in.shape(), 'c');
        Nd4j.exec(new MulOp(in, dropMask, dropped));
        return dropped;
    }

    private void allocate(int n) {
        if (n == batch) {
            return;
        }
        batch = n;
        act = new INDArray[layers.size()];
        delta = new INDArray[layers.size()];
        for (int l = 0; l < layers.size(); l++) {
            act[l] = Nd4j.createUninitialized(DataType.FLOAT, n, layers.get(l).nOut());
            delta[l] = Nd4j.createUninitialized(DataType.FLOAT, n, layers.get(l).nOut());
        }
        long lastIn = layers.get(layers.size() - 1).nIn();
        dropped = Nd4j.createUninitialized(DataType.FLOAT, n, lastIn);
        inputDelta = Nd4j.createUninitialized(DataType.FLOAT, n, inputWidth());
    }
}
