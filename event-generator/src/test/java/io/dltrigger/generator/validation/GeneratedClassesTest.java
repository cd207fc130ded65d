package io.dltrigger.generator.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.event.DelphesEvent;
import io.dltrigger.generator.physics.EventGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The physics the README promises, measured on one validation run: selection efficiencies in their
 * documented ranges, the classes' characteristic shapes, and classes that cuts cannot separate but a
 * network can mostly.
 */
class GeneratedClassesTest {
    private static ValidationReport report;

    @BeforeAll
    static void generate() {
        report = ValidationReport.run(6000, 2026);
    }

    private static double mean(EventClass s, CutVariable v) {
        return report.summary(s).features().get(v.name()).mean();
    }

    @Test
    void selectionEfficiencyPerClassIsInTheDocumentedRange() {
        assertBetween(report.summary(EventClass.QCD).selectionEfficiency(), 0.08, 0.17, "QCD efficiency");
        assertBetween(report.summary(EventClass.TTBAR).selectionEfficiency(), 0.52, 0.65, "ttbar efficiency");
        assertBetween(report.summary(EventClass.WJETS).selectionEfficiency(), 0.66, 0.80, "W+jets efficiency");
    }

    @Test
    void ttbarHasMoreJetsMoreBTagsAndHigherHt() {
        for (CutVariable v : new CutVariable[] {CutVariable.N_JETS, CutVariable.N_BJETS, CutVariable.HT}) {
            assertTrue(mean(EventClass.TTBAR, v) > 1.2 * mean(EventClass.QCD, v), v + " ttbar vs QCD");
            assertTrue(mean(EventClass.TTBAR, v) > 2 * mean(EventClass.WJETS, v), v + " ttbar vs W+jets");
        }
        assertTrue(mean(EventClass.TTBAR, CutVariable.N_JETS) > 3.0);
        assertTrue(mean(EventClass.TTBAR, CutVariable.N_BJETS) > 1.0);
    }

    @Test
    void qcdLeptonsMostlyFailIsolationWhilePromptOnesMostlyPass() {
        assertTrue(report.summary(EventClass.QCD).leptonIsolationFailure() > 0.6);
        double w = report.summary(EventClass.WJETS).leptonIsolationFailure();
        // Some prompt leptons do fail (radiation, nearby jets, pile-up), but few.
        assertBetween(w, 0.01, 0.12, "W+jets leptons failing isolation");
        assertTrue(mean(EventClass.QCD, CutVariable.LEP_ISO) > 2 * mean(EventClass.WJETS, CutVariable.LEP_ISO));
        assertTrue(
                mean(EventClass.QCD, CutVariable.MET) < 0.7 * mean(EventClass.WJETS, CutVariable.MET),
                "QCD MET must be soft");
    }

    @Test
    void wJetsTransverseMassHasItsJacobianPeakBelowTheWMass() {
        EventGenerator g = new EventGenerator(EventClass.WJETS, 77);
        TriggerSelection selection = new TriggerSelection();
        int[] bins = new int[20];
        for (int i = 0; i < 6000; i++) {
            DelphesEvent e = g.next();
            selection.apply(e).ifPresent(f -> {
                // The true MT, computed here from the event, not taken from the feature.
                double pt = f.lepPt();
                double met = e.floats("MissingET", "MET")[0];
                double dphi = f.lepPhi() - e.floats("MissingET", "Phi")[0];
                double mt = Math.sqrt(2 * pt * met * (1 - Math.cos(dphi)));
                assertEquals(f.trueMt(), mt, 1e-6 * (1 + mt));
                bins[Math.min(19, (int) (mt / 10))]++;
            });
        }
        int peak = 0;
        for (int b = 1; b < bins.length; b++) {
            peak = bins[b] > bins[peak] ? b : peak;
        }
        assertTrue(peak >= 6 && peak <= 8, "MT peak bin [" + 10 * peak + ", " + (10 * peak + 10) + ")");
        // Jacobian: a slow rise up to the edge near m_W, then a steep fall (W width, recoil, resolution).
        int rise = bins[5] + bins[6] + bins[7];
        int fall = bins[10] + bins[11] + bins[12];
        assertTrue(fall < 0.5 * rise, "MT 100-130: " + fall + " vs 50-80: " + rise);
        assertTrue(bins[12] + bins[13] < 0.4 * bins[peak], "MT 120-140 " + (bins[12] + bins[13]));
    }

    @Test
    void eFlowMultiplicitiesAreOfTheRealOrder() {
        for (EventClass s : EventClass.values()) {
            var m = report.summary(s).multiplicities();
            assertBetween(m.get("tracks").mean(), 250, 700, s + " tracks");
            assertBetween(m.get("tracks PT>0.5").mean(), 150, 450, s + " tracks PT>0.5");
            assertBetween(m.get("photons").mean(), 100, 300, s + " photons");
            assertBetween(m.get("neutral hadrons").mean(), 60, 250, s + " neutral hadrons");
            assertTrue(m.get("photons ET>1").q90() < 150, s + " photons ET>1 above the particle-list cap");
        }
    }

    @Test
    void cutsDoNotSeparateTheClassesButTheReferenceNetworkMostlyDoes() {
        for (CutBasedClassifier.PairResult p : report.bestCuts()) {
            assertBetween(
                    p.balancedAccuracy(),
                    0.6,
                    0.92,
                    "best cut " + p.cut() + " for " + p.signal() + " vs " + p.background());
        }
        assertBetween(report.decisionTree().accuracy(), 0.5, 0.85, "depth-2 tree accuracy");
        double auc = report.dnn().auc()[EventClass.TTBAR.label()];
        assertBetween(auc, 0.85, 0.985, "HLF network ttbar AUC");
        assertTrue(report.dnn().accuracy() > report.decisionTree().accuracy(), "the network should beat the cuts");
    }

    private static void assertBetween(double v, double lo, double hi, String what) {
        assertTrue(v >= lo && v <= hi, what + " = " + v + ", expected in [" + lo + ", " + hi + "]");
    }
}
