package io.dltrigger.contract;

import java.util.List;

/**
 * The features table, written by {@code features} and read by {@code tune}, {@code train}, {@code evaluate},
 * {@code score} and the stream filter (README, "Data contracts"): {@code OUT/train/} and {@code OUT/test/}
 * (Parquet datasets), {@code OUT/scaler.json} ({@link Scaler}) and {@code OUT/summary.json}.
 */
public final class FeaturesTableContract {
    public static final String SOURCE_FILE = EventTableContract.SOURCE_FILE;
    public static final String ENTRY = EventTableContract.ENTRY;
    /** int32: {@link EventClass#label()}. */
    public static final String LABEL = "label";
    /** list&lt;float32&gt; of {@link #N_HLF}: the high-level features in {@link #HLF_NAMES} order, min-max scaled. */
    public static final String HLF = "hlf";
    /** list&lt;float32&gt; of {@link #PARTICLE_VALUES}: the particle list, row-major, standardized, padding last. */
    public static final String PARTICLES = "particles";
    /** int32: real (non-padding) rows of {@link #PARTICLES}, for masking. */
    public static final String N_PARTICLES = "n_particles";

    public static final String TRAIN_DIR = "train";
    public static final String TEST_DIR = "test";
    public static final String SCALER_FILE = "scaler.json";
    public static final String SUMMARY_FILE = "summary.json";

    /** The 14 high-level features, in the reference order. */
    public static final List<String> HLF_NAMES = List.of(
            "HT",
            "MET",
            "phiMET",
            "MT",
            "nJets",
            "nBjets",
            "LepPt",
            "LepEta",
            "LepPhi",
            "LepIsoCh",
            "LepIsoGamma",
            "LepIsoNeu",
            "LepCharge",
            "LepIsEle");
    /** The 19 features of a particle row, in the reference order. */
    public static final List<String> PARTICLE_NAMES = List.of(
            "Energy",
            "Px",
            "Py",
            "Pz",
            "Pt",
            "Eta",
            "Phi",
            "vtxX",
            "vtxY",
            "vtxZ",
            "ChPFIso",
            "GammaPFIso",
            "NeuPFIso",
            "isChHad",
            "isNeuHad",
            "isGamma",
            "isEle",
            "isMu",
            "Charge");

    public static final int N_HLF = 14;
    /** Rows of the particle list: the lepton, then up to 450 tracks, 150 photons and 200 neutral hadrons. */
    public static final int MAX_PARTICLES = 801;

    public static final int PARTICLE_FEATURES = 19;
    public static final int PARTICLE_VALUES = MAX_PARTICLES * PARTICLE_FEATURES;

    private FeaturesTableContract() {}
}
