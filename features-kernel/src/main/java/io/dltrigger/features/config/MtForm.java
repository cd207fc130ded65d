package io.dltrigger.features.config;

/** How the MT feature is computed from MET and the lepton. */
public enum MtForm {
    /** 2 MET pT (1 - cos dphi), without the square root: the reference's feature (default). */
    SQUARED,
    /** The transverse mass proper, the square root of {@link #SQUARED}. */
    TRANSVERSE_MASS
}
