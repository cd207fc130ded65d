package io.dltrigger.generator.physics;

import java.util.SplittableRandom;

/**
 * The generator's random numbers: SplittableRandom (fast, and its sequence is fixed by its specification,
 * so a seed gives the same events on every JDK) plus the few distributions the physics draws from. The
 * Gaussian is our own polar method rather than the JDK's, whose algorithm is not part of its contract.
 */
final class Rng {
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform in (0, 1]: safe under a logarithm. */
    double open() {
        return 1.0 - random.nextDouble();
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    double phi() {
        return Math.PI * (2.0 * random.nextDouble() - 1.0);
    }

    double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(s) / s);
        spareGaussian = v * f;
        hasSpare = true;
        return u * f;
    }

    double gaussian(double mean, double sigma) {
        return mean + sigma * gaussian();
    }

    double exponential(double mean) {
        return -mean * Math.log(open());
    }

    /** Gamma(2, scale): the soft-particle pT spectrum p exp(-p / scale); one logarithm per draw. */
    double gamma2(double scale) {
        return -scale * Math.log(open() * open());
    }

    /** Pareto tail above {@code min}: dN/dx ~ x^-(index+1), the falling spectrum of hard QCD. */
    double powerLaw(double min, double index) {
        return min * Math.pow(open(), -1.0 / index);
    }

    /** Relativistic-enough Breit-Wigner (Cauchy) mass, cut to [lo, hi] as generators do. */
    double breitWigner(double mass, double width, double lo, double hi) {
        double m;
        do {
            m = mass + 0.5 * width * Math.tan(Math.PI * (random.nextDouble() - 0.5));
        } while (m < lo || m > hi);
        return m;
    }

    int poisson(double mean) {
        if (mean > 40) {
            return Math.max(0, (int) Math.round(gaussian(mean, Math.sqrt(mean))));
        }
        double limit = Math.exp(-mean);
        double p = random.nextDouble();
        int n = 0;
        while (p > limit) {
            p *= random.nextDouble();
            n++;
        }
        return n;
    }

    /** Geometric count with the given mean (Berends scaling of jet multiplicities: constant ratio n+1 / n). */
    int geometric(double mean) {
        double ratio = mean / (1.0 + mean);
        int n = 0;
        while (random.nextDouble() < ratio) {
            n++;
        }
        return n;
    }
}
