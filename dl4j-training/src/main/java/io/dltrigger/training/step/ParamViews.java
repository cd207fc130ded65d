package io.dltrigger.training.step;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A network's parameters by name ({@code dense0_W}, {@code rnn_RW}, ...) as views of its flat parameter array, and
 * the gradient of each as the view of its flat gradient array at the same place and in the same shape: a step
 * that writes its gradients there hands DL4J's updater exactly what DL4J's own backward pass would.
 */
final class ParamViews {
    private final Map<String, INDArray> params = new HashMap<>();
    private final Map<String, INDArray> gradients = new HashMap<>();

    ParamViews(ComputationGraph net) {
        if (net.getGradientsViewArray() == null) {
            net.initGradientsView();
        }
        INDArray flatGradients = net.getGradientsViewArray().reshape(net.numParams());
        for (UpdaterBlock block : net.getUpdater().getUpdaterBlocks()) {
            for (UpdaterBlock.ParamState s : block.getLayersAndVariablesInBlock()) {
                String name = s.getLayer().getConfig().getLayerName() + "_" + s.getParamName();
                INDArray param = net.getParam(name);
                INDArray grad = Shape.newShapeNoCopy(
                        flatGradients.get(NDArrayIndex.interval(s.getParamOffsetStart(), s.getParamOffsetEnd())),
                        param.shape(),
                        param.ordering() == 'f');
                if (grad == null) {
                    throw new IllegalStateException("no view of the gradients in the shape of " + name);
                }
                params.put(name, param);
                gradients.put(name, grad);
            }
        }
    }

    INDArray param(String name) {
        return require(params, name);
    }

    INDArray gradient(String name) {
        return require(gradients, name);
    }

    Map<String, INDArray> gradients() {
        return gradients;
    }

    private static INDArray require(Map<String, INDArray> m, String name) {
        INDArray a = m.get(name);
        if (a == null) {
            throw new IllegalArgumentException("network has no parameter " + name + " (has " + m.keySet() + ")");
        }
        return a;
    }
}
