package io.dltrigger.contract;

/**
 * The order of the real rows of the particle list ({@link FeaturesTableContract#PARTICLES}). Padding rows are
 * at the end whatever the order, so a recurrent layer can mask them; Delta R is measured to the selected lepton.
 */
public enum ParticleOrder {
    /** The lepton, then tracks, photons and neutral hadrons, each block in the file's order. */
    AS_READ,
    /** The lepton, then the other particles by increasing Delta R to it (the closest right after the lepton). */
    DELTA_R_ASCENDING,
    /**
     * The reference's order (arXiv:1807.00083): every particle by decreasing Delta R to the lepton, so the
     * farthest comes first and the closest last, and the lepton itself (Delta R 0) is the last real row. A
     * recurrent layer's final state is what it read last: the lepton and its surroundings.
     */
    DELTA_R_DESCENDING_CLOSEST_LAST,
    /**
     * The reference's order, but where {@code max_particles} cuts the list it keeps the lepton and the hardest
     * particles (largest pT, or ET for photons and neutral hadrons) instead of the closest ones. The same as
     * {@link #DELTA_R_DESCENDING_CLOSEST_LAST} on an uncut list. A cut list of the closest particles holds the
     * lepton's neighbourhood only; the hardest hold the jets, and with them the hadronic W and top decays that
     * the 14 HLF do not describe (issue 17, bench/RESULTS.md).
     */
    HARDEST_DELTA_R_DESCENDING_CLOSEST_LAST
}
