package io.dltrigger.training.step;

import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.model.HyperParams;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** One optimizer step on one minibatch: the network's parameters and updater state change in place. */
public interface TrainingStep {
    /** Trains on {@code batch} and returns its mean loss (before the update). */
    double fit(EventBlock batch);

    /**
     * The step for a network built by {@code Models} from {@code p}: our own forward, backward and DL4J's updater
     * ({@link NetworkStep}); {@link Dl4jStep} (DL4J's {@code fit}) when the network has another shape.
     */
    static TrainingStep of(ComputationGraph net, HyperParams p) {
        return NetworkStep.supports(net, p) ? new NetworkStep(net, p) : new Dl4jStep(net, p.model());
    }
}
