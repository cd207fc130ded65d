package io.dltrigger.features.config;

/** Which lepton is "the lepton" when both an isolated electron and an isolated muon pass. */
public enum LeptonChoice {
    /** The one with the larger pT (our default: the physically sensible choice). */
    PT,
    /** The one with the larger (signed) eta: the reference code's behaviour, kept to reproduce it. */
    ETA
}
