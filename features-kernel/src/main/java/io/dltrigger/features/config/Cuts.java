package io.dltrigger.features.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Selection and particle-list cuts (GeV, radians); the defaults are the reference's (PHYSICS.md). */
public record Cuts(
        @JsonProperty("lepton_pt_min") double leptonPtMin,
        @JsonProperty("lepton_iso_max") double leptonIsoMax,
        @JsonProperty("iso_cone") double isoCone,
        @JsonProperty("track_pt_min") double trackPtMin,
        @JsonProperty("photon_et_min") double photonEtMin,
        @JsonProperty("neutral_hadron_et_min") double neutralHadronEtMin,
        @JsonProperty("track_lepton_dr_min") double trackLeptonDrMin,
        @JsonProperty("jet_pt_min") double jetPtMin,
        @JsonProperty("jet_abs_eta_max") double jetAbsEtaMax,
        @JsonProperty("max_tracks") int maxTracks,
        @JsonProperty("max_photons") int maxPhotons,
        @JsonProperty("max_neutral_hadrons") int maxNeutralHadrons,
        @JsonProperty("max_particles") int maxParticles)
        implements java.io.Serializable {

    public static final Cuts REFERENCE = new Cuts(23, 0.45, 0.3, 0.5, 1, 1, 1e-4, 30, 2.6, 450, 150, 200, 801);

    public Cuts {
        if (maxTracks < 0 || maxPhotons < 0 || maxNeutralHadrons < 0) {
            throw new IllegalArgumentException("max_tracks, max_photons and max_neutral_hadrons must be >= 0");
        }
        if (maxParticles < 1) {
            throw new IllegalArgumentException("max_particles must be >= 1 (the lepton), got " + maxParticles);
        }
        if (!(isoCone > 0)) {
            throw new IllegalArgumentException("iso_cone must be positive, got " + isoCone);
        }
    }

    /**
     * Rows of the particle list: the lepton and the three zero-padded blocks (801 by default). Of those,
     * at most {@code max_particles} are real: the lepton and the particles closest to it (Delta R).
     */
    public int particleRows() {
        return 1 + maxTracks + maxPhotons + maxNeutralHadrons;
    }
}
