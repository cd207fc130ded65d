package io.dltrigger.features.physics;

/** Angular distance in (eta, phi), with the azimuthal difference wrapped into [-pi, pi]. */
public final class DeltaR {
    private static final double TWO_PI = 2 * Math.PI;

    private DeltaR() {}

    public static double deltaPhi(double phi1, double phi2) {
        double d = phi1 - phi2;
        // Delphes phi is in [-pi, pi], so one turn is enough; the loop also covers unnormalized inputs.
        while (d > Math.PI) {
            d -= TWO_PI;
        }
        while (d < -Math.PI) {
            d += TWO_PI;
        }
        return d;
    }

    public static double squared(double eta1, double phi1, double eta2, double phi2) {
        double de = eta1 - eta2;
        double dp = deltaPhi(phi1, phi2);
        return de * de + dp * dp;
    }

    public static double of(double eta1, double phi1, double eta2, double phi2) {
        return Math.sqrt(squared(eta1, phi1, eta2, phi2));
    }
}
