package io.dltrigger.training.eval;

import io.dltrigger.training.data.BatchBuilder;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.ShuffledBatches;
import io.dltrigger.training.model.ModelKind;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.dataset.MultiDataSet;

/** Runs a model over a dataset in inference mode and collects class probabilities with the true labels. */
public final class Scoring {
    private static final int BATCH = 512;

    private Scoring() {}

    public static Predictions predict(
            ComputationGraph net, ModelKind kind, List<FeatureSplit> splits, Holdout holdout, int poolEvents) {
        Predictions out = new Predictions();
        ShuffledBatches batches = new ShuffledBatches(splits, holdout, kind, BATCH, poolEvents, 0);
        while (batches.hasNext()) {
            EventBlock block = batches.nextBlock();
            out.add(probabilities(net, kind, block), block.labels(), block.size());
        }
        return out;
    }

    public static float[] probabilities(ComputationGraph net, ModelKind kind, EventBlock block) {
        MultiDataSet mds = BatchBuilder.build(block, kind);
        return net.output(false, mds.getFeatures(), mds.getFeaturesMaskArrays())[0]
                .dup('c')
                .data()
                .asFloat();
    }
}
