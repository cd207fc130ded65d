package io.dltrigger.training.step;

import io.dltrigger.training.data.BatchBuilder;
import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.model.ModelKind;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** DL4J's own {@code ComputationGraph.fit} on the minibatch (the reference the other steps are tested against). */
public final class Dl4jStep implements TrainingStep {
    private final ComputationGraph net;
    private final ModelKind kind;

    public Dl4jStep(ComputationGraph net, ModelKind kind) {
        this.net = net;
        this.kind = kind;
    }

    @Override
    public double fit(EventBlock batch) {
        net.fit(BatchBuilder.build(batch, kind));
        return net.score();
    }
}
