package io.dltrigger.generator.physics;

/**
 * Hadronisation and decay of the leading hadron of b and c jets: the hadron takes a hard fraction of the
 * quark momentum, flies a few mm (tracks from its decay are displaced), and decays either semileptonically
 * (B -> l nu D, D -> l nu K: a non-prompt lepton inside the jet, plus a neutrino that is real MET; the D of
 * a B decay flies on before decaying) or to hadrons. For QCD's lepton filter a light jet can instead yield a lepton from a pion decay in flight or a
 * photon conversion. The rest of the jet stays a parton shower along the same axis.
 */
final class HeavyFlavourDecays {
    private static final double B_MASS = 5.28;
    private static final double D_MASS = 1.87;
    private static final double K_MASS = 0.494;
    private static final double B_CTAU_MM = 0.45;
    private static final double D_CTAU_MM = 0.20;
    /** Semileptonic to e or mu, direct plus cascade. */
    private static final double B_SEMILEPTONIC = 0.22;

    private static final double D_SEMILEPTONIC = 0.18;

    private final double[] hadron = new double[4];
    private final double[] lepton = new double[4];
    private final double[] rest = new double[4];
    private final double[] neutrino = new double[4];
    private final double[] products = new double[4];

    /** Decays the leading hadron of every heavy-flavour or lepton-forced jet shower in the event. */
    void apply(Rng rng, HardEvent event) {
        int n = event.pieces;
        for (int i = 0; i < n; i++) {
            int j = event.jetOf[i];
            if (event.kind[i] != HardEvent.SHOWER || j < 0) {
                continue;
            }
            int flavour = event.jetFlavour[j];
            boolean force = event.jetForceLepton[j];
            if (flavour == HardEvent.BOTTOM || flavour == HardEvent.CHARM) {
                decayHeavy(rng, event, i, flavour == HardEvent.BOTTOM, force);
            } else if (force) {
                lightLepton(rng, event, i);
            }
        }
    }

    private void decayHeavy(Rng rng, HardEvent event, int shower, boolean bottom, boolean force) {
        double z = bottom ? 1 - 0.4 * Math.pow(rng.uniform(), 1.5) : 1 - 0.85 * Math.pow(rng.uniform(), 1.1);
        double m = bottom ? B_MASS : D_MASS;
        double hx = z * event.px[shower];
        double hy = z * event.py[shower];
        double hz = z * event.pz[shower];
        double p = Math.sqrt(hx * hx + hy * hy + hz * hz);
        Kinematics.set(hadron, hx, hy, hz, Math.sqrt(p * p + m * m));
        scale(event, shower, 1 - z);
        // Flight distance: beta gamma c tau times an exponential decay time.
        double flight = (bottom ? B_CTAU_MM : D_CTAU_MM) * rng.exponential(1.0) / m;
        int j = event.jetOf[shower];
        int charge = rng.chance(0.5) ? 1 : -1;
        if (force || rng.chance(bottom ? B_SEMILEPTONIC : D_SEMILEPTONIC)) {
            double mx = bottom ? D_MASS : K_MASS;
            double my = bottom ? rng.uniform(2.0, 5.0) : rng.uniform(0.6, 1.7);
            Kinematics.twoBodyDecay(rng, hadron, 0, my, lepton, rest);
            Kinematics.twoBodyDecay(rng, rest, 0, mx, neutrino, products);
            int kind = rng.chance(0.5) ? HardEvent.ELECTRON : HardEvent.MUON;
            int l = event.addPiece(kind, j, lepton[0], lepton[1], lepton[2], 0, charge, false);
            event.displace(l, flight * hx, flight * hy, flight * hz);
            int c = event.addPiece(HardEvent.CLUSTER, j, products[0], products[1], products[2], mx, 0, false);
            // B -> l nu D: the D flies on from the B's decay vertex before it decays (a tertiary vertex).
            double cascade = bottom ? D_CTAU_MM * rng.exponential(1.0) / D_MASS : 0;
            event.displace(
                    c,
                    flight * hx + cascade * products[0],
                    flight * hy + cascade * products[1],
                    flight * hz + cascade * products[2]);
        } else {
            int c = event.addPiece(HardEvent.CLUSTER, j, hx, hy, hz, m, 0, false);
            event.displace(c, flight * hx, flight * hy, flight * hz);
        }
    }

    /** A light jet's leading hadron gives a muon (pi/K decay in flight) or an electron (photon conversion). */
    private void lightLepton(Rng rng, HardEvent event, int shower) {
        double z = rng.uniform();
        boolean muon = rng.chance(0.6);
        // pi -> mu nu: the muon keeps between (m_mu/m_pi)^2 and all of the pion momentum.
        double x = z * (muon ? rng.uniform(0.57, 1.0) : rng.uniform(0.2, 1.0));
        int charge = rng.chance(0.5) ? 1 : -1;
        event.addPiece(
                muon ? HardEvent.MUON : HardEvent.ELECTRON,
                event.jetOf[shower],
                x * event.px[shower],
                x * event.py[shower],
                x * event.pz[shower],
                0,
                charge,
                false);
        scale(event, shower, 1 - z);
    }

    private static void scale(HardEvent event, int piece, double f) {
        event.px[piece] *= f;
        event.py[piece] *= f;
        event.pz[piece] *= f;
    }
}
