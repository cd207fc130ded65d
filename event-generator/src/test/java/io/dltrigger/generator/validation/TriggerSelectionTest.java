package io.dltrigger.generator.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dltrigger.generator.event.DelphesEvent;
import org.junit.jupiter.api.Test;

/** The selection on hand-built events whose isolation and features are known exactly. */
class TriggerSelectionTest {

    /** One electron (pT 40 at eta 0.5) and one muon (pT 30 at eta 1.5), each with its own track. */
    private static DelphesEvent event(float extraTrackPt, float electronPt) {
        DelphesEvent e = new DelphesEvent(1);
        e.put("Electron", "PT", new float[] {electronPt})
                .put("Electron", "Eta", new float[] {0.5f})
                .put("Electron", "Phi", new float[] {0f})
                .put("Electron", "Charge", new int[] {-1});
        e.put("MuonTight", "PT", new float[] {30f})
                .put("MuonTight", "Eta", new float[] {1.5f})
                .put("MuonTight", "Phi", new float[] {2f})
                .put("MuonTight", "Charge", new int[] {1});
        // jets: one counted (40), one too soft (25), one too forward (eta 3); the counted one b-tagged
        e.put("Jet", "PT", new float[] {40f, 25f, 50f})
                .put("Jet", "Eta", new float[] {0f, 0f, 3f})
                .put("Jet", "Phi", new float[] {1f, 2f, 3f})
                .put("Jet", "BTag", new int[] {1, 1, 0});
        e.put("MissingET", "MET", new float[] {50f}).put("MissingET", "Phi", new float[] {(float) Math.PI});
        // tracks: the two leptons, a track 0.1 from the electron, and one far away
        e.put("EFlowTrack", "PT", new float[] {electronPt, 30f, extraTrackPt, 5f})
                .put("EFlowTrack", "Eta", new float[] {0.5f, 1.5f, 0.6f, -2f})
                .put("EFlowTrack", "Phi", new float[] {0f, 2f, 0f, 0f})
                .put("EFlowTrack", "PID", new int[] {11, -13, 211, 211})
                .put("EFlowTrack", "X", new float[4])
                .put("EFlowTrack", "Y", new float[4])
                .put("EFlowTrack", "Z", new float[4]);
        // a photon near the electron (counted), one below the 1 GeV map threshold; a neutral hadron far away
        e.put("EFlowPhoton", "ET", new float[] {2f, 0.9f})
                .put("EFlowPhoton", "Eta", new float[] {0.5f, 0.5f})
                .put("EFlowPhoton", "Phi", new float[] {0.2f, 0f});
        e.put("EFlowNeutralHadron", "ET", new float[] {3f})
                .put("EFlowNeutralHadron", "Eta", new float[] {-1f})
                .put("EFlowNeutralHadron", "Phi", new float[] {-1f});
        return e;
    }

    @Test
    void computesIsolationAndTheFourteenFeatures() {
        HighLevelFeatures f = new TriggerSelection().apply(event(4f, 40f)).orElseThrow();
        assertTrue(f.lepIsEle(), "the larger-pT lepton is kept");
        assertEquals(4.0 / 40, f.lepIsoCh(), 1e-6);
        assertEquals(2.0 / 40, f.lepIsoGamma(), 1e-6);
        assertEquals(0.0, f.lepIsoNeu(), 1e-12);
        assertEquals(40, f.ht(), 1e-6);
        assertEquals(1, f.nJets());
        assertEquals(1, f.nBjets());
        // reference form: 2 MET pT (1 - cos dphi) with dphi = pi: 4 * 50 * 40
        assertEquals(8000, f.mt(), 1e-2);
        assertEquals(Math.sqrt(8000), f.trueMt(), 1e-3);
        assertEquals(-1, f.lepCharge());
        assertEquals(14, f.toArray().length);
    }

    @Test
    void nonIsolatedElectronLeavesTheMuon() {
        // 18 GeV of tracks around a 40 GeV electron: 0.45 + 0.05 > 0.45
        HighLevelFeatures f = new TriggerSelection().apply(event(18f, 40f)).orElseThrow();
        assertFalse(f.lepIsEle());
        assertEquals(30, f.lepPt(), 1e-6);
    }

    @Test
    void leptonsAtOrBelowTheThresholdAreNotCandidates() {
        DelphesEvent e = event(4f, 23f);
        HighLevelFeatures f = new TriggerSelection().apply(e).orElseThrow();
        assertFalse(f.lepIsEle());
    }

    @Test
    void referenceTiebreakKeepsTheLargerEta() {
        HighLevelFeatures f = new TriggerSelection(TriggerSelection.Tiebreak.LARGER_ETA)
                .apply(event(4f, 40f))
                .orElseThrow();
        assertFalse(f.lepIsEle(), "the muon has the larger eta");
    }

    @Test
    void eventsWithAnEmptyIsolationMapAreDropped() {
        DelphesEvent e = event(4f, 40f);
        e.put("EFlowNeutralHadron", "ET", new float[] {0.5f});
        assertTrue(new TriggerSelection().apply(e).isEmpty());
    }
}
