package io.dltrigger.training.tune;

import io.dltrigger.training.model.HyperParams;
import io.dltrigger.training.model.ModelKind;
import java.io.Serializable;
import java.util.List;

/**
 * One combination of the grid, as plain values; it becomes {@link HyperParams} inside its Spark task, so an
 * invalid combination fails there and is recorded as failed like any other failing fit.
 * Widths: HLF uses h1/h2/h3 as its three dense layers; the recurrent models use h1 as the recurrent units and
 * (inclusive) h2 as the dense layer after the merge.
 */
public record GridPoint(
        int index, ModelKind model, int batchSize, int epochs, int h1, int h2, int h3, double learningRate, long seed)
        implements Serializable {

    public HyperParams hyperParams() {
        HyperParams ref = HyperParams.reference(model);
        return switch (model) {
            case HLF -> new HyperParams(model, List.of(h1, h2, h3), 0, 0.0, learningRate, batchSize, epochs, seed);
            case SEQUENCE ->
                new HyperParams(model, List.of(), h1, ref.dropout(), learningRate, batchSize, epochs, seed);
            case INCLUSIVE ->
                new HyperParams(model, List.of(h2), h1, ref.dropout(), learningRate, batchSize, epochs, seed);
        };
    }
}
