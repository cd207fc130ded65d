package io.dltrigger.contract;

import java.util.List;

/**
 * What scoring writes per event: the provenance of the features table and one probability column per class,
 * {@code p_qcd}, {@code p_ttbar}, {@code p_wjets} (in label order), as the batch {@code score} command writes them.
 */
public final class ScoresContract {
    public static final String SOURCE_FILE = EventTableContract.SOURCE_FILE;
    public static final String ENTRY = EventTableContract.ENTRY;
    public static final String LABEL = FeaturesTableContract.LABEL;
    /** int32: the class of highest probability. */
    public static final String PREDICTED = "predicted";

    private ScoresContract() {}

    /** The probability column of a class: {@code p_} and its id. */
    public static String probability(EventClass c) {
        return "p_" + c.id();
    }

    /** The probability columns in label order. */
    public static List<String> probabilities() {
        return List.of(probability(EventClass.QCD), probability(EventClass.TTBAR), probability(EventClass.WJETS));
    }
}
