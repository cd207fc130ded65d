package io.dltrigger.features.physics;

import io.dltrigger.contract.FeaturesTableContract;
import java.util.List;

/** Positions of the features in the contract's reference order (names: {@link FeaturesTableContract}). */
public final class Features {
    public static final List<String> HLF = FeaturesTableContract.HLF_NAMES;
    public static final List<String> PARTICLE = FeaturesTableContract.PARTICLE_NAMES;
    public static final int N_HLF = FeaturesTableContract.N_HLF;
    public static final int N_PARTICLE = FeaturesTableContract.PARTICLE_FEATURES;

    public static final int HT = 0,
            MET = 1,
            PHI_MET = 2,
            MT = 3,
            N_JETS = 4,
            N_BJETS = 5,
            LEP_PT = 6,
            LEP_ETA = 7,
            LEP_PHI = 8,
            LEP_ISO_CH = 9,
            LEP_ISO_GAMMA = 10,
            LEP_ISO_NEU = 11,
            LEP_CHARGE = 12,
            LEP_IS_ELE = 13;
    public static final int ENERGY = 0,
            PX = 1,
            PY = 2,
            PZ = 3,
            PT = 4,
            ETA = 5,
            PHI = 6,
            VTX_X = 7,
            VTX_Y = 8,
            VTX_Z = 9,
            CH_ISO = 10,
            GAMMA_ISO = 11,
            NEU_ISO = 12,
            IS_CH_HAD = 13,
            IS_NEU_HAD = 14,
            IS_GAMMA = 15,
            IS_ELE = 16,
            IS_MU = 17,
            CHARGE = 18;

    private Features() {}
}
