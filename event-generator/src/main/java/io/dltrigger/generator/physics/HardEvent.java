package io.dltrigger.generator.physics;

import java.util.Arrays;

/**
 * The generator-level event in flat arrays: jet seeds (the partons that become jets, with their flavour and
 * axis) and pieces (what turns into detector particles: parton showers, few-body hadron decay products,
 * charged leptons). Neutrinos are not stored: they are simply missing from the visible sum, as in nature.
 * Reused from event to event; {@link #clear()} empties it without allocating.
 */
final class HardEvent {
    /** A light quark (u, d, s). */
    static final int LIGHT = 0;

    static final int CHARM = 4;
    static final int BOTTOM = 5;
    static final int TAU = 15;
    /** A gluon: its shower has more, softer and wider particles than a quark's of the same pT. */
    static final int GLUON = 21;

    /**
     * The flavour of two seeds merged into one jet: heavy flavour wins (b over c), a hadronic tau takes the
     * other's, and a light quark with a gluon stays what the first was (both are tagged alike).
     */
    static int merged(int a, int b) {
        if (a == BOTTOM || b == BOTTOM) {
            return BOTTOM;
        }
        if (a == CHARM || b == CHARM) {
            return CHARM;
        }
        return a == TAU ? b : a;
    }

    /** A parton shower: many particles in a cone around its direction. */
    static final int SHOWER = 0;
    /** Decay products of a hadron or hadronic tau: a few particles in a narrow cone. */
    static final int CLUSTER = 1;

    static final int ELECTRON = 11;
    static final int MUON = 13;

    // jet seeds
    int jets;
    int[] jetFlavour = new int[16];
    /** Forces the semileptonic decay of this jet's heavy hadron (or a lepton from a light jet): QCD's filter. */
    boolean[] jetForceLepton = new boolean[16];

    double[] axisEta = new double[16];
    double[] axisPhi = new double[16];
    /** Sums of the jet's reconstructed constituents within the cone, filled by the detector. */
    double[] sumPx = new double[16];

    double[] sumPy = new double[16];
    double[] sumPz = new double[16];

    // pieces
    int pieces;
    int[] kind = new int[32];
    int[] jetOf = new int[32];
    int[] charge = new int[32];
    boolean[] prompt = new boolean[32];
    double[] px = new double[32];
    double[] py = new double[32];
    double[] pz = new double[32];
    /** Mass of a CLUSTER (sets its opening angle); 0 for the rest. */
    double[] mass = new double[32];
    /** Production vertex relative to the primary vertex (mm): heavy-flavour decays fly. */
    double[] dx = new double[32];

    double[] dy = new double[32];
    double[] dz = new double[32];

    void clear() {
        jets = 0;
        pieces = 0;
    }

    /** A new jet seed along {@code p} ({px, py, pz, ...}) with its shower piece carrying the whole momentum. */
    int addJet(double[] p, int flavour) {
        int j = newJet(p[0], p[1], p[2], flavour);
        addPiece(SHOWER, j, p[0], p[1], p[2], 0, 0, true);
        return j;
    }

    int newJet(double jpx, double jpy, double jpz, int flavour) {
        if (jets == jetFlavour.length) {
            growJets();
        }
        int j = jets++;
        jetFlavour[j] = flavour;
        jetForceLepton[j] = false;
        axisEta[j] = Kinematics.eta(jpx, jpy, jpz);
        axisPhi[j] = Kinematics.phi(jpx, jpy);
        sumPx[j] = 0;
        sumPy[j] = 0;
        sumPz[j] = 0;
        return j;
    }

    int addPiece(
            int pieceKind,
            int jet,
            double ppx,
            double ppy,
            double ppz,
            double pieceMass,
            int pieceCharge,
            boolean isPrompt) {
        if (pieces == kind.length) {
            growPieces();
        }
        int i = pieces++;
        kind[i] = pieceKind;
        jetOf[i] = jet;
        px[i] = ppx;
        py[i] = ppy;
        pz[i] = ppz;
        mass[i] = pieceMass;
        charge[i] = pieceCharge;
        prompt[i] = isPrompt;
        dx[i] = 0;
        dy[i] = 0;
        dz[i] = 0;
        return i;
    }

    void displace(int piece, double x, double y, double z) {
        dx[piece] = x;
        dy[piece] = y;
        dz[piece] = z;
    }

    double pt(int piece) {
        return Kinematics.pt(px[piece], py[piece]);
    }

    double eta(int piece) {
        return Kinematics.eta(px[piece], py[piece], pz[piece]);
    }

    boolean isLepton(int piece) {
        return kind[piece] == ELECTRON || kind[piece] == MUON;
    }

    private void growJets() {
        int n = jets * 2;
        jetFlavour = Arrays.copyOf(jetFlavour, n);
        jetForceLepton = Arrays.copyOf(jetForceLepton, n);
        axisEta = Arrays.copyOf(axisEta, n);
        axisPhi = Arrays.copyOf(axisPhi, n);
        sumPx = Arrays.copyOf(sumPx, n);
        sumPy = Arrays.copyOf(sumPy, n);
        sumPz = Arrays.copyOf(sumPz, n);
    }

    private void growPieces() {
        int n = pieces * 2;
        kind = Arrays.copyOf(kind, n);
        jetOf = Arrays.copyOf(jetOf, n);
        charge = Arrays.copyOf(charge, n);
        prompt = Arrays.copyOf(prompt, n);
        px = Arrays.copyOf(px, n);
        py = Arrays.copyOf(py, n);
        pz = Arrays.copyOf(pz, n);
        mass = Arrays.copyOf(mass, n);
        dx = Arrays.copyOf(dx, n);
        dy = Arrays.copyOf(dy, n);
        dz = Arrays.copyOf(dz, n);
    }
}
