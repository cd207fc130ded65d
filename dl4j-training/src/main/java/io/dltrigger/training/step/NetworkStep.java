package io.dltrigger.training.step;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * A training step for the reference models ({@code Models}) written on ND4J ops: our forward and backward pass
 * (dense head: {@link DenseHead}; LSTM branch: {@link LstmEncoder}) write the gradients into the network's own
 * gradient array, then DL4J's updater (Adam, with its division by the minibatch size) and DL4J's parameter step
 * run exactly as in {@code ComputationGraph.fit}. The network stays an ordinary ComputationGraph: it is saved,
 * scored, resumed and averaged on Spark as before. What this saves over {@code fit}: DL4J's per-layer workspace,
 * validation and listener machinery per minibatch, its three matrix products per LSTM step, and the MultiDataSet
 * (the step reads the event block directly). Dropout draws its own masks (same distribution as DL4J's).
 */
public final class NetworkStep implements TrainingStep {
    private static final double CLIP = 1e-10; // as DL4J's MCXENT clips the softmax output

    private final ComputationGraph net;
    private final ModelKind kind;
    private final DenseHead head;
    private final LstmEncoder rnn;
    private final INDArray flatGradients;
    private final Gradient gradient;
    private final double branchRetain; // INCLUSIVE: the retain probability of both branches before the merge
    private final long seed;

    NetworkStep(ComputationGraph net, HyperParams p) {
        this.net = net;
        this.kind = p.model();
        ParamViews views = new ParamViews(net);
        List<String> dense = new ArrayList<>();
        for (int i = 0; i < (kind == ModelKind.SEQUENCE ? 0 : p.hidden().size()); i++) {
            dense.add("dense" + i);
        }
        dense.add("out");
        double headDropout = kind == ModelKind.INCLUSIVE ? 0 : p.dropout();
        this.head = new DenseHead(views, dense, headDropout);
        this.rnn = kind.readsParticles() ? new LstmEncoder(views, "rnn") : null;
        this.branchRetain = kind == ModelKind.INCLUSIVE ? 1 - p.dropout() : 1;
        this.seed = p.seed();
        // The updater takes its fast path (the network's own per-block views, no per-parameter views made on each
        // call) only if gradient() is the network's gradient array itself; DefaultGradient returns a reshaped copy.
        INDArray own = net.getGradientsViewArray();
        this.gradient = new DefaultGradient(own) {
            @Override
            public INDArray gradient() {
                return own;
            }
        };
        this.flatGradients = own.reshape(net.numParams());
        for (Map.Entry<String, INDArray> e : views.gradients().entrySet()) {
            gradient.setGradientFor(e.getKey(), e.getValue());
        }
    }

    /** True when {@code net} has the layers {@code Models} builds for {@code p} (so this step computes its function). */
    static boolean supports(ComputationGraph net, HyperParams p) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        Map<String, GraphVertex> v = conf.getVertices();
        List<String> expected = new ArrayList<>(List.of("out"));
        for (int i = 0; i < (p.model() == ModelKind.SEQUENCE ? 0 : p.hidden().size()); i++) {
            if (!(layer(v, "dense" + i) instanceof DenseLayer d && d.getActivationFn() instanceof ActivationReLU)) {
                return false;
            }
            expected.add("dense" + i);
        }
        if (!(layer(v, "out") instanceof OutputLayer o
                && o.getLossFn() instanceof LossMCXENT loss
                && loss.getWeights() == null
                && o.getActivationFn() instanceof ActivationSoftmax)) {
            return false;
        }
        if (p.model().readsParticles()) {
            if (!(layer(v, "rnn") instanceof LastTimeStep wrapper
                    && wrapper.getUnderlying() instanceof LSTM lstm
                    && lstm.getActivationFn() instanceof ActivationTanH
                    && lstm.getGateActivationFn() instanceof ActivationSigmoid)) {
                return false;
            }
            expected.add("rnn");
        }
        List<String> dropoutLayers =
                p.model() == ModelKind.INCLUSIVE ? List.of("rnn_dropout", "hlf_dropout") : List.of("dropout");
        if (p.dropout() > 0 || p.model() != ModelKind.HLF) {
            for (String d : dropoutLayers) {
                if (!(layer(v, d) instanceof DropoutLayer)) {
                    return false;
                }
                expected.add(d);
            }
        }
        if (p.model() == ModelKind.INCLUSIVE) {
            expected.add("merge");
        }
        return v.keySet().equals(new HashSet<>(expected))
                && conf.getNetworkInputs().equals(p.model().inputs());
    }

    private static Layer layer(Map<String, GraphVertex> vertices, String name) {
        return vertices.get(name) instanceof LayerVertex lv ? lv.getLayerConf().getLayer() : null;
    }

    @Override
    public double fit(EventBlock batch) {
        int n = batch.size();
        int iteration = net.getIterationCount();
        // dropout masks are a function of (seed, iteration), so a run resumed from a checkpoint draws the same ones
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + iteration);
        INDArray labels = Nd4j.create(oneHot(batch), new long[] {n, EventClass.COUNT}, 'c');
        INDArray rnnMask = kind == ModelKind.INCLUSIVE && branchRetain < 1 ? dropoutMask(n, rnn.units(), random) : null;
        INDArray x = switch (kind) {
            case HLF -> hlf(batch, 1, random);
            case SEQUENCE -> rnn.forward(batch);
            case INCLUSIVE ->
                Nd4j.hstack(
                        rnnMask == null
                                ? rnn.forward(batch)
                                : rnn.forward(batch).muli(rnnMask),
                        hlf(batch, branchRetain, random));
        };
        INDArray probs = head.forward(x, random);
        double loss = loss(probs, batch);
        INDArray dx = head.backward(labels, rnn != null);
        if (rnn != null) {
            INDArray drnn =
                    kind == ModelKind.SEQUENCE ? dx : dx.get(NDArrayIndex.all(), NDArrayIndex.interval(0, rnn.units()));
            rnn.backward(rnnMask == null ? drnn : drnn.mul(rnnMask));
        }
        // as ComputationGraph.fit: updater (divides by the minibatch size, then Adam), then params -= update
        net.getUpdater().update(gradient, iteration, net.getEpochCount(), n, LayerWorkspaceMgr.noWorkspaces());
        net.params().subi(flatGradients);
        net.getConfiguration().setIterationCount(iteration + 1);
        net.setScore(loss);
        return loss;
    }

    /** INCLUSIVE's inverted dropout on the recurrent branch's output [n, units]: 0 or 1/retain per value. */
    private INDArray dropoutMask(int n, int units, SplittableRandom random) {
        float[] buf = new float[n * units];
        float keep = (float) (1 / branchRetain);
        for (int i = 0; i < buf.length; i++) {
            buf[i] = random.nextDouble() < branchRetain ? keep : 0f;
        }
        return Nd4j.create(buf, new long[] {n, units}, 'c');
    }

    /** The HLF inputs [n, 14], with inverted dropout when {@code retain} is below 1. */
    private static INDArray hlf(EventBlock batch, double retain, SplittableRandom random) {
        int len = batch.size() * FeaturesTableContract.N_HLF;
        float[] buf = Arrays.copyOf(batch.hlf(), len);
        if (retain < 1) {
            float keep = (float) (1 / retain);
            for (int i = 0; i < len; i++) {
                buf[i] = random.nextDouble() < retain ? buf[i] * keep : 0f;
            }
        }
        return Nd4j.create(buf, new long[] {batch.size(), FeaturesTableContract.N_HLF}, 'c');
    }

    private static float[] oneHot(EventBlock batch) {
        float[] buf = new float[batch.size() * EventClass.COUNT];
        for (int e = 0; e < batch.size(); e++) {
            buf[e * EventClass.COUNT + batch.labels()[e]] = 1f;
        }
        return buf;
    }

    /** Mean categorical cross-entropy of the minibatch, from the probabilities before the update. */
    private static double loss(INDArray probs, EventBlock batch) {
        float[] p = probs.data().asFloat();
        double sum = 0;
        for (int e = 0; e < batch.size(); e++) {
            sum -= Math.log(Math.max(p[e * EventClass.COUNT + batch.labels()[e]], CLIP));
        }
        return sum / batch.size();
    }
}
