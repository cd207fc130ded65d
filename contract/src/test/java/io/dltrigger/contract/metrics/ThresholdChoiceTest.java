package io.dltrigger.contract.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.KeepThreshold;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdChoiceTest {
    /** Events with p = (1 - s, s/2, s/2): the ttbar + W+jets score is s. */
    private static float[] probabilities(float... scores) {
        float[] p = new float[scores.length * 3];
        for (int i = 0; i < scores.length; i++) {
            p[3 * i] = 1 - scores[i];
            p[3 * i + 1] = scores[i] / 2;
            p[3 * i + 2] = scores[i] / 2;
        }
        return p;
    }

    private static final List<String> SIGNAL = List.of("wjets", "ttbar");

    @Test
    void signalEfficiencyByHand() {
        // signal (labels 1, 2) scores 0.9, 0.8, 0.6, 0.3; background (label 0) 0.7, 0.5, 0.1, 0.05
        float[] p = probabilities(0.9f, 0.8f, 0.6f, 0.3f, 0.7f, 0.5f, 0.1f, 0.05f);
        int[] labels = {1, 2, 1, 2, 0, 0, 0, 0};
        KeepThreshold t =
                ThresholdChoice.choose(SIGNAL, KeepThreshold.Target.SIGNAL_EFFICIENCY, 0.75, p, labels, 8, "test-hash");
        // three of four signal events: the third highest signal score
        float third = p[3 * 2 + 1] + p[3 * 2 + 2];
        assertEquals(third, (float) t.threshold());
        assertEquals(0.75, t.signalEfficiency());
        assertEquals(0.25, t.backgroundAcceptance(), "only the 0.7 background event passes");
        assertEquals(List.of("ttbar", "wjets"), t.keepClasses(), "label order");
        assertEquals(4, t.signalEvents());
        assertEquals(4, t.backgroundEvents());
        assertEquals("test-hash", t.testData());
    }

    @Test
    void backgroundAcceptanceByHand() {
        float[] p = probabilities(0.9f, 0.8f, 0.6f, 0.3f, 0.7f, 0.5f, 0.1f, 0.05f);
        int[] labels = {1, 2, 1, 2, 0, 0, 0, 0};
        KeepThreshold t =
                ThresholdChoice.choose(SIGNAL, KeepThreshold.Target.BACKGROUND_ACCEPTANCE, 0.25, p, labels, 8, "h");
        // one background event of four may pass: just above the second highest background score
        float second = p[3 * 5 + 1] + p[3 * 5 + 2];
        assertEquals(Math.nextUp(second), (float) t.threshold());
        assertEquals(0.25, t.backgroundAcceptance());
        assertEquals(0.75, t.signalEfficiency(), "0.9, 0.8 and 0.6 pass");
        assertTrue(t.keep(t.score(p, 3 * 4)), "the highest background event is kept");
        assertFalse(t.keep(t.score(p, 3 * 5)), "the second is not");
    }

    @Test
    void targetsHoldOnRandomScoresWithTies() {
        Random r = new Random(3);
        int n = 1000;
        float[] scores = new float[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(3);
            // coarse values: many ties
            scores[i] = Math.round((labels[i] == 0 ? 0.3 : 0.6) * 20 + r.nextGaussian() * 4) / 20f;
            scores[i] = Math.max(0, Math.min(1, scores[i]));
        }
        float[] p = probabilities(scores);
        for (double target : new double[] {0.5, 0.9, 0.99, 1.0}) {
            KeepThreshold t =
                    ThresholdChoice.choose(SIGNAL, KeepThreshold.Target.SIGNAL_EFFICIENCY, target, p, labels, n, "h");
            assertTrue(t.signalEfficiency() >= target, target + ": " + t);
            // the highest such threshold: the next float up loses signal below the target
            assertTrue(efficiency(p, labels, Math.nextUp((float) t.threshold()), true) < target, target + "");
            assertEquals(efficiency(p, labels, (float) t.threshold(), false), t.backgroundAcceptance(), 0);
        }
        for (double target : new double[] {0.0, 0.05, 0.3, 1.0}) {
            KeepThreshold t = ThresholdChoice.choose(
                    SIGNAL, KeepThreshold.Target.BACKGROUND_ACCEPTANCE, target, p, labels, n, "h");
            assertTrue(t.backgroundAcceptance() <= target, target + ": " + t);
            if (t.threshold() > 0) {
                // the lowest such threshold: the next float down lets in more background than the target
                assertTrue(efficiency(p, labels, Math.nextDown((float) t.threshold()), false) > target);
            }
        }
    }

    @Test
    void aTestSetWithoutBackgroundIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ThresholdChoice.choose(
                        SIGNAL,
                        KeepThreshold.Target.SIGNAL_EFFICIENCY,
                        0.9,
                        probabilities(0.5f, 0.6f),
                        new int[] {1, 2},
                        2,
                        "h"));
        assertThrows(
                IllegalArgumentException.class,
                () -> new KeepThreshold(
                        List.of("qcd", "ttbar", "wjets"),
                        KeepThreshold.Target.SIGNAL_EFFICIENCY,
                        0.9,
                        0.5,
                        0,
                        0,
                        0,
                        0,
                        "h",
                        "now"),
                "keeping every class is no filter");
    }

    /** The fraction of signal (or background) events whose score is at least t. */
    private static double efficiency(float[] p, int[] labels, float t, boolean signal) {
        KeepThreshold rule =
                new KeepThreshold(SIGNAL, KeepThreshold.Target.SIGNAL_EFFICIENCY, 0.5, t, 0, 0, 0, 0, "h", "now");
        int pass = 0;
        int all = 0;
        for (int i = 0; i < labels.length; i++) {
            if (rule.keeps(labels[i]) == signal) {
                all++;
                if (rule.keep(rule.score(p, 3 * i))) {
                    pass++;
                }
            }
        }
        return (double) pass / all;
    }
}
