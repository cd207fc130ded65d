package io.dltrigger.training.train;

import io.dltrigger.contract.task.TaskIo;
import io.dltrigger.training.data.FeatureSplit;
import io.dltrigger.training.data.Holdout;
import io.dltrigger.training.eval.Scoring;
import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.Models;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Epochs with early stopping on validation loss and a checkpoint after each; a restarted run resumes from the
 * last complete checkpoint (network, Adam state and loss history) and carries on as if never stopped.
 */
public final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);

    /** The outcome: the network with the best validation loss and the loss history of every epoch run. */
    public record Result(
            ComputationGraph best,
            List<Double> trainLoss,
            List<Double> validationLoss,
            int bestEpoch,
            boolean stoppedEarly) {}

    private final HyperParams params;
    private final List<FeatureSplit> validation;
    private final Holdout validationHoldout;
    private final Checkpoints checkpoints;
    private final int patience;
    private final int poolEvents;

    public TrainingLoop(
            HyperParams params,
            List<FeatureSplit> validation,
            Holdout validationHoldout,
            Checkpoints checkpoints,
            int patience,
            int poolEvents) {
        this.params = params;
        this.validation = validation;
        this.validationHoldout = validationHoldout;
        this.checkpoints = checkpoints;
        this.patience = patience;
        this.poolEvents = poolEvents;
    }

    /** {@code fitterFor} wraps the (new or resumed) network in the fitter that trains it. */
    public Result run(Function<ComputationGraph, EpochFitter> fitterFor) throws IOException {
        var resumed = checkpoints.latest();
        ComputationGraph net = resumed.map(Checkpoints.Restored::network).orElseGet(() -> Models.build(params));
        List<Double> trainLoss =
                new ArrayList<>(resumed.map(r -> r.state().trainLoss()).orElse(List.of()));
        List<Double> valLoss =
                new ArrayList<>(resumed.map(r -> r.state().validationLoss()).orElse(List.of()));
        double best = resumed.map(r -> r.state().bestValidationLoss()).orElse(Double.POSITIVE_INFINITY);
        int bestEpoch = resumed.map(r -> r.state().bestEpoch()).orElse(0);
        int start = resumed.map(r -> r.state().epoch()).orElse(0);
        if (start > 0) {
            LOG.info("resuming after epoch {} (best validation loss {} at epoch {})", start, best, bestEpoch);
        }
        boolean stopped = start - bestEpoch >= patience && start > 0;
        try (EpochFitter fitter = fitterFor.apply(net)) {
            for (int epoch = start + 1; epoch <= params.epochs() && !stopped; epoch++) {
                long t0 = System.nanoTime();
                double tl = fitter.fitEpoch(epoch);
                net = fitter.network();
                double vl = Scoring.predict(net, params.model(), validation, validationHoldout, poolEvents)
                        .crossEntropy();
                trainLoss.add(tl);
                valLoss.add(vl);
                boolean isBest = vl < best;
                if (isBest) {
                    best = vl;
                    bestEpoch = epoch;
                }
                checkpoints.save(net, new Checkpoints.State(epoch, trainLoss, valLoss, best, bestEpoch), isBest);
                LOG.info(
                        "epoch {}: training loss {}, validation loss {}{} ({} s)",
                        epoch,
                        String.format("%.4f", tl),
                        String.format("%.4f", vl),
                        isBest ? " (best)" : "",
                        String.format("%.1f", (System.nanoTime() - t0) / 1e9));
                stopped = epoch - bestEpoch >= patience;
                TaskIo.fromEnvironment()
                        .progress(
                                epoch,
                                stopped ? epoch : params.epochs(),
                                "epochs",
                                String.format("validation loss %.4f, best at epoch %d", vl, bestEpoch));
                if (stopped) {
                    LOG.info("early stop: no better validation loss for {} epochs", patience);
                }
            }
        }
        return new Result(checkpoints.best(), trainLoss, valLoss, bestEpoch, stopped);
    }
}
