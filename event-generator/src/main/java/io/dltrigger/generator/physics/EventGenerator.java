package io.dltrigger.generator.physics;

import io.dltrigger.contract.EventClass;
import io.dltrigger.generator.event.DelphesEvent;
import java.util.Arrays;
import java.util.Objects;

/**
 * Generates Delphes-like events of one sample, deterministically from a seed: hard process, the one-lepton
 * pre-filter, heavy-flavour decays, fragmentation, leptons, soft activity (underlying event and pile-up),
 * jets and missing transverse energy, all through one detector model. Not thread-safe: one per thread.
 */
public final class EventGenerator {
    /** Generator-level filter: every sample is pre-filtered for a lepton above this pT in the tracker. */
    public static final double FILTER_LEPTON_PT = 15.0;

    private static final int MAX_TRIES = 100_000;

    private final EventClass sample;
    private final Rng rng;
    private final HardProcess process;
    private final HardEvent hard = new HardEvent();
    private final EFlowBuffer eflow = new EFlowBuffer();
    private final Detector detector;
    private final HeavyFlavourDecays heavyFlavour = new HeavyFlavourDecays();
    private final Fragmentation fragmentation;
    private final LeptonReconstruction leptons;
    private final SoftActivity softActivity;
    private final JetReconstruction jets;
    private long number;

    public EventGenerator(EventClass sample, long seed) {
        this.sample = Objects.requireNonNull(sample, "sample");
        this.rng = new Rng(seed);
        this.process = HardProcess.of(sample);
        this.detector = new Detector(rng, eflow, hard);
        this.fragmentation = new Fragmentation(rng, detector);
        this.leptons = new LeptonReconstruction(rng, detector);
        this.softActivity = new SoftActivity(rng, detector, fragmentation, hard);
        this.jets = new JetReconstruction(rng);
    }

    public EventClass sample() {
        return sample;
    }

    /** The next event; event numbers count from 1. */
    public DelphesEvent next() {
        hardProcess();
        detector.newEvent();
        fragmentation.apply(hard);
        leptons.apply(hard);
        softActivity.apply();
        jets.apply(hard);
        return assemble(++number);
    }

    private void hardProcess() {
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            hard.clear();
            process.generate(rng, hard);
            heavyFlavour.apply(rng, hard);
            if (passesLeptonFilter()) {
                return;
            }
        }
        throw new IllegalStateException(
                "no " + sample.id() + " event passed the lepton filter in " + MAX_TRIES + " tries");
    }

    private boolean passesLeptonFilter() {
        for (int i = 0; i < hard.pieces; i++) {
            if (hard.isLepton(i) && hard.pt(i) > FILTER_LEPTON_PT && Math.abs(hard.eta(i)) < Detector.TRACKER_ETA) {
                return true;
            }
        }
        return false;
    }

    private DelphesEvent assemble(long eventNumber) {
        DelphesEvent e = new DelphesEvent(eventNumber);
        leptons.electrons.putInto(e, "Electron", "Charge");
        leptons.muons.putInto(e, "MuonTight", "Charge");
        jets.reconstructed.putInto(e, "Jet", "BTag");
        // MET is minus the vector sum of everything the detector saw.
        double mx = -eflow.visibleX;
        double my = -eflow.visibleY;
        e.put("MissingET", "MET", new float[] {(float) Kinematics.pt(mx, my)})
                .put("MissingET", "Phi", new float[] {(float) Kinematics.phi(mx, my)});
        int t = eflow.tracks;
        e.put("EFlowTrack", "PT", Arrays.copyOf(eflow.trackPt, t))
                .put("EFlowTrack", "Eta", Arrays.copyOf(eflow.trackEta, t))
                .put("EFlowTrack", "Phi", Arrays.copyOf(eflow.trackPhi, t))
                .put("EFlowTrack", "PID", Arrays.copyOf(eflow.trackPid, t))
                .put("EFlowTrack", "X", Arrays.copyOf(eflow.trackX, t))
                .put("EFlowTrack", "Y", Arrays.copyOf(eflow.trackY, t))
                .put("EFlowTrack", "Z", Arrays.copyOf(eflow.trackZ, t));
        int g = eflow.photons;
        e.put("EFlowPhoton", "ET", Arrays.copyOf(eflow.photonEt, g))
                .put("EFlowPhoton", "Eta", Arrays.copyOf(eflow.photonEta, g))
                .put("EFlowPhoton", "Phi", Arrays.copyOf(eflow.photonPhi, g));
        int h = eflow.neutrals;
        e.put("EFlowNeutralHadron", "ET", Arrays.copyOf(eflow.neutralEt, h))
                .put("EFlowNeutralHadron", "Eta", Arrays.copyOf(eflow.neutralEta, h))
                .put("EFlowNeutralHadron", "Phi", Arrays.copyOf(eflow.neutralPhi, h));
        return e;
    }
}
