package io.dltrigger.generator.validation;

import java.util.function.ToDoubleFunction;

/** The variables a cut-based analysis would cut on. */
public enum CutVariable {
    HT(HighLevelFeatures::ht),
    MET(HighLevelFeatures::met),
    MT(HighLevelFeatures::trueMt),
    N_JETS(HighLevelFeatures::nJets),
    N_BJETS(HighLevelFeatures::nBjets),
    LEP_PT(HighLevelFeatures::lepPt),
    LEP_ISO(HighLevelFeatures::isolation);

    private final ToDoubleFunction<HighLevelFeatures> value;

    CutVariable(ToDoubleFunction<HighLevelFeatures> value) {
        this.value = value;
    }

    public double of(HighLevelFeatures f) {
        return value.applyAsDouble(f);
    }
}
