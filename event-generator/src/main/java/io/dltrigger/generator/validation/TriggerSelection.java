package io.dltrigger.generator.validation;

import io.dltrigger.generator.event.DelphesEvent;
import java.util.Optional;

/**
 * The trigger selection and HLF of PHYSICS.md, written independently of the Spark stage: a cross-check of
 * the generator (selection efficiencies, feature distributions), not the pipeline's implementation.
 */
public final class TriggerSelection {
    public static final double LEPTON_PT_MIN = 23.0;
    public static final double ISOLATION_MAX = 0.45;
    public static final double JET_PT_MIN = 30.0;
    public static final double JET_ETA_MAX = 2.6;

    /** Which lepton to keep when both an isolated electron and an isolated muon exist. */
    public enum Tiebreak {
        /** The sensible choice, our default. */
        LARGER_PT,
        /** The reference code's quirk. */
        LARGER_ETA
    }

    private final Tiebreak tiebreak;

    public TriggerSelection(Tiebreak tiebreak) {
        this.tiebreak = tiebreak;
    }

    public TriggerSelection() {
        this(Tiebreak.LARGER_PT);
    }

    /** The event's 14 HLF if it passes the selection, else empty. */
    public Optional<HighLevelFeatures> apply(DelphesEvent e) {
        Isolation iso = new Isolation(e);
        if (!iso.mapsNonEmpty()) {
            return Optional.empty();
        }
        Candidate ele = firstIsolated(e, "Electron", iso);
        Candidate mu = firstIsolated(e, "MuonTight", iso);
        Candidate lep;
        if (ele != null && mu != null) {
            boolean eleWins = tiebreak == Tiebreak.LARGER_PT ? ele.pt >= mu.pt : ele.eta >= mu.eta;
            lep = eleWins ? ele : mu;
        } else {
            lep = ele != null ? ele : mu;
        }
        if (lep == null) {
            return Optional.empty();
        }
        return Optional.of(features(e, lep));
    }

    private static HighLevelFeatures features(DelphesEvent e, Candidate lep) {
        float[] jpt = e.floats("Jet", "PT");
        float[] jeta = e.floats("Jet", "Eta");
        int[] btag = e.ints("Jet", "BTag");
        double ht = 0;
        int nJets = 0;
        int nB = 0;
        for (int i = 0; i < jpt.length; i++) {
            if (jpt[i] > JET_PT_MIN && Math.abs(jeta[i]) < JET_ETA_MAX) {
                ht += jpt[i];
                nJets++;
                if (btag[i] > 0) {
                    nB++;
                }
            }
        }
        double met = e.floats("MissingET", "MET")[0];
        double phiMet = e.floats("MissingET", "Phi")[0];
        double mt = 2 * met * lep.pt * (1 - Math.cos(lep.phi - phiMet));
        return new HighLevelFeatures(
                ht,
                met,
                phiMet,
                mt,
                nJets,
                nB,
                lep.pt,
                lep.eta,
                lep.phi,
                lep.isoCh,
                lep.isoGamma,
                lep.isoNeu,
                lep.charge,
                lep.electron);
    }

    private static Candidate firstIsolated(DelphesEvent e, String collection, Isolation iso) {
        float[] pt = e.floats(collection, "PT");
        float[] eta = e.floats(collection, "Eta");
        float[] phi = e.floats(collection, "Phi");
        int[] charge = e.ints(collection, "Charge");
        for (int i = 0; i < pt.length; i++) {
            if (pt[i] <= LEPTON_PT_MIN) {
                continue;
            }
            double ch = iso.charged(pt[i], eta[i], phi[i]);
            double gamma = iso.photon(pt[i], eta[i], phi[i]);
            double neu = iso.neutral(pt[i], eta[i], phi[i]);
            if (ch + gamma + neu < ISOLATION_MAX) {
                return new Candidate(pt[i], eta[i], phi[i], charge[i], ch, gamma, neu, collection.equals("Electron"));
            }
        }
        return null;
    }

    private record Candidate(
            double pt,
            double eta,
            double phi,
            int charge,
            double isoCh,
            double isoGamma,
            double isoNeu,
            boolean electron) {}
}
