package io.dltrigger.training.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

/** One pass over the training data; implemented single-process and with Spark parameter averaging. */
public interface EpochFitter extends AutoCloseable {
    /** Trains one epoch and returns the mean training loss over its minibatches. */
    double fitEpoch(int epoch);

    /** The network as trained so far. */
    ComputationGraph network();

    @Override
    default void close() {}
}
