package io.dltrigger.contract.metrics;

import io.dltrigger.contract.EventClass;
import io.dltrigger.contract.KeepThreshold;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses a model's {@link KeepThreshold} on a scored test set: the highest threshold that keeps at least the
 * target fraction of the kept classes' events (signal efficiency), or the lowest that keeps at most the target
 * fraction of the other classes' events (background acceptance). Exact on the given events (ties included).
 */
public final class ThresholdChoice {
    /** Slack for target x count products such as 0.99 x 100 = 99.00000000000001, which must stay 99. */
    private static final double ROUNDING = 1e-9;

    private ThresholdChoice() {}

    /**
     * @param probabilities {@link EventClass#COUNT} class probabilities per event, in label order
     * @param labels the true labels
     * @param n the number of events
     */
    public static KeepThreshold choose(
            List<String> keepClasses,
            KeepThreshold.Target target,
            double targetValue,
            float[] probabilities,
            int[] labels,
            int n,
            String testData) {
        // the rule itself, with a placeholder threshold, scores the events as the filter will
        KeepThreshold rule = new KeepThreshold(
                keepClasses,
                target,
                targetValue,
                0,
                0,
                0,
                0,
                0,
                testData,
                Instant.now().toString());
        float[] signal = new float[n];
        float[] background = new float[n];
        int ns = 0;
        int nb = 0;
        for (int i = 0; i < n; i++) {
            float s = rule.score(probabilities, i * EventClass.COUNT);
            if (rule.keeps(labels[i])) {
                signal[ns++] = s;
            } else {
                background[nb++] = s;
            }
        }
        if (ns == 0 || nb == 0) {
            throw new IllegalArgumentException("the test set needs events of the kept classes " + keepClasses
                    + " and of the others to choose a threshold; it has " + ns + " and " + nb);
        }
        Arrays.sort(signal, 0, ns);
        Arrays.sort(background, 0, nb);
        float threshold = switch (target) {
            case SIGNAL_EFFICIENCY -> {
                int k = (int) Math.ceil(targetValue * ns - ROUNDING);
                // the k-th highest signal score keeps at least k signal events; k = 0 keeps none
                yield k == 0 ? Math.nextUp(signal[ns - 1]) : signal[ns - k];
            }
            case BACKGROUND_ACCEPTANCE -> {
                int m = (int) Math.floor(targetValue * nb + ROUNDING);
                // just above the (m+1)-th highest background score: at most m background events kept
                yield m >= nb ? 0f : Math.nextUp(background[nb - m - 1]);
            }
        };
        return new KeepThreshold(
                rule.keepClasses(),
                target,
                targetValue,
                threshold,
                (double) atLeast(signal, ns, threshold) / ns,
                (double) atLeast(background, nb, threshold) / nb,
                ns,
                nb,
                testData,
                rule.chosenAt());
    }

    /** How many of the first n (sorted) values are at least t. */
    private static int atLeast(float[] sorted, int n, float t) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (sorted[i] >= t) {
                count++;
            }
        }
        return count;
    }
}
