package io.dltrigger.training.model;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.FeaturesTableContract;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds the reference classifiers, all as ComputationGraphs so that one data path (MultiDataSet) and one
 * Spark wrapper serve the three of them. The recurrent layer is DL4J's LSTM wrapped in LastTimeStep, which
 * takes each sequence's last unmasked step: padding rows never reach the output.
 */
public final class Models {
    private Models() {}

    public static ComputationGraph build(HyperParams p) {
        ComputationGraph net = new ComputationGraph(configuration(p));
        net.init();
        return net;
    }

    public static ComputationGraphConfiguration configuration(HyperParams p) {
        var g = new NeuralNetConfiguration.Builder()
                .seed(p.seed())
                .updater(new Adam(p.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder();
        String last;
        switch (p.model()) {
            case HLF -> {
                g.addInputs("hlf").setInputTypes(InputType.feedForward(FeaturesTableContract.N_HLF));
                last = "hlf";
                for (int i = 0; i < p.hidden().size(); i++) {
                    g.addLayer("dense" + i, relu(p.hidden().get(i)), last);
                    last = "dense" + i;
                }
                if (p.dropout() > 0) {
                    g.addLayer("dropout", new DropoutLayer.Builder(1 - p.dropout()).build(), last);
                    last = "dropout";
                }
            }
            case SEQUENCE -> {
                g.addInputs("particles").setInputTypes(InputType.recurrent(FeaturesTableContract.PARTICLE_FEATURES));
                g.addLayer("rnn", recurrent(p), "particles");
                g.addLayer("dropout", new DropoutLayer.Builder(1 - p.dropout()).build(), "rnn");
                last = "dropout";
            }
            case INCLUSIVE -> {
                g.addInputs("particles", "hlf")
                        .setInputTypes(
                                InputType.recurrent(FeaturesTableContract.PARTICLE_FEATURES),
                                InputType.feedForward(FeaturesTableContract.N_HLF));
                g.addLayer("rnn", recurrent(p), "particles");
                // the recurrent branch as in SEQUENCE (its output dropped out), merged with the HLF (dropped out)
                g.addLayer("rnn_dropout", new DropoutLayer.Builder(1 - p.dropout()).build(), "rnn");
                g.addLayer("hlf_dropout", new DropoutLayer.Builder(1 - p.dropout()).build(), "hlf");
                g.addVertex("merge", new MergeVertex(), "rnn_dropout", "hlf_dropout");
                last = "merge";
                for (int i = 0; i < p.hidden().size(); i++) {
                    g.addLayer("dense" + i, relu(p.hidden().get(i)), last);
                    last = "dense" + i;
                }
            }
            default -> throw new IllegalArgumentException(p.model().toString());
        }
        g.addLayer(
                "out",
                new OutputLayer.Builder(LossFunction.MCXENT)
                        .nOut(EventClass.COUNT)
                        .activation(Activation.SOFTMAX)
                        .build(),
                last);
        g.setOutputs("out");
        return g.build();
    }

    private static DenseLayer relu(int width) {
        return new DenseLayer.Builder()
                .nOut(width)
                .activation(Activation.RELU)
                .weightInit(WeightInit.RELU)
                .build();
    }

    private static LastTimeStep recurrent(HyperParams p) {
        if (p.rnnUnits() < 1) {
            throw new IllegalArgumentException("rnnUnits must be >= 1 for " + p.model() + ", got " + p.rnnUnits());
        }
        return new LastTimeStep(new LSTM.Builder()
                .nOut(p.rnnUnits())
                .activation(Activation.TANH)
                .build());
    }
}
