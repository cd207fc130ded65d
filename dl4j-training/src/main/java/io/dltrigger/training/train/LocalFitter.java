package io.dltrigger.training.train;

import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.data.ShuffledBatches;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.step.TrainingStep;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Single-process training: the shuffled batch stream straight into the network, a new shuffle each epoch, one
 * {@link TrainingStep} per minibatch (our own step for the reference models unless another is given).
 */
public final class LocalFitter implements EpochFitter {
    private final ComputationGraph net;
    private final TrainingStep step;
    private final HyperParams params;
    private final List<FeatureSplit> splits;
    private final Holdout holdout;
    private final int poolEvents;

    public LocalFitter(
            ComputationGraph net, HyperParams params, List<FeatureSplit> splits, Holdout holdout, int poolEvents) {
        this(net, params, splits, holdout, poolEvents, TrainingStep.of(net, params));
    }

    public LocalFitter(
            ComputationGraph net,
            HyperParams params,
            List<FeatureSplit> splits,
            Holdout holdout,
            int poolEvents,
            TrainingStep step) {
        this.net = net;
        this.step = step;
        this.params = params;
        this.splits = splits;
        this.holdout = holdout;
        this.poolEvents = poolEvents;
    }

    @Override
    public double fitEpoch(int epoch) {
        ShuffledBatches batches = new ShuffledBatches(
                splits, holdout, params.model(), params.batchSize(), poolEvents, params.seed() * 31 + epoch);
        double sum = 0;
        long events = 0;
        while (batches.hasNext()) {
            EventBlock batch = batches.nextBlock();
            long n = batch.size();
            sum += step.fit(batch) * n;
            events += n;
        }
        return sum / Math.max(1, events);
    }

    @Override
    public ComputationGraph network() {
        return net;
    }
}
