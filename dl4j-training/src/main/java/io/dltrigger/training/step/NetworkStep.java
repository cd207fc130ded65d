package io.dltrigger.training.step;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import java.nio.FloatBuffer;
import java.util.ArrayList;
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
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * A training step for the reference models ({@code Models}) on ND4J's CPU backend: our forward and backward pass
 * (dense head: {@link DenseHead}, on OpenBLAS; LSTM branch: {@link LstmEncoder}, on ND4J ops) write the gradients into the network's own
 * gradient array, then DL4J's updater (Adam, with its division by the minibatch size) and DL4J's parameter step
 * run exactly as in {@code ComputationGraph.fit}. The network stays an ordinary ComputationGraph: it is saved,
 * scored, resumed and averaged on Spark as before. What this saves over {@code fit}: DL4J's per-layer workspace,
 * validation and listener machinery per minibatch, its three matrix products per LSTM step, ND4J's per-op
 * overhead in the dense layers, and the MultiDataSet (the step reads the event block directly). Dropout draws its own masks (same distribution as DL4J's).
 */
public final class NetworkStep implements TrainingStep {
    private static final int N_HLF = FeaturesTableContract.N_HLF;
    private static final double CLIP = 1e-10; // as DL4J's MCXENT clips the softmax output

    private final ComputationGraph net;
    private final ModelKind kind;
    private final DenseHead head;
    private final LstmEncoder rnn;
    private final INDArray flatGradients;
    private final INDArray flatParams;
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
        this.flatParams = net.params();
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
        FloatBuffer in = head.input(n);
        float[] rnnMask = null;
        switch (kind) {
            case HLF -> in.put(0, batch.hlf(), 0, n * N_HLF);
            case SEQUENCE -> in.put(0, rnn.forward(batch).data().asFloat(), 0, n * rnn.units());
            case INCLUSIVE -> {
                int units = rnn.units();
                rnnMask = branchRetain < 1 ? Dropout.mask(n * units, branchRetain, random) : null;
                float[] hlfMask = branchRetain < 1 ? Dropout.mask(n * N_HLF, branchRetain, random) : null;
                float[] out = rnn.forward(batch).data().asFloat();
                float[] hlf = batch.hlf();
                int width = units + N_HLF;
                for (int e = 0; e < n; e++) { // [recurrent branch | HLF], each after its dropout
                    for (int u = 0; u < units; u++) {
                        int i = e * units + u;
                        in.put(e * width + u, rnnMask == null ? out[i] : out[i] * rnnMask[i]);
                    }
                    for (int f = 0; f < N_HLF; f++) {
                        int i = e * N_HLF + f;
                        in.put(e * width + units + f, hlfMask == null ? hlf[i] : hlf[i] * hlfMask[i]);
                    }
                }
            }
        }
        double loss = loss(head.forward(random), batch);
        FloatBuffer dx = head.backward(batch.labels(), rnn != null);
        if (rnn != null) {
            int units = rnn.units();
            int width = head.inputWidth();
            float[] drnn = new float[n * units];
            for (int e = 0; e < n; e++) {
                for (int u = 0; u < units; u++) {
                    int i = e * units + u;
                    drnn[i] = dx.get(e * width + u) * (rnnMask == null ? 1f : rnnMask[i]);
                }
            }
            rnn.backward(Nd4j.create(drnn, new long[] {n, units}, 'c'));
        }
        // as ComputationGraph.fit: updater (divides by the minibatch size, then Adam), then params -= update
        net.getUpdater().update(gradient, iteration, net.getEpochCount(), n, LayerWorkspaceMgr.noWorkspaces());
        flatParams.subi(flatGradients);
        net.getConfiguration().setIterationCount(iteration + 1);
        net.setScore(loss);
        return loss;
    }

    /** Mean categorical cross-entropy of the minibatch, from the probabilities [n, classes] before the update. */
    private static double loss(FloatBuffer probs, EventBlock batch) {
        double sum = 0;
        for (int e = 0; e < batch.size(); e++) {
            sum -= Math.log(Math.max(probs.get(e * EventClass.COUNT + batch.labels()[e]), CLIP));
        }
        return sum / batch.size();
    }
}
