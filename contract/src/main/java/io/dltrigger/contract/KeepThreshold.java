package io.dltrigger.contract;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The trigger decision stored with a published model ({@code threshold.json} in its version folder, chosen at
 * publish time from the test set): an event is kept when it is selected and its score, the sum of the model's
 * probabilities of the kept classes ({@code p_ttbar + p_wjets} by default), is at least {@code threshold}. The
 * threshold meets a target on the test set: a signal efficiency (the fraction of kept-class events kept) or a
 * background acceptance (the fraction of the other classes' events kept; QCD's when ttbar and W+jets are kept).
 * The achieved figures are recorded beside it.
 *
 * @param keepClasses class ids ({@link EventClass#id()}), in label order
 * @param threshold a float value: scores are summed in float, in label order, and compared with it
 */
public record KeepThreshold(
        @JsonProperty("keep_classes") List<String> keepClasses,
        @JsonProperty("target") Target target,
        @JsonProperty("target_value") double targetValue,
        @JsonProperty("threshold") double threshold,
        @JsonProperty("signal_efficiency") double signalEfficiency,
        @JsonProperty("background_acceptance") double backgroundAcceptance,
        @JsonProperty("signal_events") long signalEvents,
        @JsonProperty("background_events") long backgroundEvents,
        @JsonProperty("test_data") String testData,
        @JsonProperty("chosen_at") String chosenAt)
        implements Serializable {

    /** The file in a model's version folder. */
    public static final String FILE = "threshold.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the threshold is chosen for. */
    public enum Target {
        /** Keep at least this fraction of the kept classes' test events (e.g. 0.99). */
        SIGNAL_EFFICIENCY,
        /** Keep at most this fraction of the other classes' test events (e.g. 0.05 of QCD). */
        BACKGROUND_ACCEPTANCE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public KeepThreshold {
        // label order, canonical ids: the score sums in one order everywhere
        keepClasses = keepClasses.stream()
                .map(EventClass::fromId)
                .distinct()
                .sorted(java.util.Comparator.comparingInt(EventClass::label))
                .map(EventClass::id)
                .toList();
        if (keepClasses.isEmpty() || keepClasses.size() >= EventClass.COUNT) {
            throw new IllegalArgumentException(
                    "keep_classes must name one or two of qcd, ttbar, wjets, got " + keepClasses);
        }
        if (target == null || !(targetValue >= 0 && targetValue <= 1)) {
            throw new IllegalArgumentException(
                    "a threshold needs a target and a target value in [0, 1], got " + target + " " + targetValue);
        }
    }

    /** Whether events of class {@code label} are kept (signal) rather than rejected (background). */
    public boolean keeps(int label) {
        return keepClasses.contains(EventClass.ofLabel(label).id());
    }

    /** The score of the event whose class probabilities start at {@code p[offset]}, summed in label order. */
    public float score(float[] p, int offset) {
        float s = 0f;
        for (int i = 0; i < keepClasses.size(); i++) {
            s += p[offset + EventClass.fromId(keepClasses.get(i)).label()];
        }
        return s;
    }

    public boolean keep(float score) {
        return score >= threshold;
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    public static KeepThreshold read(Path file) throws IOException {
        try {
            return JSON.readValue(file.toFile(), KeepThreshold.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("cannot read the threshold " + file + ": " + e.getMessage(), e);
        }
    }
}
