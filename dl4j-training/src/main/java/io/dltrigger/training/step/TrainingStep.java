package io.dltrigger.training.step;

import io.dltrigger.training.data.EventBlock;
import io.dltrigger.training.model.HyperParams;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.cpu.nativecpu.CpuBackend;
import org.nd4j.linalg.factory.Nd4j;

/** One optimizer step on one minibatch: the network's parameters and updater state change in place. */
public interface TrainingStep {
    /** Trains on {@code batch} and returns its mean loss (before the update). */
    double fit(EventBlock batch);

    /**
     * The step for a network built by {@code Models} from {@code p}: our own forward, backward and DL4J's updater
     * ({@link NetworkStep}) on ND4J's CPU backend; {@link Dl4jStep} (DL4J's {@code fit}, with its cuDNN helpers on
     * a GPU) on another backend or when the network has another shape.
     */
    static TrainingStep of(ComputationGraph net, HyperParams p) {
        return onHost() && NetworkStep.supports(net, p) ? new NetworkStep(net, p) : new Dl4jStep(net, p.model());
    }

    /** True on ND4J's CPU backend, whose arrays live in host memory (our step's OpenBLAS calls need that). */
    static boolean onHost() {
        return Nd4j.getBackend() instanceof CpuBackend;
    }
}
