package io.dltrigger.features.physics;

/** The plain double loop: every query visits every entry. The reference for {@link BinnedConeSum}. */
public final class PairwiseConeSum implements ConeSum {
    private final double cone2;
    private float[] eta = new float[256];
    private float[] phi = new float[256];
    private float[] pt = new float[256];
    private int n;

    public PairwiseConeSum(double cone) {
        this.cone2 = cone * cone;
    }

    @Override
    public void load(float[] etaIn, float[] phiIn, float[] ptIn, int count, float ptMin) {
        if (eta.length < count) {
            eta = new float[count];
            phi = new float[count];
            pt = new float[count];
        }
        n = 0;
        for (int i = 0; i < count; i++) {
            if (ptIn[i] > ptMin) {
                eta[n] = etaIn[i];
                phi[n] = phiIn[i];
                pt[n] = ptIn[i];
                n++;
            }
        }
    }

    @Override
    public int size() {
        return n;
    }

    @Override
    public double sum(double e, double p) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (DeltaR.squared(eta[i], phi[i], e, p) < cone2) {
                s += pt[i];
            }
        }
        return s;
    }
}
