package io.dltrigger.features.physics;

/** The Delphes collections the job reads, by role; the branch name of each is configuration. */
public enum Collection {
    ELECTRON("Electron"),
    MUON("MuonTight"),
    JET("Jet"),
    MISSING_ET("MissingET"),
    TRACK("EFlowTrack"),
    PHOTON("EFlowPhoton"),
    NEUTRAL_HADRON("EFlowNeutralHadron");

    private final String defaultBranch;

    Collection(String defaultBranch) {
        this.defaultBranch = defaultBranch;
    }

    /** The branch name of the reference (CMS-like Delphes card). */
    public String defaultBranch() {
        return defaultBranch;
    }
}
