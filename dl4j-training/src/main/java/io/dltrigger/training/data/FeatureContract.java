package io.dltrigger.training.data;

/** The features table's columns and shapes (README "Data contracts between stages"). */
public final class FeatureContract {
    public static final String LABEL = "label";
    public static final String HLF = "hlf";
    public static final String PARTICLES = "particles";
    public static final String N_PARTICLES = "n_particles";
    public static final String SOURCE_FILE = "source_file";
    public static final String ENTRY = "entry";

    public static final int N_CLASSES = 3;
    public static final int N_HLF = 14;
    public static final int MAX_PARTICLES = 801;
    public static final int PARTICLE_FEATURES = 19;
    public static final int PARTICLE_VALUES = MAX_PARTICLES * PARTICLE_FEATURES;

    public static final String[] CLASS_NAMES = {"QCD", "ttbar", "W+jets"};

    private FeatureContract() {}
}
