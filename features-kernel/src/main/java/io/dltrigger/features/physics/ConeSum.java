package io.dltrigger.features.physics;

/**
 * A map of (eta, phi, pT) entries answering "sum of pT within Delta R &lt; cone of a point" (the PFIso
 * numerator). Implementations are reused from event to event: {@link #load} replaces the entries.
 */
public interface ConeSum {
    /** Loads, among the first n objects, those with pt[i] &gt; ptMin. */
    void load(float[] eta, float[] phi, float[] pt, int n, float ptMin);

    /** Number of entries loaded. */
    int size();

    /** Sum of the pT of the entries with {@code DeltaR.squared(entry, point) < cone * cone}. */
    double sum(double eta, double phi);

    /** Which algorithm answers the cone sums. */
    enum Kind {
        /** Entries binned in (eta, phi) cells of at least the cone size: a point visits 9 cells. */
        BINNED,
        /** Every entry for every point: the reference's algorithm, kept for the equality test and benchmark. */
        PAIRWISE;

        public ConeSum create(double cone) {
            return this == BINNED ? new BinnedConeSum(cone) : new PairwiseConeSum(cone);
        }
    }
}
