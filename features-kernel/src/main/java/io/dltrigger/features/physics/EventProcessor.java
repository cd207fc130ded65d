package io.dltrigger.features.physics;

import io.dltrigger.contract.ParticleOrder;
import io.dltrigger.features.config.Cuts;
import io.dltrigger.features.config.LeptonChoice;
import io.dltrigger.features.config.MtForm;
import java.util.Arrays;

/**
 * Trigger selection and features of one event (PHYSICS.md), on reused primitive buffers: after
 * {@link #process} returns {@link Outcome#SELECTED}, {@link #hlf()} holds the 14 HLF and
 * {@link #particles()} the first {@link #rows()} rows (19 floats each) of the particle list, real rows
 * only, in the configured {@link ParticleOrder}: the lepton, then tracks, photons and neutral hadrons as
 * read, or ordered by Delta R to the lepton. With {@link Cuts#maxParticles()} below the block total the
 * list keeps the lepton and the particles closest to it, or the hardest ones. Padding is the writer's job.
 * One instance per thread.
 */
public final class EventProcessor {
    /** What happened to an event. */
    public enum Outcome {
        SELECTED,
        EMPTY_MAP,
        NO_LEPTON
    }

    private final Cuts cuts;
    private final LeptonChoice choice;
    private final MtForm mtForm;
    private final ParticleOrder order;
    private final ConeSum tracks;
    private final ConeSum photons;
    private final ConeSum neutrals;
    private final float[] hlf = new float[Features.N_HLF];
    private final float[] particles;
    private final float[] sorted;
    private final long[] sortKeys;
    private int rows;

    // The chosen lepton, and the first isolated candidate of each flavour.
    private double lepPt, lepEta, lepPhi, lepCh, lepGamma, lepNeu;
    private int lepCharge;
    private boolean lepIsEle;
    private final double[] cand = new double[6];
    private final double[] ele = new double[7];
    private final double[] mu = new double[7];

    public EventProcessor(Cuts cuts, LeptonChoice choice, MtForm mtForm, ParticleOrder order, ConeSum.Kind kind) {
        this.cuts = cuts;
        this.choice = choice;
        this.mtForm = mtForm;
        this.order = order;
        this.tracks = kind.create(cuts.isoCone());
        this.photons = kind.create(cuts.isoCone());
        this.neutrals = kind.create(cuts.isoCone());
        this.particles = new float[cuts.particleRows() * Features.N_PARTICLE];
        this.sorted = new float[particles.length];
        this.sortKeys = new long[cuts.particleRows()];
    }

    public float[] hlf() {
        return hlf;
    }

    public float[] particles() {
        return particles;
    }

    public int rows() {
        return rows;
    }

    public Outcome process(EventBuffer ev) {
        tracks.load(
                ev.floats(Field.TRK_ETA),
                ev.floats(Field.TRK_PHI),
                ev.floats(Field.TRK_PT),
                ev.size(Field.TRK_PT),
                (float) cuts.trackPtMin());
        photons.load(
                ev.floats(Field.PHO_ETA),
                ev.floats(Field.PHO_PHI),
                ev.floats(Field.PHO_ET),
                ev.size(Field.PHO_ET),
                (float) cuts.photonEtMin());
        neutrals.load(
                ev.floats(Field.NEU_ETA),
                ev.floats(Field.NEU_PHI),
                ev.floats(Field.NEU_ET),
                ev.size(Field.NEU_ET),
                (float) cuts.neutralHadronEtMin());
        if (tracks.size() == 0 || photons.size() == 0 || neutrals.size() == 0) {
            return Outcome.EMPTY_MAP;
        }
        boolean hasEle = firstIsolated(ev, Field.ELE_PT, Field.ELE_ETA, Field.ELE_PHI, Field.ELE_CHARGE, ele);
        boolean hasMu = firstIsolated(ev, Field.MU_PT, Field.MU_ETA, Field.MU_PHI, Field.MU_CHARGE, mu);
        if (!hasEle && !hasMu) {
            return Outcome.NO_LEPTON;
        }
        boolean useEle = hasEle && (!hasMu || prefersElectron());
        double[] l = useEle ? ele : mu;
        lepPt = l[0];
        lepEta = l[1];
        lepPhi = l[2];
        lepCh = l[3];
        lepGamma = l[4];
        lepNeu = l[5];
        lepCharge = (int) l[6];
        lepIsEle = useEle;
        highLevel(ev);
        particleList(ev);
        return Outcome.SELECTED;
    }

    private boolean prefersElectron() {
        // Ties go to the electron, as in the reference (it keeps the electron unless the muon is larger).
        return choice == LeptonChoice.PT ? ele[0] >= mu[0] : ele[1] >= mu[1];
    }

    /** The first candidate with pT above the cut and combined isolation below it, into out. */
    private boolean firstIsolated(EventBuffer ev, Field ptF, Field etaF, Field phiF, Field chargeF, double[] out) {
        float[] pt = ev.floats(ptF);
        float[] eta = ev.floats(etaF);
        float[] phi = ev.floats(phiF);
        int n = ev.size(ptF);
        for (int i = 0; i < n; i++) {
            if (!(pt[i] > cuts.leptonPtMin())) {
                continue;
            }
            isolation(pt[i], eta[i], phi[i], true, cand);
            if (cand[0] + cand[1] + cand[2] < cuts.leptonIsoMax()) {
                out[0] = pt[i];
                out[1] = eta[i];
                out[2] = phi[i];
                out[3] = cand[0];
                out[4] = cand[1];
                out[5] = cand[2];
                out[6] = ev.ints(chargeF)[i];
                return true;
            }
        }
        return false;
    }

    /**
     * PFIso against the three maps into out = {charged, photon, neutral}. The charged sum subtracts the
     * particle itself (1) for charged particles, which are in the track map; a particle with pT &lt;= 0
     * has isolation 0, as in the reference.
     */
    private void isolation(double pt, double eta, double phi, boolean charged, double[] out) {
        if (!(pt > 0)) {
            out[0] = out[1] = out[2] = 0;
            return;
        }
        out[0] = tracks.sum(eta, phi) / pt - (charged ? 1 : 0);
        out[1] = photons.sum(eta, phi) / pt;
        out[2] = neutrals.sum(eta, phi) / pt;
    }

    private void highLevel(EventBuffer ev) {
        float[] jpt = ev.floats(Field.JET_PT);
        float[] jeta = ev.floats(Field.JET_ETA);
        int[] btag = ev.ints(Field.JET_BTAG);
        double ht = 0;
        int nJets = 0;
        int nB = 0;
        for (int i = 0, n = ev.size(Field.JET_PT); i < n; i++) {
            if (jpt[i] > cuts.jetPtMin() && Math.abs(jeta[i]) < cuts.jetAbsEtaMax()) {
                ht += jpt[i];
                nJets++;
                if (btag[i] > 0) {
                    nB++;
                }
            }
        }
        boolean hasMet = ev.size(Field.MET) > 0;
        double met = hasMet ? ev.floats(Field.MET)[0] : 0;
        double metPhi = hasMet ? ev.floats(Field.MET_PHI)[0] : 0;
        double mt2 = 2 * met * lepPt * (1 - Math.cos(lepPhi - metPhi));
        hlf[Features.HT] = (float) ht;
        hlf[Features.MET] = (float) met;
        hlf[Features.PHI_MET] = (float) metPhi;
        hlf[Features.MT] = (float) (mtForm == MtForm.SQUARED ? mt2 : Math.sqrt(Math.max(0, mt2)));
        hlf[Features.N_JETS] = nJets;
        hlf[Features.N_BJETS] = nB;
        hlf[Features.LEP_PT] = (float) lepPt;
        hlf[Features.LEP_ETA] = (float) lepEta;
        hlf[Features.LEP_PHI] = (float) lepPhi;
        hlf[Features.LEP_ISO_CH] = (float) lepCh;
        hlf[Features.LEP_ISO_GAMMA] = (float) lepGamma;
        hlf[Features.LEP_ISO_NEU] = (float) lepNeu;
        hlf[Features.LEP_CHARGE] = lepCharge;
        hlf[Features.LEP_IS_ELE] = lepIsEle ? 1 : 0;
    }

    private void particleList(EventBuffer ev) {
        rows = 0;
        int o = row(lepPt, lepEta, lepPhi);
        particles[o + Features.CH_ISO] = (float) lepCh;
        particles[o + Features.GAMMA_ISO] = (float) lepGamma;
        particles[o + Features.NEU_ISO] = (float) lepNeu;
        particles[o + (lepIsEle ? Features.IS_ELE : Features.IS_MU)] = 1;
        particles[o + Features.CHARGE] = lepCharge;

        float[] pt = ev.floats(Field.TRK_PT);
        float[] eta = ev.floats(Field.TRK_ETA);
        float[] phi = ev.floats(Field.TRK_PHI);
        int[] pid = ev.ints(Field.TRK_PID);
        float[] x = ev.floats(Field.TRK_X);
        float[] y = ev.floats(Field.TRK_Y);
        float[] z = ev.floats(Field.TRK_Z);
        double drMin2 = cuts.trackLeptonDrMin() * cuts.trackLeptonDrMin();
        for (int i = 0, n = ev.size(Field.TRK_PT), kept = 0; i < n && kept < cuts.maxTracks(); i++) {
            // The lepton's own track is already row 0.
            if (!(pt[i] > cuts.trackPtMin()) || DeltaR.squared(lepEta, lepPhi, eta[i], phi[i]) < drMin2) {
                continue;
            }
            o = row(pt[i], eta[i], phi[i]);
            particles[o + Features.VTX_X] = x[i];
            particles[o + Features.VTX_Y] = y[i];
            particles[o + Features.VTX_Z] = z[i];
            isolated(o, pt[i], eta[i], phi[i], true);
            particles[o + Features.IS_CH_HAD] = 1;
            particles[o + Features.CHARGE] = Integer.signum(pid[i]);
            kept++;
        }
        neutralBlock(
                ev,
                Field.PHO_ET,
                Field.PHO_ETA,
                Field.PHO_PHI,
                cuts.photonEtMin(),
                cuts.maxPhotons(),
                Features.IS_GAMMA);
        neutralBlock(
                ev,
                Field.NEU_ET,
                Field.NEU_ETA,
                Field.NEU_PHI,
                cuts.neutralHadronEtMin(),
                cuts.maxNeutralHadrons(),
                Features.IS_NEU_HAD);
        if (order != ParticleOrder.AS_READ || rows > cuts.maxParticles()) {
            reorder();
        }
    }

    private void neutralBlock(EventBuffer ev, Field etF, Field etaF, Field phiF, double etMin, int max, int flag) {
        float[] et = ev.floats(etF);
        float[] eta = ev.floats(etaF);
        float[] phi = ev.floats(phiF);
        for (int i = 0, n = ev.size(etF), kept = 0; i < n && kept < max; i++) {
            if (!(et[i] > etMin)) {
                continue;
            }
            int o = row(et[i], eta[i], phi[i]);
            isolated(o, et[i], eta[i], phi[i], false);
            particles[o + flag] = 1;
            kept++;
        }
    }

    private void isolated(int o, double pt, double eta, double phi, boolean charged) {
        isolation(pt, eta, phi, charged, cand);
        particles[o + Features.CH_ISO] = (float) cand[0];
        particles[o + Features.GAMMA_ISO] = (float) cand[1];
        particles[o + Features.NEU_ISO] = (float) cand[2];
    }

    /** Starts a zeroed row with the massless four-vector of (pT, eta, phi); returns its offset. */
    private int row(double pt, double eta, double phi) {
        int o = rows * Features.N_PARTICLE;
        Arrays.fill(particles, o, o + Features.N_PARTICLE, 0f);
        particles[o + Features.ENERGY] = (float) (pt * Math.cosh(eta));
        particles[o + Features.PX] = (float) (pt * Math.cos(phi));
        particles[o + Features.PY] = (float) (pt * Math.sin(phi));
        particles[o + Features.PZ] = (float) (pt * Math.sinh(eta));
        particles[o + Features.PT] = (float) pt;
        particles[o + Features.ETA] = (float) eta;
        particles[o + Features.PHI] = (float) phi;
        rows++;
        return o;
    }

    /**
     * Keeps the lepton and the {@code maxParticles - 1} particles closest to it (the hardest, for
     * HARDEST_DELTA_R_DESCENDING_CLOSEST_LAST), in the configured order. Keys pack a non-negative float, whose bits
     * order like the value, above the row index, so sorting them orders by that value with ties in block order
     * (stable); AS_READ re-sorts the kept rows by index.
     */
    private void reorder() {
        int n = rows - 1;
        int kept = Math.min(n, Math.max(0, cuts.maxParticles() - 1));
        boolean hardest = order == ParticleOrder.HARDEST_DELTA_R_DESCENDING_CLOSEST_LAST;
        for (int r = 1; r < rows; r++) {
            sortKeys[r - 1] = hardest ? key(Integer.MAX_VALUE - Float.floatToIntBits(pt(r)), r) : deltaRKey(r);
        }
        Arrays.sort(sortKeys, 0, n);
        if (hardest) {
            for (int k = 0; k < kept; k++) {
                sortKeys[k] = deltaRKey((int) sortKeys[k]);
            }
            Arrays.sort(sortKeys, 0, kept);
        } else if (order == ParticleOrder.AS_READ) {
            for (int k = 0; k < kept; k++) {
                sortKeys[k] &= 0xFFFFFFFFL;
            }
            Arrays.sort(sortKeys, 0, kept);
        }
        boolean leptonLast = hardest || order == ParticleOrder.DELTA_R_DESCENDING_CLOSEST_LAST;
        int lepRow = leptonLast ? kept : 0;
        System.arraycopy(particles, 0, sorted, lepRow * Features.N_PARTICLE, Features.N_PARTICLE);
        for (int k = 0; k < kept; k++) {
            int r = (int) sortKeys[k];
            int to = leptonLast ? kept - 1 - k : k + 1;
            System.arraycopy(particles, r * Features.N_PARTICLE, sorted, to * Features.N_PARTICLE, Features.N_PARTICLE);
        }
        rows = kept + 1;
        System.arraycopy(sorted, 0, particles, 0, rows * Features.N_PARTICLE);
    }

    private float pt(int row) {
        return particles[row * Features.N_PARTICLE + Features.PT];
    }

    private long deltaRKey(int row) {
        int o = row * Features.N_PARTICLE;
        float dr = (float) DeltaR.of(lepEta, lepPhi, particles[o + Features.ETA], particles[o + Features.PHI]);
        return key(Float.floatToIntBits(dr), row);
    }

    private static long key(int high, int row) {
        return ((long) high << 32) | row;
    }
}
