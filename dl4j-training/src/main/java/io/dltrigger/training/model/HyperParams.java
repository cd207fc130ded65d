package io.dltrigger.training.model;

import java.io.Serializable;
import java.util.List;

/**
 * One training configuration. {@code hidden}: the dense layer widths (HLF: the reference's 50/20/10;
 * inclusive: the 25-unit layer after the merge; unused by the sequence model). Dropout is the fraction dropped.
 */
public record HyperParams(
        ModelKind model,
        List<Integer> hidden,
        int rnnUnits,
        double dropout,
        double learningRate,
        int batchSize,
        int epochs,
        long seed)
        implements Serializable {

    public HyperParams {
        hidden = List.copyOf(hidden);
        if (batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("batchSize and epochs must be >= 1, got " + batchSize + ", " + epochs);
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer widths must be >= 1, got " + hidden);
            }
        }
    }

    /** The reference defaults for a model kind. */
    public static HyperParams reference(ModelKind kind) {
        return switch (kind) {
            case HLF -> new HyperParams(kind, List.of(50, 20, 10), 0, 0.0, 1e-3, 128, 10, 42);
            case SEQUENCE -> new HyperParams(kind, List.of(), 50, 0.2, 1e-3, 128, 10, 42);
            case INCLUSIVE -> new HyperParams(kind, List.of(25), 50, 0.2, 1e-3, 128, 10, 42);
        };
    }

    public HyperParams withEpochs(int e) {
        return new HyperParams(model, hidden, rnnUnits, dropout, learningRate, batchSize, e, seed);
    }

    public HyperParams withLearningRate(double lr) {
        return new HyperParams(model, hidden, rnnUnits, dropout, lr, batchSize, epochs, seed);
    }

    public HyperParams withBatchSize(int b) {
        return new HyperParams(model, hidden, rnnUnits, dropout, learningRate, b, epochs, seed);
    }

    public HyperParams withHidden(List<Integer> h) {
        return new HyperParams(model, h, rnnUnits, dropout, learningRate, batchSize, epochs, seed);
    }
}
