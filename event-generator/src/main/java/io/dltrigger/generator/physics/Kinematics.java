package io.dltrigger.generator.physics;

/** Massless and massive kinematics on primitive values: the generator keeps no per-particle objects. */
final class Kinematics {
    private Kinematics() {}

    static double pt(double px, double py) {
        return Math.sqrt(px * px + py * py);
    }

    /** Pseudorapidity; a particle along the beam gets a large finite value so it falls out of acceptance. */
    static double eta(double px, double py, double pz) {
        double pt = pt(px, py);
        if (pt < 1e-9) {
            return pz >= 0 ? 20.0 : -20.0;
        }
        return asinh(pz / pt);
    }

    static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1.0));
    }

    static double phi(double px, double py) {
        return Math.atan2(py, px);
    }

    /** Wraps into [-pi, pi]. */
    static double wrap(double dphi) {
        while (dphi > Math.PI) {
            dphi -= 2 * Math.PI;
        }
        while (dphi < -Math.PI) {
            dphi += 2 * Math.PI;
        }
        return dphi;
    }

    static double deltaR2(double eta1, double phi1, double eta2, double phi2) {
        double deta = eta1 - eta2;
        double dphi = wrap(phi1 - phi2);
        return deta * deta + dphi * dphi;
    }

    /**
     * Two-body decay of a parent (4-momentum in {@code parent}) into daughters of masses m1 and m2, isotropic
     * in the parent's rest frame; writes the lab 4-momenta into {@code d1} and {@code d2} as {px, py, pz, E}.
     */
    static void twoBodyDecay(Rng rng, double[] parent, double m1, double m2, double[] d1, double[] d2) {
        double mass = mass(parent);
        double p = momentumInRestFrame(mass, m1, m2);
        double cos = rng.uniform(-1, 1);
        double sin = Math.sqrt(Math.max(0, 1 - cos * cos));
        double phi = rng.phi();
        double px = p * sin * Math.cos(phi);
        double py = p * sin * Math.sin(phi);
        double pz = p * cos;
        set(d1, px, py, pz, Math.sqrt(p * p + m1 * m1));
        set(d2, -px, -py, -pz, Math.sqrt(p * p + m2 * m2));
        boost(d1, parent, mass);
        boost(d2, parent, mass);
    }

    static double momentumInRestFrame(double m, double m1, double m2) {
        double a = m * m - (m1 + m2) * (m1 + m2);
        double b = m * m - (m1 - m2) * (m1 - m2);
        return Math.sqrt(Math.max(0, a * b)) / (2 * m);
    }

    static double mass(double[] p) {
        double m2 = p[3] * p[3] - p[0] * p[0] - p[1] * p[1] - p[2] * p[2];
        return Math.sqrt(Math.max(0, m2));
    }

    static void set(double[] v, double px, double py, double pz, double e) {
        v[0] = px;
        v[1] = py;
        v[2] = pz;
        v[3] = e;
    }

    /** A 4-vector of given mass from (pT, rapidity y, phi). */
    static void fromPtRapidity(double[] v, double pt, double y, double phi, double mass) {
        double mt = Math.sqrt(pt * pt + mass * mass);
        set(v, pt * Math.cos(phi), pt * Math.sin(phi), mt * Math.sinh(y), mt * Math.cosh(y));
    }

    /** Boosts {@code v} from the rest frame of {@code frame} (of mass {@code frameMass}) to the lab. */
    static void boost(double[] v, double[] frame, double frameMass) {
        double bx = frame[0] / frame[3];
        double by = frame[1] / frame[3];
        double bz = frame[2] / frame[3];
        double gamma = frame[3] / frameMass;
        double bp = bx * v[0] + by * v[1] + bz * v[2];
        double b2 = bx * bx + by * by + bz * bz;
        double g2 = b2 > 0 ? (gamma - 1.0) / b2 : 0.0;
        double k = g2 * bp + gamma * v[3];
        v[0] += k * bx;
        v[1] += k * by;
        v[2] += k * bz;
        v[3] = gamma * (v[3] + bp);
    }
}
