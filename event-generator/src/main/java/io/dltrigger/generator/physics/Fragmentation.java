package io.dltrigger.generator.physics;

/**
 * Turns parton showers and hadron-decay clusters into particles. A shower's multiplicity grows with the
 * logarithm of its pT; momentum fractions are steeply falling (a few hard particles carry most of the
 * momentum); soft particles spread wider, and a few fall outside the jet cone (out-of-cone losses). The mix
 * of charged hadrons, photons (from pi0) and neutral hadrons varies from jet to jet. A gluon radiates more
 * than a quark (colour factor C_A = 3 against C_F = 4/3): its jet has about 1.5 times the particles of a
 * quark jet of the same pT, each softer, and is wider. A hadron decay gives as many particles as its mass
 * allows: about 5 charged for a B, 2.5 for a D, as measured.
 */
final class Fragmentation {
    private static final double MEAN_CHARGED_FRACTION = 0.62;
    private static final double PHOTON_SHARE_OF_NEUTRALS = 0.7;
    private static final double HARD_FSR = 0.4;
    /**
     * Multiplicity and width of quark and gluon showers relative to the mean shower: gluon / quark
     * multiplicity 1.3 / 0.85 = 1.5, as measured for jets of 50-500 GeV at the LHC (e.g. ATLAS,
     * arXiv:1602.00988), which is below the asymptotic C_A / C_F = 2.25; gluon jets about 1.3 times wider.
     */
    private static final double GLUON_MULTIPLICITY = 1.3;

    private static final double QUARK_MULTIPLICITY = 0.85;
    private static final double GLUON_WIDTH = 1.3;
    /** Particles of a hadron decay: 2 + Poisson(1.1 m / GeV), 65 % charged: B 5.1, D 2.6 charged (PDG: 5.0, 2.4-2.6). */
    private static final double DECAY_PARTICLES_PER_GEV = 1.1;

    private final Rng rng;
    private final Detector detector;
    private double[] fractions = new double[64];

    Fragmentation(Rng rng, Detector detector) {
        this.rng = rng;
        this.detector = detector;
    }

    void apply(HardEvent event) {
        for (int i = 0; i < event.pieces; i++) {
            fragment(event, i);
        }
    }

    /** Fragments one piece if it is a shower or a cluster (leptons are the lepton reconstruction's). */
    void fragment(HardEvent event, int i) {
        if (event.kind[i] == HardEvent.SHOWER) {
            shower(event, i);
        } else if (event.kind[i] == HardEvent.CLUSTER) {
            cluster(event, i);
        }
    }

    private void shower(HardEvent event, int i) {
        double pt = event.pt(i);
        if (pt < 0.5) {
            return;
        }
        int j = event.jetOf[i];
        boolean gluon = j >= 0 && event.jetFlavour[j] == HardEvent.GLUON;
        double eta = event.eta(i);
        double phi = Kinematics.phi(event.px[i], event.py[i]);
        if (rng.chance(HARD_FSR)) {
            // A hard gluon at a wide angle: its sub-shower often falls outside the jet cone, which is the
            // low-side tail of the jet response (and sometimes a jet of its own).
            double f = rng.uniform(0.05, 0.4);
            double dr = 0.15 + rng.exponential(0.35);
            double alpha = rng.phi();
            subShower(event, i, f * pt, eta + dr * Math.cos(alpha), Kinematics.wrap(phi + dr * Math.sin(alpha)), gluon);
            pt *= 1 - f;
        }
        subShower(event, i, pt, eta, phi, gluon);
    }

    private void subShower(HardEvent event, int i, double pt, double eta, double phi, boolean gluon) {
        double mean = 4 + 7 * Math.log1p(pt / 10);
        int n = Math.max(1, rng.poisson(mean * (gluon ? GLUON_MULTIPLICITY : QUARK_MULTIPLICITY)));
        // (-ln u)^2: a broad distribution, so that the leading particle often takes a large share.
        double sum = split(n, 2);
        double r0 = Math.min(0.15, Math.max(0.02, 0.35 / Math.sqrt(pt))) * (gluon ? GLUON_WIDTH : 1);
        double chargedFraction = Math.min(0.9, Math.max(0.3, rng.gaussian(MEAN_CHARGED_FRACTION, 0.1)));
        emit(event, i, eta, phi, n, sum, pt, r0, chargedFraction, 0, 0);
    }

    private void cluster(HardEvent event, int i) {
        double pt = event.pt(i);
        int j = event.jetOf[i];
        boolean tau = j >= 0 && event.jetFlavour[j] == HardEvent.TAU;
        // A hadronic tau: one or three charged prongs plus neutral pions; a hadron decay: a few hadrons.
        int prongs = tau ? (rng.chance(0.75) ? 1 : 3) : 0;
        int n = tau ? prongs + rng.poisson(0.8) : 2 + rng.poisson(DECAY_PARTICLES_PER_GEV * event.mass[i]);
        double sum = split(n, 1);
        // The decay's opening angle is of order m / p.
        double r0 = Math.min(0.3, Math.max(0.005, 0.7 * event.mass[i] / Math.max(pt, 1)));
        emit(
                event,
                i,
                event.eta(i),
                Kinematics.phi(event.px[i], event.py[i]),
                n,
                sum,
                pt,
                r0,
                tau ? -1 : 0.65,
                prongs,
                event.charge[i]);
    }

    /** Draws n momentum fractions (-ln u)^power into {@code fractions}; returns their sum. */
    private double split(int n, int power) {
        if (fractions.length < n) {
            fractions = new double[2 * n];
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double x = -Math.log(rng.open());
            if (power == 2) {
                x *= x;
            }
            fractions[k] = x;
            sum += x;
        }
        return sum;
    }

    /**
     * Emits n particles of piece i around (eta, phi). A negative charged fraction marks a hadronic tau: its
     * {@code prongs} first particles are charged pions summing to {@code tauCharge}, the rest photons.
     */
    private void emit(
            HardEvent event,
            int i,
            double eta,
            double phi,
            int n,
            double sum,
            double pt,
            double r0,
            double chargedFraction,
            int prongs,
            int tauCharge) {
        int jet = event.jetOf[i];
        double vx = detector.vertexX + event.dx[i];
        double vy = detector.vertexY + event.dy[i];
        double vz = detector.vertexZ + event.dz[i];
        for (int k = 0; k < n; k++) {
            double x = fractions[k] / sum;
            double dr = Math.min(1.2, r0 * rng.exponential(1.0) / Math.sqrt(Math.max(x * n, 0.05)));
            double alpha = rng.phi();
            double peta = eta + dr * Math.cos(alpha);
            double pphi = Kinematics.wrap(phi + dr * Math.sin(alpha));
            double ppt = x * pt;
            if (chargedFraction < 0) {
                if (k < prongs) {
                    // 3-prong: two pions of the tau's charge and one opposite
                    int q = prongs == 3 && k == 2 ? -tauCharge : tauCharge;
                    detector.charged(ppt, peta, pphi, 211 * q, vx, vy, vz, jet);
                } else {
                    detector.photon(ppt, peta, pphi, jet);
                }
                continue;
            }
            double u = rng.uniform();
            if (u < chargedFraction) {
                detector.charged(ppt, peta, pphi, chargedPid(), vx, vy, vz, jet);
            } else if (u < chargedFraction + (1 - chargedFraction) * PHOTON_SHARE_OF_NEUTRALS) {
                detector.photon(ppt, peta, pphi, jet);
            } else {
                detector.neutralHadron(ppt, peta, pphi, jet);
            }
        }
    }

    /** pi+-, K+-, p/pbar in roughly their hadronisation proportions. */
    int chargedPid() {
        double u = rng.uniform();
        int pid = u < 0.72 ? 211 : u < 0.9 ? 321 : 2212;
        return rng.chance(0.5) ? pid : -pid;
    }
}
