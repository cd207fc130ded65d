package io.dltrigger.generator.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The classifiers that judge the generator must themselves work: they separate what is separable. */
class ClassifierSanityTest {

    /** Class 1 has many jets, class 2 high MT, class 0 neither: separable by two cuts. */
    private static LabelledFeatures separable() {
        SplittableRandom r = new SplittableRandom(3);
        Map<Integer, List<HighLevelFeatures>> byLabel = new java.util.LinkedHashMap<>();
        for (int label = 0; label < 3; label++) {
            List<HighLevelFeatures> l = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                int jets = label == 1 ? 4 + r.nextInt(3) : r.nextInt(2);
                double mt2 = label == 2 ? 6400 + 1000 * r.nextDouble() : 900 * r.nextDouble();
                l.add(new HighLevelFeatures(
                        40 * jets,
                        30 + 10 * r.nextDouble(),
                        r.nextDouble(),
                        mt2,
                        jets,
                        0,
                        30 + 20 * r.nextDouble(),
                        r.nextDouble(),
                        r.nextDouble(),
                        0.1,
                        0.05,
                        0.05,
                        1,
                        true));
            }
            byLabel.put(label, l);
        }
        return LabelledFeatures.balanced(byLabel);
    }

    @Test
    void bestCutAndTreeSeparateSeparableClasses() {
        LabelledFeatures all = separable();
        LabelledFeatures train = all.half(false);
        LabelledFeatures test = all.half(true);
        assertEquals(900, train.size());
        CutBasedClassifier.PairResult p = CutBasedClassifier.bestCut(train, test, 1, 0);
        assertEquals(1.0, p.balancedAccuracy(), 1e-9, p.toString());
        assertTrue(p.cut().variable() == CutVariable.N_JETS || p.cut().variable() == CutVariable.HT);
        assertEquals(1.0, CutBasedClassifier.decisionTree(train, test, 1, 0).accuracy(), 1e-9);
    }

    @Test
    void networkLearnsSeparableClasses() {
        LabelledFeatures all = separable();
        MlpProbe.Result r = MlpProbe.trainAndTest(all.half(false), all.half(true), 10, 1);
        for (double auc : r.auc()) {
            assertTrue(auc > 0.99, "AUC " + auc);
        }
    }
}
