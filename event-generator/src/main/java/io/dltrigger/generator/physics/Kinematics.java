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

    /**
     * Two-body decay of {@code parent} with the polar angle of daughter 1 in the parent's rest frame given:
     * {@code cos} is measured from the parent's direction of flight in the frame of its own parent, which is
     * minus the direction of {@code sister} (the parent's partner in that decay) seen from the parent's rest
     * frame (the helicity axis). The azimuth around that axis is uniform.
     */
    static void twoBodyDecayAlong(
            Rng rng, double[] parent, double[] sister, double cos, double m1, double m2, double[] d1, double[] d2) {
        double mass = mass(parent);
        double p = momentumInRestFrame(mass, m1, m2);
        // the helicity axis n, using d2 as scratch: the sister in the parent's rest frame, reversed
        System.arraycopy(sister, 0, d2, 0, 4);
        boost(d2, -parent[0] / parent[3], -parent[1] / parent[3], -parent[2] / parent[3], parent[3] / mass);
        double len = Math.sqrt(d2[0] * d2[0] + d2[1] * d2[1] + d2[2] * d2[2]);
        double nx = -d2[0] / len;
        double ny = -d2[1] / len;
        double nz = -d2[2] / len;
        // e1 perpendicular to n (from whichever axis is least along n), e2 = n x e1
        double ax = Math.abs(nx) < 0.9 ? 1 : 0;
        double ay = 1 - ax;
        double e1x = ay * nz;
        double e1y = -ax * nz;
        double e1z = ax * ny - ay * nx;
        double e1 = Math.sqrt(e1x * e1x + e1y * e1y + e1z * e1z);
        e1x /= e1;
        e1y /= e1;
        e1z /= e1;
        double e2x = ny * e1z - nz * e1y;
        double e2y = nz * e1x - nx * e1z;
        double e2z = nx * e1y - ny * e1x;
        double sin = Math.sqrt(Math.max(0, 1 - cos * cos));
        double phi = rng.phi();
        double c = sin * Math.cos(phi);
        double s = sin * Math.sin(phi);
        double px = p * (cos * nx + c * e1x + s * e2x);
        double py = p * (cos * ny + c * e1y + s * e2y);
        double pz = p * (cos * nz + c * e1z + s * e2z);
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
        boost(v, frame[0] / frame[3], frame[1] / frame[3], frame[2] / frame[3], frame[3] / frameMass);
    }

    /** Boosts {@code v} by the velocity (bx, by, bz), whose Lorentz factor is {@code gamma}. */
    static void boost(double[] v, double bx, double by, double bz, double gamma) {
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
